import type { Db } from '../../kernel/db/connection.js';
import { localParts } from '../../kernel/lib/format.js';
import { addDays, dayStartMs, monthOf, weekStart } from '../../kernel/lib/calendar.js';
import type { DeviceClass } from '../../kernel/db/tables/stats.js';

/** Queries of the back-office statistics screen; every one is scoped by site. */
export interface Counts {
  pageViews: number;
  visits: number;
  visitors: number;
}

export interface DayPoint extends Counts {
  day: string;
}

const n = (v: unknown) => Number(v ?? 0);

async function sumDays(db: Db, siteId: number, from: string, to: string): Promise<Counts> {
  const r = await db
    .selectFrom('stats_daily')
    .select((eb) => [eb.fn.sum<string>('page_views').as('pv'), eb.fn.sum<string>('visits').as('vs'), eb.fn.sum<string>('visitors').as('uv')])
    .where('site_id', '=', siteId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .executeTakeFirst();
  return { pageViews: n(r?.pv), visits: n(r?.vs), visitors: n(r?.uv) };
}

export interface Summary {
  today: Counts;
  week: Counts;
  month: Counts;
  total: Counts;
}

export async function summary(db: Db, siteId: number, today: string): Promise<Summary> {
  const [t, w, m, pv, totals] = await Promise.all([
    sumDays(db, siteId, today, today),
    sumDays(db, siteId, weekStart(today), today),
    sumDays(db, siteId, `${monthOf(today)}-01`, today),
    db.selectFrom('site_stats').select('page_views').where('site_id', '=', siteId).executeTakeFirst(),
    db.selectFrom('stats_totals').select(['visits', 'visitors']).where('site_id', '=', siteId).executeTakeFirst(),
  ]);
  return { today: t, week: w, month: m, total: { pageViews: n(pv?.page_views), visits: n(totals?.visits), visitors: n(totals?.visitors) } };
}

/** One point per day of the period (days without visits are zeros). */
export async function dailySeries(db: Db, siteId: number, from: string, to: string): Promise<DayPoint[]> {
  const rows = await db
    .selectFrom('stats_daily')
    .select(['day', 'page_views', 'visits', 'visitors'])
    .where('site_id', '=', siteId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .execute();
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const out: DayPoint[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const r = byDay.get(d);
    out.push({ day: d, pageViews: n(r?.page_views), visits: n(r?.visits), visitors: n(r?.visitors) });
  }
  return out;
}

export interface TopArticle {
  id: number;
  title: string;
  slug: string;
  views: number;
}

export async function topArticles(db: Db, siteId: number, from: string, to: string, limit = 20): Promise<TopArticle[]> {
  const rows = await db
    .selectFrom('stats_article_daily as s')
    .innerJoin('articles as a', 'a.id', 's.article_id')
    .select((eb) => ['a.id', 'a.title', 'a.slug', eb.fn.sum<string>('s.views').as('views')])
    .where('s.site_id', '=', siteId)
    .where('a.site_id', '=', siteId)
    .where('s.day', '>=', from)
    .where('s.day', '<=', to)
    .groupBy(['a.id', 'a.title', 'a.slug'])
    .orderBy('views', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, slug: r.slug, views: n(r.views) }));
}

export async function topReferrers(db: Db, siteId: number, from: string, to: string, limit = 20): Promise<{ domain: string; hits: number }[]> {
  const rows = await db
    .selectFrom('stats_referrers')
    .select((eb) => ['domain', eb.fn.sum<string>('hits').as('hits')])
    .where('site_id', '=', siteId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .groupBy('domain')
    .orderBy('hits', 'desc')
    .orderBy('domain')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ domain: r.domain, hits: n(r.hits) }));
}

export async function devices(db: Db, siteId: number, from: string, to: string): Promise<Record<DeviceClass, number>> {
  const rows = await db
    .selectFrom('stats_devices')
    .select((eb) => ['device', eb.fn.sum<string>('hits').as('hits')])
    .where('site_id', '=', siteId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .groupBy('device')
    .execute();
  const out: Record<DeviceClass, number> = { mobile: 0, tablet: 0, desktop: 0 };
  for (const r of rows) if (r.device in out) out[r.device] = n(r.hits);
  return out;
}

export interface EditorMonths {
  userId: number | null;
  name: string;
  /** Articles published per month, in the order of `months`. */
  counts: number[];
  total: number;
}

/**
 * Articles published per editor (who created them) and per Vietnamese calendar month of
 * publication, for the royalties ("nhuận bút"). Bucketed in TypeScript so both databases agree.
 */
export async function publishedPerEditor(db: Db, siteId: number, months: string[], now: Date): Promise<EditorMonths[]> {
  if (!months.length) return [];
  const from = new Date(dayStartMs(`${months[0]}-01`)).toISOString();
  const rows = await db
    .selectFrom('articles as a')
    .leftJoin('users as u', 'u.id', 'a.created_by')
    .select(['a.created_by', 'a.published_at', 'u.display_name'])
    .where('a.site_id', '=', siteId)
    .where('a.status', '=', 'published')
    .where('a.published_at', '>=', from)
    .where('a.published_at', '<=', now.toISOString())
    .execute();
  const index = new Map(months.map((m, i) => [m, i]));
  const editors = new Map<number | null, EditorMonths>();
  for (const r of rows) {
    const p = localParts(r.published_at);
    const i = index.get(`${p.year}-${String(p.month).padStart(2, '0')}`);
    if (i === undefined) continue;
    let e = editors.get(r.created_by);
    if (!e) editors.set(r.created_by, (e = { userId: r.created_by, name: r.display_name ?? '(không rõ người viết)', counts: months.map(() => 0), total: 0 }));
    e.counts[i]! += 1;
    e.total += 1;
  }
  return [...editors.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'vi'));
}

/** The last `count` months up to the one of `today`, oldest first ("YYYY-MM"). */
export function lastMonths(today: string, count: number): string[] {
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7));
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.unshift(`${y}-${String(m).padStart(2, '0')}`);
    if (--m === 0) [y, m] = [y - 1, 12];
  }
  return out;
}
