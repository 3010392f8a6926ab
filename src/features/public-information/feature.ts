import type { Feature } from '../../kernel/feature.js';
import { disclosurePolicy } from '../disclosure/policy.js';
import { settingsChanged } from '../disclosure/settings.js';
import { infoAdminRoutes } from './admin/routes.js';
import { seedPublicInformation } from './demo.js';
import { INFO_ADMIN } from './items.js';
import { infoRoutes } from './public/routes.js';
import { INFO_SECTION } from './section.js';

/** Thông tin công khai: the legal list of what must be public, where each is, and who answers requests. */
export const publicInformation: Feature = {
  key: 'public-information',
  label: 'Thông tin công khai',
  publicRoutes: infoRoutes,
  adminRoutes: infoAdminRoutes,
  adminNav: [{ href: INFO_ADMIN, label: 'Thông tin công khai', order: 92, visible: disclosurePolicy.manage }],
  section: INFO_SECTION,
  sitemap: async (db, siteId) => [{ path: INFO_SECTION.path, lastmod: await settingsChanged(db, siteId, 'info-requests') }],
  demo: seedPublicInformation,
};
