import type { SitemapSource } from '../../kernel/http/sitemap.js';
import { LIST_PATH, procedureUrl } from './fields.js';
import { listProcedures } from './repo.js';

/** The list and every published procedure. */
export const procedureSitemap: SitemapSource = async (db, siteId) => {
  const rows = await listProcedures(db, siteId);
  return [{ path: LIST_PATH }, ...rows.map((p) => ({ path: procedureUrl(p), lastmod: p.updated_at }))];
};
