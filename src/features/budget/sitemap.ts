import type { SitemapSource } from '../../kernel/http/sitemap.js';
import { listReports } from './repo.js';
import { budgetUrls } from './urls.js';

/** The section, each year with reports and each report. */
export const budgetSitemap: SitemapSource = async (db, siteId) => {
  const reports = await listReports(db, siteId);
  const years = [...new Set(reports.map((r) => r.fiscal_year))];
  const newest = (rows: typeof reports) => rows.reduce<string | undefined>((acc, r) => (acc && acc > r.updated_at ? acc : r.updated_at), undefined);
  return [
    { path: budgetUrls.index(), lastmod: newest(reports) },
    ...years.map((y) => ({ path: budgetUrls.year(y), lastmod: newest(reports.filter((r) => r.fiscal_year === y)) })),
    ...reports.map((r) => ({ path: budgetUrls.report(r), lastmod: r.updated_at })),
  ];
};
