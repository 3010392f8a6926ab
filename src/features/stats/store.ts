import type { LiveDays } from '../../kernel/lib/calendar.js';
import type { BaseValues, Batch, Hit } from './fields.js';

/**
 * Where hits are aggregated between flushes: in this process (MemoryStore) or in Redis
 * (RedisStore, shared by every instance). Both keep a mirror of the database values behind the
 * live counters ("base"), so that live = base + batch being flushed + pending, exactly.
 */
export interface LiveRead {
  /** The live counters in liveFields() order; null until the base of the site is loaded. */
  values: number[] | null;
  online: number;
}

/** What the beacon needs: count a hit, read the live numbers (a worker asks its primary for both). */
export interface LiveStore {
  record(hit: Hit, days: LiveDays): Promise<LiveRead>;
  read(siteId: number, days: LiveDays, now: number): Promise<LiveRead>;
}

export interface StatsStore extends LiveStore {
  readonly kind: 'memory' | 'redis';
  /** Takes what is pending, or a batch a crashed flusher left behind, for writing. */
  takeBatch(id: string): Promise<Batch | null>;
  /** The batch is in the database: swap in the sites' new base and forget the batch. */
  commitBatch(batch: Batch, base: BaseValues): Promise<void>;
  /** Writing failed: the batch stays to be written again. */
  abortBatch(batch: Batch): Promise<void>;
  /** Sites whose base is missing (asked for before it was loaded). */
  sitesWithoutBase(): Promise<number[]>;
  /** Sets the base of sites while no batch is in flight; false when one is. */
  setBase(base: BaseValues): Promise<boolean>;
  /** The flush lock among instances (always held for the in-memory store). */
  lock(owner: string, ttlMs: number): Promise<boolean>;
  unlock(owner: string): Promise<void>;
}

export function sumInto(target: Map<string, number>, src: Map<string, number> | undefined): void {
  if (!src) return;
  for (const [k, n] of src) target.set(k, (target.get(k) ?? 0) + n);
}
