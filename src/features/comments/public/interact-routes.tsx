import type { FastifyInstance } from 'fastify';
import { commentRoutes } from './routes.js';
import { CommentLimiter } from '../../../kernel/citizen/limits.js';
import { ratingRoutes } from '../../ratings/routes.js';

/**
 * Public endpoints of citizen interaction: rate an article, post a comment, captcha challenge.
 * The replay store and the comment rate limits live in Redis when REDIS_URL is set (shared by
 * every instance), otherwise in the database and in memory.
 */
export async function interactRoutes(app: FastifyInstance): Promise<void> {
  const { secrets, verification, counter, visitors } = app.cong.citizen;
  await ratingRoutes(app, visitors);
  await commentRoutes(app, { verification, limiter: new CommentLimiter(counter, secrets.limiter), visitors });
}
