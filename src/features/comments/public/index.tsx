import type { FastifyInstance } from 'fastify';
import { commentRoutes } from './routes.js';
import { CommentLimiter } from '../../../kernel/citizen/limits.js';

/**
 * Public endpoints of comments: the no-JS write page, posting behind the verification step.
 * The replay store and the comment rate limits live in Redis when REDIS_URL is set (shared by
 * every instance), otherwise in the database and in memory.
 */
export async function commentPublicRoutes(app: FastifyInstance): Promise<void> {
  const { secrets, verification, counter, visitors } = app.cong.citizen;
  await commentRoutes(app, { verification, limiter: new CommentLimiter(counter, secrets.limiter), visitors });
}
