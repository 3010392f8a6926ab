import type { Feature } from '../../kernel/feature.js';
import { urls } from '../../kernel/http/urls.js';
import { siteMapRoutes } from './routes.js';

/**
 * Sơ đồ trang: one page listing every section, category and static page of the site, for people
 * (the footer links it; /sitemap.xml stays for search engines). It is built from the frame, so
 * it changes with the categories, pages and menu, whose every change purges the whole site.
 */
export const siteMap: Feature = {
  key: 'site-map',
  label: 'Sơ đồ trang',
  publicRoutes: siteMapRoutes,
  sitemap: async () => [{ path: urls.siteMap() }],
};
