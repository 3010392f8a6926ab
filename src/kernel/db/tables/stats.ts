/**
 * Tables of visitor statistics. Only aggregates are stored, never one row per hit: Umami-style
 * raw-event tables are what makes analytics databases fall over at a few million page views.
 * Days are Vietnamese calendar days "YYYY-MM-DD" (Asia/Ho_Chi_Minh). Cumulative page views stay
 * in site_stats and the last-seen visitor hashes in online_visitors (both from the first schema).
 */
export interface StatsTables {
  stats_salts: StatsSaltsTable;
  stats_daily: StatsDailyTable;
  stats_article_daily: StatsArticleDailyTable;
  stats_article_totals: StatsArticleTotalsTable;
  stats_referrers: StatsReferrersTable;
  stats_devices: StatsDevicesTable;
  stats_totals: StatsTotalsTable;
  stats_settings: StatsSettingsTable;
  stats_flush_log: StatsFlushLogTable;
}

/** One random salt per day; the current and the previous are kept, older ones deleted. */
export interface StatsSaltsTable {
  day: string;
  salt: string;
  created_at: string;
}

export interface StatsDailyTable {
  site_id: number;
  day: string;
  page_views: number;
  /** Sessions: a hit from a visitor not seen in the previous 30 minutes. */
  visits: number;
  /** Distinct visitors of the day. */
  visitors: number;
}

export interface StatsArticleDailyTable {
  site_id: number;
  article_id: number;
  day: string;
  views: number;
}

export interface StatsArticleTotalsTable {
  site_id: number;
  article_id: number;
  views: number;
}

export interface StatsReferrersTable {
  site_id: number;
  day: string;
  /** Host name of the referring site, without "www."; only other sites are recorded. */
  domain: string;
  hits: number;
}

export type DeviceClass = 'mobile' | 'tablet' | 'desktop';

export interface StatsDevicesTable {
  site_id: number;
  day: string;
  device: DeviceClass;
  hits: number;
}

/** Running totals besides site_stats.page_views. */
export interface StatsTotalsTable {
  site_id: number;
  visits: number;
  /** Sum of the daily distinct visitors. */
  visitors: number;
}

export type CountMode = 'page_views' | 'visits';
export type WidgetVariant = 'simple' | 'detailed';

/** How a site shows its counters; a site without a row uses the defaults. */
export interface StatsSettingsTable {
  site_id: number;
  count_mode: CountMode;
  widget: WidgetVariant;
  show_article_views: number;
  updated_at: string;
}

/** Batches already written from Redis, so a flush retried after a crash is not counted twice. */
export interface StatsFlushLogTable {
  batch_id: string;
  flushed_at: string;
}
