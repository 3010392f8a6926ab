import type { Feature } from '../../kernel/feature.js';
import { noticeSearch } from '../disclosure/notice-search.js';
import { lastNoticeChange } from '../disclosure/notice-repo.js';
import { disclosurePolicy } from '../disclosure/policy.js';
import { spokespersonAdminRoutes } from './admin/routes.js';
import { seedSpokesperson } from './demo.js';
import { spokespersonRoutes } from './public/routes.js';
import { PRESS_RELEASE, SPOKESPERSON_ADMIN, SPOKESPERSON_SECTION } from './spokesperson.js';

/** Người phát ngôn (Nghị định 09/2017/NĐ-CP): who speaks for the ward to the press, and its press releases. */
export const spokesperson: Feature = {
  key: 'spokesperson',
  label: 'Người phát ngôn',
  publicRoutes: spokespersonRoutes,
  adminRoutes: spokespersonAdminRoutes,
  adminNav: [{ href: SPOKESPERSON_ADMIN, label: 'Người phát ngôn', order: 93, visible: disclosurePolicy.manage }],
  section: SPOKESPERSON_SECTION,
  sitemap: async (db, siteId) => [{ path: SPOKESPERSON_SECTION.path, lastmod: await lastNoticeChange(db, siteId, PRESS_RELEASE.kind) }],
  search: { order: 91, search: noticeSearch(PRESS_RELEASE, 'Thông cáo báo chí') },
  demo: seedSpokesperson,
};
