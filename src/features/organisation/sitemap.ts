import type { Db } from '../../kernel/db/connection.js';
import type { SitemapEntry } from '../../kernel/http/sitemap.js';
import { ALL_ORG_PATHS } from './paths.js';
import { lastChange } from './repo.js';

/** The section's pages in both languages: they exist on every site (with the footer's data until edited). */
export async function organisationSitemap(db: Db, siteId: number): Promise<SitemapEntry[]> {
  const lastmod = (await lastChange(db, siteId)) ?? undefined;
  return ALL_ORG_PATHS.map((path) => ({ path, lastmod }));
}
