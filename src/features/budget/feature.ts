import type { Feature } from '../../kernel/feature.js';
import { budgetAdminRoutes } from './admin/routes.js';
import { seedBudget } from './demo.js';
import { budgetPolicy } from './policy.js';
import { budgetRoutes } from './public/routes.js';
import { searchBudget } from './search.js';
import { BUDGET_LABEL } from './section.js';
import { budgetSitemap } from './sitemap.js';
import { BUDGET_PATH } from './urls.js';

/**
 * Công khai ngân sách: the commune's budget, its execution by quarter, half year and year, and its
 * final accounts, with the Thông tư 343/2016/TT-BTC form and the legal deadline of each
 * (Luật Thực hiện dân chủ ở cơ sở 2022 Điều 11 khoản 2; Luật Ngân sách nhà nước 2015 Điều 15).
 */
export const budget: Feature = {
  key: 'budget',
  label: BUDGET_LABEL,
  publicRoutes: budgetRoutes,
  adminRoutes: budgetAdminRoutes,
  adminNav: [{ href: '/quan-tri/cong-khai-ngan-sach', label: BUDGET_LABEL, order: 72, visible: budgetPolicy.manage }],
  section: { key: 'cong-khai-ngan-sach', label: BUDGET_LABEL, path: BUDGET_PATH, order: 110, group: 'disclosure' },
  sitemap: budgetSitemap,
  search: { order: 70, search: searchBudget },
  demo: seedBudget,
  tables: ['budget_reports', 'budget_report_files'],
};
