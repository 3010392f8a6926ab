import { Redis } from 'ioredis';
import type { LiveDays } from '../../kernel/lib/calendar.js';
import { hitFields, inner, liveFields, visitFields, type BaseValues, type Batch, type Hit } from './fields.js';
import { COMMIT, HIT, LOCK, READ, TAKE, UNLOCK } from './redis-scripts.js';
import type { LiveRead, StatsStore } from './store.js';
import { ONLINE_MS, VISIT_GAP_MS } from './window.js';

type Script = (...args: (string | number)[]) => Promise<unknown>;

const K = {
  window: (site: number) => `stats:w:${site}`,
  base: (site: number) => `stats:b:${site}`,
  pending: 'stats:p',
  touches: 'stats:t',
  flushing: 'stats:f',
  flushingTouches: 'stats:tf',
  batchId: 'stats:fid',
  need: 'stats:need',
  lock: 'stats:lock',
};

/**
 * Aggregation in Redis, shared by every instance: online-now windows, pending counters and
 * the database mirror behind the live numbers. One script call per hit.
 */
export class RedisStore implements StatsStore {
  readonly kind = 'redis';
  private readonly scripts: Record<'hit' | 'read' | 'take' | 'commit' | 'lock' | 'unlock', Script>;

  constructor(readonly redis: Redis, private readonly capPerSite: number) {
    const define = (name: string, lua: string, numberOfKeys?: number): Script => {
      redis.defineCommand(name, { lua, ...(numberOfKeys === undefined ? {} : { numberOfKeys }) });
      const fn = (redis as unknown as Record<string, Script>)[name]!;
      return fn.bind(redis);
    };
    this.scripts = {
      hit: define('congStatsHit', HIT, 6),
      read: define('congStatsRead', READ, 5),
      take: define('congStatsTake', TAKE, 5),
      // Variable key count: the first argument is the number of keys.
      commit: define('congStatsCommit', COMMIT),
      lock: define('congStatsLock', LOCK, 1),
      unlock: define('congStatsUnlock', UNLOCK, 1),
    };
  }

  static connect(url: string, prefix: string): Redis {
    return new Redis(url, { keyPrefix: prefix, enableAutoPipelining: true, maxRetriesPerRequest: 2, lazyConnect: false });
  }

  async record(hit: Hit, days: LiveDays): Promise<LiveRead> {
    const hf = hitFields(hit);
    const vf = visitFields(hit);
    const r = (await this.scripts.hit(
      K.window(hit.siteId), K.pending, K.touches, K.base(hit.siteId), K.flushing, K.need,
      hit.siteId, hit.visitor, hit.previous ?? '', hit.at, VISIT_GAP_MS, ONLINE_MS, this.capPerSite, hit.at,
      hf.length, vf.length, ...hf, ...vf, ...liveFields(days),
    )) as number[];
    return toRead(r);
  }

  async read(siteId: number, days: LiveDays, now: number): Promise<LiveRead> {
    const r = (await this.scripts.read(K.window(siteId), K.pending, K.base(siteId), K.flushing, K.need, siteId, now - ONLINE_MS, ...liveFields(days))) as number[];
    return toRead(r);
  }

  async takeBatch(id: string): Promise<Batch | null> {
    const r = (await this.scripts.take(K.pending, K.touches, K.flushing, K.flushingTouches, K.batchId, id)) as [string, string[], string[]] | null;
    if (!r) return null;
    const batch: Batch = { id: r[0], counters: new Map(), touches: new Map() };
    pairs(r[1], (site, field, value) => inner(batch.counters, site).set(field, Number(value)));
    pairs(r[2], (site, visitor, at) => inner(batch.touches, site).set(visitor, Number(at)));
    return batch;
  }

  async commitBatch(batch: Batch, base: BaseValues): Promise<void> {
    await this.commit(batch.id ?? '', base);
  }

  async abortBatch(): Promise<void> {
    // The batch stays in Redis under its id; the next flush (of any instance) writes it.
  }

  async sitesWithoutBase(): Promise<number[]> {
    return (await this.redis.smembers(K.need)).map(Number);
  }

  async setBase(base: BaseValues): Promise<boolean> {
    return (await this.commit('', base)) === 1;
  }

  private async commit(id: string, base: BaseValues): Promise<number> {
    const keys = [K.batchId, K.flushing, K.flushingTouches, K.need, ...[...base.keys()].map(K.base)];
    const args: (string | number)[] = [id];
    for (const [site, values] of base) {
      args.push(site, values.size);
      for (const [f, n] of values) args.push(f, n);
    }
    return (await this.scripts.commit(keys.length, ...keys, ...args)) as number;
  }

  async lock(owner: string, ttlMs: number): Promise<boolean> {
    return (await this.scripts.lock(K.lock, owner, ttlMs)) === 1;
  }

  async unlock(owner: string): Promise<void> {
    await this.scripts.unlock(K.lock, owner);
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

function toRead(r: number[]): LiveRead {
  return { online: Number(r[0] ?? 0), values: r.length > 1 ? r.slice(1).map(Number) : null };
}

/** Walks a flat HGETALL reply of "site|key" → value. */
function pairs(flat: string[], fn: (site: number, key: string, value: string) => void): void {
  for (let i = 0; i + 1 < flat.length; i += 2) {
    const f = flat[i]!;
    const bar = f.indexOf('|');
    fn(Number(f.slice(0, bar)), f.slice(bar + 1), flat[i + 1]!);
  }
}
