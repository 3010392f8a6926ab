import type { Feature } from '../../kernel/feature.js';
import { noticeSearch } from '../disclosure/notice-search.js';
import { disclosurePolicy } from '../disclosure/policy.js';
import { settingsChanged } from '../disclosure/settings.js';
import { receptionAdminRoutes } from './admin/routes.js';
import { seedReception } from './demo.js';
import { receptionRoutes } from './public/routes.js';
import { RECEPTION_ADMIN, RECEPTION_CHANGE } from './reception.js';
import { RECEPTION_SECTION } from './section.js';

/** Tiếp công dân (Luật Tiếp công dân 2013): the leaders' fixed reception days, the rules and dated changes. */
export const citizenReception: Feature = {
  key: 'citizen-reception',
  label: 'Tiếp công dân',
  publicRoutes: receptionRoutes,
  adminRoutes: receptionAdminRoutes,
  adminNav: [{ href: RECEPTION_ADMIN, label: 'Tiếp công dân', order: 94, visible: disclosurePolicy.manage }],
  section: RECEPTION_SECTION,
  sitemap: async (db, siteId) => [{ path: RECEPTION_SECTION.path, lastmod: await settingsChanged(db, siteId, 'reception') }],
  search: { order: 90, search: noticeSearch(RECEPTION_CHANGE, 'Thay đổi lịch tiếp công dân') },
  demo: seedReception,
};
