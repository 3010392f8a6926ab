import type { FastifyInstance } from 'fastify';
import { commentRoutes } from './comment-routes.js';
import { CommentLimiter, MemoryCounter, RedisCounter } from './limits.js';
import { ratingRoutes } from './rating-routes.js';
import { DbReplayStore, RedisReplayStore, type ReplayStore } from './replay-store.js';
import { loadSecrets } from './secrets.js';
import { Verification } from './verification.js';
import { VisitorKeys } from './visitor.js';

/**
 * Public endpoints of citizen interaction: rate an article, post a comment, captcha challenge.
 * The replay store and the comment rate limits live in Redis when REDIS_URL is set (shared by
 * every instance), otherwise in the database and in memory.
 */
export async function interactRoutes(app: FastifyInstance): Promise<void> {
  const ctx = app.cong;
  const secrets = await loadSecrets(ctx.db, ctx.now());
  let replay: ReplayStore;
  let limiter: CommentLimiter;
  if (ctx.config.redisUrl) {
    const redis = RedisReplayStore.connect(ctx.config.redisUrl, ctx.config.redisPrefix);
    replay = redis;
    limiter = new CommentLimiter(new RedisCounter(redis.client, ctx.config.redisPrefix), secrets.limiter);
  } else {
    replay = new DbReplayStore(ctx.db);
    limiter = new CommentLimiter(new MemoryCounter(), secrets.limiter);
  }
  app.addHook('onClose', async () => replay.close());
  const visitors = new VisitorKeys(ctx.db);
  await ratingRoutes(app, visitors);
  await commentRoutes(app, { verification: new Verification(secrets, replay), limiter, visitors });
}
