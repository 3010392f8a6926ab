import type { Redis } from 'ioredis';
import type { Db } from '../db/connection.js';

/**
 * Remembers which solved challenges and question tokens were already used, until they expire:
 * without it a solved ALTCHA payload could be posted again and again. `useOnce` is atomic, so
 * two simultaneous posts of the same payload cannot both pass.
 */
export interface ReplayStore {
  /** True the first time an id is presented; false every later time (until `expiresAt`). */
  useOnce(id: string, expiresAt: Date): Promise<boolean>;
}

export class DbReplayStore implements ReplayStore {
  private calls = 0;

  constructor(private readonly db: Db, private readonly clock: () => number = Date.now) {}

  async useOnce(id: string, expiresAt: Date): Promise<boolean> {
    // Expired ids can no longer be replayed (the signature check refuses them): forget them now and then.
    if (++this.calls % 100 === 0) {
      await this.db.deleteFrom('captcha_used').where('expires_at', '<', new Date(this.clock()).toISOString()).execute();
    }
    const r = await this.db
      .insertInto('captcha_used')
      .values({ id, expires_at: expiresAt.toISOString() })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }
}

/**
 * Shared by every instance when REDIS_URL is set: SET NX with the remaining lifetime, on the
 * process's shared connection (which this store does not close).
 */
export class RedisReplayStore implements ReplayStore {
  constructor(readonly client: Redis, private readonly prefix: string, private readonly clock: () => number = Date.now) {}

  async useOnce(id: string, expiresAt: Date): Promise<boolean> {
    const ttl = Math.max(1000, expiresAt.getTime() - this.clock());
    return (await this.client.set(`${this.prefix}captcha:${id}`, '1', 'PX', ttl, 'NX')) === 'OK';
  }
}
