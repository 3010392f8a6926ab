import type { Db } from '../db/connection.js';

/** One URL of the sitemap besides articles, categories and pages. */
export interface SitemapEntry {
  /** Site-relative path ("/van-ban/..."). */
  path: string;
  /** ISO-8601 time of the last change, when known. */
  lastmod?: string;
}

/** A section's published URLs for one site. */
export type SitemapSource = (db: Db, siteId: number) => Promise<SitemapEntry[]>;
