import type { Db } from '../../kernel/db/connection.js';
import type { LiveNumbers, PeriodCounts } from './fields.js';
import type { CountMode, WidgetVariant } from '../../kernel/db/tables/stats.js';

/** How a site shows its counters (stats_settings, with the counter base of the site row). */
export interface CounterSettings {
  counterBase: number;
  countMode: CountMode;
  widget: WidgetVariant;
  showArticleViews: boolean;
}

export const DEFAULT_SETTINGS: Omit<CounterSettings, 'counterBase'> = { countMode: 'page_views', widget: 'simple', showArticleViews: false };

export async function loadCounterSettings(db: Db, siteId: number): Promise<CounterSettings> {
  const row = await db
    .selectFrom('sites')
    .leftJoin('stats_settings', 'stats_settings.site_id', 'sites.id')
    .select(['sites.counter_base', 'stats_settings.count_mode', 'stats_settings.widget', 'stats_settings.show_article_views'])
    .where('sites.id', '=', siteId)
    .executeTakeFirst();
  return {
    counterBase: Number(row?.counter_base ?? 0),
    countMode: row?.count_mode === 'visits' ? 'visits' : DEFAULT_SETTINGS.countMode,
    widget: row?.widget === 'detailed' ? 'detailed' : DEFAULT_SETTINGS.widget,
    showArticleViews: row?.show_article_views === 1,
  };
}

/**
 * Settings as the beacon sees them, re-read every few seconds so that a change made on another
 * instance shows everywhere soon (and at once on the instance that made it).
 */
export class SettingsCache {
  private entries = new Map<number, { at: number; value: Promise<CounterSettings> }>();

  constructor(private readonly db: Db, private readonly ttlMs = 5000) {}

  get(siteId: number, now: number): Promise<CounterSettings> {
    const hit = this.entries.get(siteId);
    if (hit && now - hit.at < this.ttlMs) return hit.value;
    const value = loadCounterSettings(this.db, siteId);
    value.catch(() => this.entries.delete(siteId));
    this.entries.set(siteId, { at: now, value });
    return value;
  }

  invalidate(siteId: number): void {
    this.entries.delete(siteId);
  }
}

/** The numbers the public widget shows: the chosen measure, the total with its imported base. */
export interface PublicCounters {
  total: number;
  online: number;
  today: number;
  yesterday: number;
  month: number;
  /** Views of the article the hit was for, when the site shows them. */
  views?: number;
}

export function presentCounters(live: LiveNumbers, online: number, s: CounterSettings): PublicCounters {
  const pick = (p: PeriodCounts) => (s.countMode === 'visits' ? p.visits : p.pageViews);
  return { total: s.counterBase + pick(live.total), online, today: pick(live.today), yesterday: pick(live.yesterday), month: pick(live.month) };
}
