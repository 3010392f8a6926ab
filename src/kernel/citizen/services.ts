import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { MemoryCounter, RedisCounter, type Counter } from './limits.js';
import { DbReplayStore, RedisReplayStore, type ReplayStore } from './replay-store.js';
import { loadSecrets, type InteractSecrets } from './secrets.js';
import { Verification } from './verification.js';
import { VisitorKeys } from './visitor.js';

/**
 * What every citizen form shares (comments, questions to the board, feedback on drafts): the
 * secrets, the verification step with its replay store (a solved challenge is accepted once,
 * whichever form it is sent with), the rate-limit counters and the visitor keys. In Redis when
 * REDIS_URL is set (shared by every instance, one connection), otherwise in the database and in
 * memory. Made once per application, by whichever plugin asks first.
 */
export interface CitizenServices {
  secrets: InteractSecrets;
  verification: Verification;
  counter: Counter;
  visitors: VisitorKeys;
}

const made = new WeakMap<AppContext, Promise<CitizenServices>>();

async function make(app: FastifyInstance): Promise<CitizenServices> {
  const ctx = app.cong;
  const secrets = await loadSecrets(ctx.db, ctx.now());
  let replay: ReplayStore;
  let counter: Counter;
  if (ctx.config.redisUrl) {
    const redis = RedisReplayStore.connect(ctx.config.redisUrl, ctx.config.redisPrefix);
    replay = redis;
    counter = new RedisCounter(redis.client, ctx.config.redisPrefix);
  } else {
    replay = new DbReplayStore(ctx.db);
    counter = new MemoryCounter();
  }
  app.addHook('onClose', async () => replay.close());
  return { secrets, verification: new Verification(secrets, replay), counter, visitors: new VisitorKeys(ctx.db) };
}

export function citizenServices(app: FastifyInstance): Promise<CitizenServices> {
  let services = made.get(app.cong);
  if (!services) made.set(app.cong, (services = make(app)));
  return services;
}
