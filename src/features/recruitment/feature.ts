import type { Feature } from '../../kernel/feature.js';
import { noticeSearch } from '../disclosure/notice-search.js';
import { lastNoticeChange } from '../disclosure/notice-repo.js';
import { disclosurePolicy } from '../disclosure/policy.js';
import { recruitmentAdminRoutes } from './admin/routes.js';
import { seedRecruitment } from './demo.js';
import { recruitmentRoutes } from './public/routes.js';
import { RECRUITMENT, RECRUITMENT_SECTION } from './recruitment.js';

/** Tuyển dụng: recruitment notices with their deadline ("Đã hết hạn" after it) and files. */
export const recruitment: Feature = {
  key: 'recruitment',
  label: 'Tuyển dụng',
  publicRoutes: recruitmentRoutes,
  adminRoutes: recruitmentAdminRoutes,
  adminNav: [{ href: RECRUITMENT.adminPath, label: 'Tuyển dụng', order: 95, visible: disclosurePolicy.manage }],
  section: RECRUITMENT_SECTION,
  sitemap: async (db, siteId) => [{ path: RECRUITMENT_SECTION.path, lastmod: await lastNoticeChange(db, siteId, RECRUITMENT.kind) }],
  search: { order: 92, search: noticeSearch(RECRUITMENT, 'Tuyển dụng') },
  demo: seedRecruitment,
};
