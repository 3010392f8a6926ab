import type { Feature } from '../../kernel/feature.js';
import { organisationAdminRoutes } from './admin/routes.js';
import { seedOrganisation } from './demo.js';
import { organisationPolicy } from './policy.js';
import { organisationRoutes } from './public/routes.js';
import { searchOrganisation } from './search.js';
import { organisationSitemap } from './sitemap.js';
import { ORG_PAGES } from './paths.js';

/** The People's Committee: functions, organisation chart, leaders, contacts, and in English. */
export const organisation: Feature = {
  key: 'organisation',
  label: 'Giới thiệu – Tổ chức',
  publicRoutes: organisationRoutes,
  adminRoutes: organisationAdminRoutes,
  adminNav: [{ href: '/quan-tri/gioi-thieu', label: 'Giới thiệu – Tổ chức', order: 60, visible: organisationPolicy.manage }],
  section: { key: 'gioi-thieu', label: 'Giới thiệu', path: '/gioi-thieu', order: 10 },
  sitemap: organisationSitemap,
  // Every Vietnamese page's header links the English pages (Nghị định 42/2022 Điều 7 k2).
  frame: { load: async () => ({ englishHome: ORG_PAGES.overview.en }) },
  search: { order: 60, search: searchOrganisation },
  demo: seedOrganisation,
  tables: ['org_agency', 'org_units', 'org_people'],
};
