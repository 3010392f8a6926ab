import type { Db } from '../../kernel/db/connection.js';
import type { LiveDays } from '../../kernel/lib/calendar.js';
import { liveFields, type BaseValues } from './fields.js';

/**
 * Reads from the database the values behind the live counters (liveFields) of some sites: the
 * running totals, today, yesterday and this month. Four queries whatever the number of sites.
 */
export async function readBase(db: Db, siteIds: number[] | 'all', d: LiveDays): Promise<BaseValues> {
  const ids = siteIds === 'all' ? (await db.selectFrom('sites').select('id').execute()).map((r) => r.id) : siteIds;
  const out: BaseValues = new Map();
  if (!ids.length) return out;
  for (const id of ids) out.set(id, new Map(liveFields(d).map((f) => [f, 0])));
  const [pv, totals, daily, month] = await Promise.all([
    db.selectFrom('site_stats').select(['site_id', 'page_views']).where('site_id', 'in', ids).execute(),
    db.selectFrom('stats_totals').select(['site_id', 'visits']).where('site_id', 'in', ids).execute(),
    db.selectFrom('stats_daily').select(['site_id', 'day', 'page_views', 'visits']).where('site_id', 'in', ids).where('day', 'in', [d.today, d.yesterday]).execute(),
    db
      .selectFrom('stats_daily')
      .select((eb) => ['site_id', eb.fn.sum<string>('page_views').as('pv'), eb.fn.sum<string>('visits').as('vs')])
      .where('site_id', 'in', ids)
      .where('day', '>=', `${d.month}-01`)
      .where('day', '<=', `${d.month}-31`)
      .groupBy('site_id')
      .execute(),
  ]);
  const set = (site: number, f: string, n: unknown) => out.get(site)?.set(f, Number(n ?? 0));
  for (const r of pv) set(r.site_id, 'pv', r.page_views);
  for (const r of totals) set(r.site_id, 'vs', r.visits);
  for (const r of daily) {
    set(r.site_id, `pv:${r.day}`, r.page_views);
    set(r.site_id, `vs:${r.day}`, r.visits);
  }
  for (const r of month) {
    set(r.site_id, `pv:${d.month}`, r.pv);
    set(r.site_id, `vs:${d.month}`, r.vs);
  }
  return out;
}
