import { RemoteCounter } from '../cluster/counters.js';
import type { PrimaryLink } from '../cluster/link.js';
import type { Db } from '../db/connection.js';
import type { RedisClients } from '../redis.js';
import { MemoryCounter, RedisCounter, type Counter } from './limits.js';
import { DbReplayStore, RedisReplayStore, type ReplayStore } from './replay-store.js';
import { loadSecrets, type InteractSecrets } from './secrets.js';
import { Verification } from './verification.js';
import { VisitorKeys } from './visitor.js';

/**
 * What every citizen form shares (comments, questions to the board, feedback on drafts): the
 * secrets, the verification step with its replay store (a solved challenge is accepted once,
 * whichever form it is sent with), the rate-limit counters and the visitor keys. In Redis when
 * REDIS_URL is set (shared by every instance, on the process's one connection), otherwise in the
 * database and in memory (the primary's memory when several workers serve). Made once per application, with its context (`app.cong.citizen`).
 */
export interface CitizenServices {
  secrets: InteractSecrets;
  verification: Verification;
  counter: Counter;
  visitors: VisitorKeys;
}

export async function makeCitizenServices({ db, redis, primary = null, now }: { db: Db; redis: RedisClients | null; primary?: PrimaryLink | null; now: () => Date }): Promise<CitizenServices> {
  const secrets = await loadSecrets(db, now());
  const replay: ReplayStore = redis ? new RedisReplayStore(redis.client, redis.prefix) : new DbReplayStore(db);
  // Several workers without Redis count in the primary, so that a limit holds across them.
  const counter: Counter = redis ? new RedisCounter(redis.client, redis.prefix) : primary ? new RemoteCounter(primary) : new MemoryCounter();
  return { secrets, verification: new Verification(secrets, replay), counter, visitors: new VisitorKeys(db) };
}
