import type { Db } from '../../kernel/db/connection.js';
import { liveDays } from '../../kernel/lib/calendar.js';
import { toLiveNumbers } from './fields.js';
import { readBase } from './mirror.js';
import type { WidgetVariant } from '../../kernel/db/tables/stats.js';
import { loadCounterSettings, presentCounters } from './settings.js';
import { ONLINE_MS } from './window.js';

export interface SiteCounters {
  /** "Thống kê": the imported base plus page views (or visits, per the site setting) counted since. */
  total: number;
  /** "Online": distinct visitors seen in the last five minutes. */
  online: number;
  /** The detailed widget's "Hôm nay / Hôm qua / Tháng này", in the same measure as the total. */
  today: number;
  yesterday: number;
  month: number;
  widget: WidgetVariant;
  /** Articles show "Lượt xem: N". */
  showArticleViews: boolean;
}

export const ONLINE_WINDOW_MS = ONLINE_MS;

/**
 * The counters for server-rendered pages, from the database, which the visit counter flushes to
 * every second; cached pages are re-rendered every minute, so what people without JavaScript
 * see is at most about a minute old. The beacon's answer updates the widget live.
 */
export async function readCounters(db: Db, siteId: number, counterBase: number, now: Date): Promise<SiteCounters> {
  const days = liveDays(now.getTime());
  const since = new Date(now.getTime() - ONLINE_WINDOW_MS).toISOString();
  const [base, settings, online] = await Promise.all([
    readBase(db, [siteId], days),
    loadCounterSettings(db, siteId),
    db
      .selectFrom('online_visitors')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('site_id', '=', siteId)
      .where('last_seen_at', '>=', since)
      .executeTakeFirstOrThrow(),
  ]);
  const values = base.get(siteId);
  const c = presentCounters(toLiveNumbers(values ? [...values.values()] : []), Number(online.n), { ...settings, counterBase });
  return { total: c.total, online: c.online, today: c.today, yesterday: c.yesterday, month: c.month, widget: settings.widget, showArticleViews: settings.showArticleViews };
}
