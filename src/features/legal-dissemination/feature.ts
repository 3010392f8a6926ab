import type { Feature } from '../../kernel/feature.js';
import { noticeSearch } from '../disclosure/notice-search.js';
import { lastNoticeChange } from '../disclosure/notice-repo.js';
import { disclosurePolicy } from '../disclosure/policy.js';
import { legalAdminRoutes } from './admin/routes.js';
import { seedLegalTopics } from './demo.js';
import { LEGAL_SECTION, LEGAL_TOPIC } from './legal.js';
import { legalRoutes } from './public/routes.js';

/** Phổ biến pháp luật: topics an editor keeps, each linking the portal's articles and documents on it. */
export const legalDissemination: Feature = {
  key: 'legal-dissemination',
  label: 'Phổ biến pháp luật',
  publicRoutes: legalRoutes,
  adminRoutes: legalAdminRoutes,
  adminNav: [{ href: LEGAL_TOPIC.adminPath, label: 'Phổ biến pháp luật', order: 91, visible: disclosurePolicy.manage }],
  section: LEGAL_SECTION,
  sitemap: async (db, siteId) => [{ path: LEGAL_SECTION.path, lastmod: await lastNoticeChange(db, siteId, LEGAL_TOPIC.kind) }],
  search: { order: 93, search: noticeSearch(LEGAL_TOPIC, 'Phổ biến pháp luật') },
  demo: seedLegalTopics,
};
