import type { Generated, Insertable, Selectable } from 'kysely';

/**
 * Row types, shared by SQLite and PostgreSQL. Times are ISO-8601 UTC strings
 * ("2021-10-15T09:30:00.000Z"), which sort correctly as text on both engines;
 * flags are integers 0/1.
 */
export interface SitesTable {
  id: Generated<number>;
  code: string;
  name: string;
  is_default: number;
  settings: string;
  counter_base: number;
  created_at: string;
}

export interface SiteHostsTable {
  host: string;
  site_id: number;
}

export interface CategoriesTable {
  id: Generated<number>;
  site_id: number;
  slug: string;
  name: string;
  position: number;
}

export interface ArticlesTable {
  id: Generated<number>;
  site_id: number;
  category_id: number;
  title: string;
  slug: string;
  sapo: string;
  body_html: string;
  author: string;
  source: string;
  status: 'draft' | 'published';
  published_at: string;
  updated_at: string;
  featured: number;
  legacy_id: string | null;
}

export interface PagesTable {
  id: Generated<number>;
  site_id: number;
  slug: string;
  title: string;
  body_html: string;
  position: number;
  updated_at: string;
}

export interface LinksTable {
  id: Generated<number>;
  site_id: number;
  title: string;
  url: string;
  position: number;
}

export interface MapOfficesTable {
  id: Generated<number>;
  site_id: number;
  name: string;
  address: string;
  phone: string;
  lat: number;
  lng: number;
  position: number;
}

export interface SongsTable {
  id: Generated<number>;
  site_id: number;
  title: string;
  artist: string;
  /** Path under the data directory's media folder. */
  file_path: string;
  mime: string;
  position: number;
}

export interface SiteStatsTable {
  site_id: number;
  /** Page views counted since the site was created or imported (added to sites.counter_base). */
  page_views: number;
  updated_at: string;
}

export interface OnlineVisitorsTable {
  site_id: number;
  /** Salted hash identifying a visitor for the day; never a raw IP or user agent. */
  visitor: string;
  last_seen_at: string;
}

export interface Database {
  sites: SitesTable;
  site_hosts: SiteHostsTable;
  categories: CategoriesTable;
  articles: ArticlesTable;
  pages: PagesTable;
  links: LinksTable;
  map_offices: MapOfficesTable;
  songs: SongsTable;
  site_stats: SiteStatsTable;
  online_visitors: OnlineVisitorsTable;
}

export type SiteRow = Selectable<SitesTable>;
export type CategoryRow = Selectable<CategoriesTable>;
export type ArticleRow = Selectable<ArticlesTable>;
export type NewArticle = Insertable<ArticlesTable>;
export type PageRow = Selectable<PagesTable>;
export type LinkRow = Selectable<LinksTable>;
export type MapOfficeRow = Selectable<MapOfficesTable>;
export type SongRow = Selectable<SongsTable>;
