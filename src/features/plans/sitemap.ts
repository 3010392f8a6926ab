import type { SitemapSource } from '../../kernel/http/sitemap.js';
import { listPlans } from './repo.js';
import { planUrls } from './urls.js';

export const planSitemap: SitemapSource = async (db, siteId) => {
  const plans = await listPlans(db, siteId);
  return [{ path: planUrls.list() }, ...plans.map((p) => ({ path: planUrls.plan(p), lastmod: p.updated_at }))];
};
