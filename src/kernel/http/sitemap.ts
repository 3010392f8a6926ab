import type { Db } from '../db/connection.js';
import { documentSitemap } from '../../features/documents/sections.js';
import { questionSitemap } from '../../features/questions/search.js';
import { pollSitemap } from '../../features/polls/sitemap.js';
import { procedureSitemap } from '../../features/procedures/sitemap.js';
import { scheduleSitemap } from '../../features/schedule/sitemap.js';
import { organisationSitemap } from '../../features/organisation/sitemap.js';

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
