import type { Db } from '../db/connection.js';
import { documentSitemap } from '../documents/sections.js';
import { questionSitemap } from '../questions/search.js';
import { pollSitemap } from '../polls/sitemap.js';
import { procedureSitemap } from '../procedures/sitemap.js';
import { scheduleSitemap } from '../schedule/sitemap.js';
import { organisationSitemap } from '../organisation/sitemap.js';

/** One URL of the sitemap besides articles, categories and pages. */
export interface SitemapEntry {
  /** Site-relative path ("/van-ban/..."). */
  path: string;
  /** ISO-8601 time of the last change, when known. */
  lastmod?: string;
}

/** A section's published URLs for one site. */
export type SitemapSource = (db: Db, siteId: number) => Promise<SitemapEntry[]>;

/** Every section that adds URLs to /sitemap.xml; each feature adds its own line. */
export const sitemapSources: SitemapSource[] = [questionSitemap, documentSitemap, pollSitemap, procedureSitemap, scheduleSitemap, organisationSitemap];
