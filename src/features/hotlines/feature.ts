import type { Feature } from '../../kernel/feature.js';
import { disclosurePolicy } from '../disclosure/policy.js';
import { settingsChanged } from '../disclosure/settings.js';
import { hotlineAdminRoutes } from './admin/routes.js';
import { seedHotlines } from './demo.js';
import { hotlineFrame } from './frame.js';
import { HOTLINES_ADMIN } from './lines.js';
import { hotlineRoutes } from './public/routes.js';
import { HOTLINES_SECTION } from './section.js';

/** Đường dây nóng: a block on every page and a page of the site's hotlines and the national emergency numbers. */
export const hotlines: Feature = {
  key: 'hotlines',
  label: 'Đường dây nóng',
  publicRoutes: hotlineRoutes,
  adminRoutes: hotlineAdminRoutes,
  adminNav: [{ href: HOTLINES_ADMIN, label: 'Đường dây nóng', order: 97, visible: disclosurePolicy.manage }],
  section: HOTLINES_SECTION,
  frame: hotlineFrame,
  sitemap: async (db, siteId) => [{ path: HOTLINES_SECTION.path, lastmod: await settingsChanged(db, siteId, 'hotlines') }],
  demo: seedHotlines,
};
