import type { Db } from '../db/connection.js';

export interface SiteCounters {
  /** "Thống kê": the imported base plus page views counted since. */
  total: number;
  /** "Online": distinct visitors seen in the last five minutes. */
  online: number;
}

export const ONLINE_WINDOW_MS = 5 * 60_000;

export async function readCounters(db: Db, siteId: number, counterBase: number, now: Date): Promise<SiteCounters> {
  const since = new Date(now.getTime() - ONLINE_WINDOW_MS).toISOString();
  const [stats, online] = await Promise.all([
    db.selectFrom('site_stats').select('page_views').where('site_id', '=', siteId).executeTakeFirst(),
    db
      .selectFrom('online_visitors')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('site_id', '=', siteId)
      .where('last_seen_at', '>=', since)
      .executeTakeFirstOrThrow(),
  ]);
  return { total: counterBase + Number(stats?.page_views ?? 0), online: Number(online.n) };
}
