import type { Feature } from '../../kernel/feature.js';
import { procedureAdminRoutes } from './admin/routes.js';
import { seedProcedures } from './demo.js';
import { procedurePolicy } from './policy.js';
import { procedureRoutes } from './public/routes.js';
import { searchProcedures } from './search.js';
import { procedureSitemap } from './sitemap.js';

/** Administrative procedures, linked to the national public service portal. */
export const procedures: Feature = {
  key: 'procedures',
  label: 'Thủ tục hành chính',
  publicRoutes: procedureRoutes,
  adminRoutes: procedureAdminRoutes,
  adminNav: [{ href: '/quan-tri/thu-tuc', label: 'Thủ tục hành chính', order: 70, visible: procedurePolicy.manage }],
  section: { key: 'thu-tuc', label: 'Thủ tục hành chính', path: '/thu-tuc-hanh-chinh', order: 50 },
  sitemap: procedureSitemap,
  search: { order: 20, search: searchProcedures },
  demo: seedProcedures,
  tables: ['procedures'],
};
