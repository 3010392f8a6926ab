import type { Feature } from '../../kernel/feature.js';
import { siteAdminRoutes } from './admin/routes.js';
import { seedSiteFrame } from './demo.js';
import { siteFrame } from './frame.js';
import { sitePolicy } from './policy.js';
import { themeRoutes } from './public/theme-routes.js';
import { widgetRoutes } from './public/widget-routes.js';

/** Sites and hostnames, settings, appearance, header menu, links, map and songs. */
export const sites: Feature = {
  key: 'sites',
  label: 'Quản lý trang',
  publicRoutes: async (app) => {
    await app.register(widgetRoutes);
    await app.register(themeRoutes);
  },
  adminRoutes: siteAdminRoutes,
  adminNav: [{ href: '/quan-tri/trang-web', label: 'Quản lý trang', order: 110, visible: sitePolicy.manage }],
  frame: siteFrame,
  demo: seedSiteFrame,
  tables: ['sites', 'site_hosts', 'menu_items', 'links', 'map_offices', 'songs', 'redirects'],
};
