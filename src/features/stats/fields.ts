import type { LiveDays } from '../../kernel/lib/calendar.js';
import type { DeviceClass } from '../../kernel/db/tables/stats.js';

/**
 * Counter names shared by the in-memory and the Redis aggregators, per site:
 *   pv, vs                    page views and visits since the beginning
 *   pv:<day>, vs:<day>        the same per day; pv:<month>, vs:<month> per month
 *   a:<article>:<day>         views of an article
 *   r:<day>:<domain>          hits referred by another site
 *   d:<day>:<device>          hits per device class
 * Distinct visitors per day are not counted here: the database decides who is new when the
 * visitor hashes are written (src/features/stats/writer.ts), which stays exact across restarts.
 */
export interface Hit {
  siteId: number;
  /** Hash of today's salt, site, IP and user agent. */
  visitor: string;
  /** The same under yesterday's salt, around midnight only (so a visit spans the day boundary). */
  previous: string | null;
  at: number;
  day: string;
  month: string;
  articleId: number | null;
  referrer: string | null;
  device: DeviceClass;
}

// Names are built once per day, not on every hit (less garbage under load).
let names: { day: string; month: string; hit: Record<DeviceClass, string[]>; visit: string[] } | null = null;
const liveNames = new WeakMap<LiveDays, string[]>();

function namesFor(day: string, month: string) {
  if (names?.day !== day || names.month !== month) {
    const hit = (d: DeviceClass) => ['pv', `pv:${day}`, `pv:${month}`, `d:${day}:${d}`];
    names = { day, month, hit: { mobile: hit('mobile'), tablet: hit('tablet'), desktop: hit('desktop') }, visit: ['vs', `vs:${day}`, `vs:${month}`] };
  }
  return names;
}

/** Counters every counted hit adds one to (do not modify the array). */
export function hitFields(h: Hit): readonly string[] {
  const f = namesFor(h.day, h.month).hit[h.device];
  if (h.articleId === null && h.referrer === null) return f;
  const more = [...f];
  if (h.articleId !== null) more.push(`a:${h.articleId}:${h.day}`);
  if (h.referrer !== null) more.push(`r:${h.day}:${h.referrer}`);
  return more;
}

/** Counters a hit adds one to when it starts a visit (do not modify the array). */
export function visitFields(h: Hit): readonly string[] {
  return namesFor(h.day, h.month).visit;
}

/** The counters the widgets show, in the order LiveNumbers are read back (do not modify). */
export function liveFields(d: LiveDays): readonly string[] {
  let f = liveNames.get(d);
  if (!f) liveNames.set(d, (f = ['pv', 'vs', `pv:${d.today}`, `vs:${d.today}`, `pv:${d.yesterday}`, `vs:${d.yesterday}`, `pv:${d.month}`, `vs:${d.month}`]));
  return f;
}

export interface PeriodCounts {
  pageViews: number;
  visits: number;
}

export interface LiveNumbers {
  total: PeriodCounts;
  today: PeriodCounts;
  yesterday: PeriodCounts;
  month: PeriodCounts;
}

export function toLiveNumbers(v: number[]): LiveNumbers {
  const p = (i: number): PeriodCounts => ({ pageViews: v[i] ?? 0, visits: v[i + 1] ?? 0 });
  return { total: p(0), today: p(2), yesterday: p(4), month: p(6) };
}

/** What one flush writes: counter increments and visitor touches, per site. */
export interface Batch {
  /** Set for batches taken from Redis, which are logged so a retried flush is not counted twice. */
  id: string | null;
  counters: Map<number, Map<string, number>>;
  /** Each visitor's latest hit (ms); its day is also the day of the salt the hash was made with. */
  touches: Map<number, Map<string, number>>;
}

/** Mirror of the database values behind the live counters, per site (see liveFields). */
export type BaseValues = Map<number, Map<string, number>>;

export function bump<K>(m: Map<K, number>, k: K, n = 1): void {
  m.set(k, (m.get(k) ?? 0) + n);
}

export function inner<K, V>(m: Map<number, Map<K, V>>, site: number): Map<K, V> {
  let x = m.get(site);
  if (!x) m.set(site, (x = new Map()));
  return x;
}
