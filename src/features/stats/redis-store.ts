import type { Redis } from 'ioredis';
import type { LiveDays } from '../../kernel/lib/calendar.js';
import { hitFields, inner, liveFields, visitFields, type BaseValues, type Batch, type Hit } from './fields.js';
import { COMMIT, HIT, LOCK, READ, TAKE, UNLOCK } from './redis-scripts.js';
import type { LiveRead, StatsStore } from './store.js';
import { ONLINE_MS, VISIT_GAP_MS } from './window.js';

type Script = (...args: (string | number)[]) => Promise<unknown>;

/** The keys, each behind the installation's prefix ("cong:stats:p"); the scripts get them in KEYS. */
const statsKeys = (prefix: string) => ({
  window: (site: number) => `${prefix}stats:w:${site}`,
  base: (site: number) => `${prefix}stats:b:${site}`,
  pending: `${prefix}stats:p`,
  touches: `${prefix}stats:t`,
  flushing: `${prefix}stats:f`,
  flushingTouches: `${prefix}stats:tf`,
  batchId: `${prefix}stats:fid`,
  need: `${prefix}stats:need`,
  lock: `${prefix}stats:lock`,
});

/**
 * Aggregation in Redis, shared by every instance: online-now windows, pending counters and
 * the database mirror behind the live numbers. One script call per hit. On the process's shared
 * connection, which this store does not close.
 */
export class RedisStore implements StatsStore {
  readonly kind = 'redis';
  private readonly scripts: Record<'hit' | 'read' | 'take' | 'commit' | 'lock' | 'unlock', Script>;
  private readonly K: ReturnType<typeof statsKeys>;

  constructor(readonly redis: Redis, prefix: string, private readonly capPerSite: number) {
    this.K = statsKeys(prefix);
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

  async record(hit: Hit, days: LiveDays): Promise<LiveRead> {
    const hf = hitFields(hit);
    const vf = visitFields(hit);
    const r = (await this.scripts.hit(
      this.K.window(hit.siteId), this.K.pending, this.K.touches, this.K.base(hit.siteId), this.K.flushing, this.K.need,
      hit.siteId, hit.visitor, hit.previous ?? '', hit.at, VISIT_GAP_MS, ONLINE_MS, this.capPerSite, hit.at,
      hf.length, vf.length, ...hf, ...vf, ...liveFields(days),
    )) as number[];
    return toRead(r);
  }

  async read(siteId: number, days: LiveDays, now: number): Promise<LiveRead> {
    const r = (await this.scripts.read(this.K.window(siteId), this.K.pending, this.K.base(siteId), this.K.flushing, this.K.need, siteId, now - ONLINE_MS, ...liveFields(days))) as number[];
    return toRead(r);
  }

  async takeBatch(id: string): Promise<Batch | null> {
    const r = (await this.scripts.take(this.K.pending, this.K.touches, this.K.flushing, this.K.flushingTouches, this.K.batchId, id)) as [string, string[], string[]] | null;
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
    return (await this.redis.smembers(this.K.need)).map(Number);
  }

  async setBase(base: BaseValues): Promise<boolean> {
    return (await this.commit('', base)) === 1;
  }

  private async commit(id: string, base: BaseValues): Promise<number> {
    const keys = [this.K.batchId, this.K.flushing, this.K.flushingTouches, this.K.need, ...[...base.keys()].map(this.K.base)];
    const args: (string | number)[] = [id];
    for (const [site, values] of base) {
      args.push(site, values.size);
      for (const [f, n] of values) args.push(f, n);
    }
    return (await this.scripts.commit(keys.length, ...keys, ...args)) as number;
  }

  async lock(owner: string, ttlMs: number): Promise<boolean> {
    return (await this.scripts.lock(this.K.lock, owner, ttlMs)) === 1;
  }

  async unlock(owner: string): Promise<void> {
    await this.scripts.unlock(this.K.lock, owner);
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
