import type { Db } from '../../kernel/db/connection.js';
import { liveDays, type LiveDays } from '../../kernel/lib/calendar.js';
import { readBase } from './mirror.js';
import { bump, hitFields, inner, liveFields, visitFields, type BaseValues, type Batch, type Hit } from './fields.js';
import type { LiveRead, StatsStore } from './store.js';
import { NEW_VISIT, SAVE, VISIT_GAP_MS, VisitorWindow } from './window.js';

/**
 * Aggregation in this process, for one instance without Redis. Recording a hit is synchronous
 * map work; a flush swaps the pending maps out in one step, so nothing recorded meanwhile is
 * lost or written twice. A kill -9 loses what was recorded since the last flush (≤ 1 s).
 */
export class MemoryStore implements StatsStore {
  readonly kind = 'memory';
  private windows = new Map<number, VisitorWindow>();
  private pending: Batch = emptyBatch();
  private flushing: Batch | null = null;
  private base: BaseValues = new Map();
  private missing = new Set<number>();

  constructor(private readonly capPerSite: number) {}

  private window(siteId: number): VisitorWindow {
    let w = this.windows.get(siteId);
    if (!w) this.windows.set(siteId, (w = new VisitorWindow(this.capPerSite)));
    return w;
  }

  async record(hit: Hit, days: LiveDays): Promise<LiveRead> {
    const flags = this.window(hit.siteId).hit(hit.visitor, hit.previous, hit.at);
    const counters = inner(this.pending.counters, hit.siteId);
    for (const f of hitFields(hit)) bump(counters, f);
    if (flags & NEW_VISIT) for (const f of visitFields(hit)) bump(counters, f);
    if (flags & SAVE) inner(this.pending.touches, hit.siteId).set(hit.visitor, hit.at);
    return this.read(hit.siteId, days, hit.at);
  }

  async read(siteId: number, days: LiveDays, now: number): Promise<LiveRead> {
    const online = this.windows.get(siteId)?.onlineAt(now) ?? 0;
    const base = this.base.get(siteId);
    if (!base) {
      this.missing.add(siteId);
      return { values: null, online };
    }
    const a = this.flushing?.counters.get(siteId);
    const b = this.pending.counters.get(siteId);
    const values = liveFields(days).map((f) => (base.get(f) ?? 0) + (a?.get(f) ?? 0) + (b?.get(f) ?? 0));
    return { values, online };
  }

  /** Puts back the visitors of the last half hour after a restart (rows oldest first). */
  restore(siteId: number, visitor: string, at: number, now: number): void {
    this.window(siteId).restore(visitor, at, now);
  }

  async takeBatch(): Promise<Batch | null> {
    if (this.flushing) return this.flushing;
    if (!this.pending.counters.size && !this.pending.touches.size) return null;
    this.flushing = this.pending;
    this.pending = emptyBatch();
    return this.flushing;
  }

  async commitBatch(batch: Batch, base: BaseValues): Promise<void> {
    for (const [site, values] of base) {
      this.base.set(site, values);
      this.missing.delete(site);
    }
    if (this.flushing === batch) this.flushing = null;
  }

  async abortBatch(batch: Batch): Promise<void> {
    if (this.flushing !== batch) return;
    // Merge the unwritten batch back under what arrived since, so the next flush writes both.
    for (const [site, m] of batch.counters) for (const [f, n] of m) bump(inner(this.pending.counters, site), f, n);
    for (const [site, m] of batch.touches) {
      const into = inner(this.pending.touches, site);
      for (const [v, at] of m) if ((into.get(v) ?? -1) < at) into.set(v, at);
    }
    this.flushing = null;
  }

  async sitesWithoutBase(): Promise<number[]> {
    return [...this.missing];
  }

  async setBase(base: BaseValues): Promise<boolean> {
    if (this.flushing) return false;
    for (const [site, values] of base) {
      this.base.set(site, values);
      this.missing.delete(site);
    }
    return true;
  }

  async lock(): Promise<boolean> {
    return true;
  }

  async unlock(): Promise<void> {}

  /** Visitors held in memory over all sites (the benchmark reports it). */
  get visitorsInMemory(): number {
    let n = 0;
    for (const w of this.windows.values()) n += w.size;
    return n;
  }
}

function emptyBatch(): Batch {
  return { id: null, counters: new Map(), touches: new Map() };
}

/**
 * A store for the counts of this process (or of the primary, for its workers), loaded: the
 * visitors of the last half hour are still online and mid-visit after a restart, and the live
 * numbers start from the database's.
 */
export async function loadMemoryStore(db: Db, now: () => Date, windowCap: number): Promise<MemoryStore> {
  const store = new MemoryStore(windowCap);
  const at = now().getTime();
  // tenancy: one store serves every site of the process; each row keeps its site_id.
  const rows = await db
    .selectFrom('online_visitors')
    .select(['site_id', 'visitor', 'last_seen_at'])
    .where('last_seen_at', '>=', new Date(at - VISIT_GAP_MS).toISOString())
    .orderBy('last_seen_at')
    .execute();
  for (const r of rows) store.restore(r.site_id, r.visitor, Date.parse(r.last_seen_at), at);
  await store.setBase(await readBase(db, 'all', liveDays(at)));
  return store;
}
