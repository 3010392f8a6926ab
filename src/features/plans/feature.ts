import type { Feature } from '../../kernel/feature.js';
import { planAdminRoutes } from './admin/routes.js';
import { seedPlans } from './demo.js';
import { planPolicy } from './policy.js';
import { planRoutes } from './public/routes.js';
import { searchPlans } from './search.js';
import { planSitemap } from './sitemap.js';
import { PLANS_LABEL, PLANS_PATH } from './urls.js';

/**
 * Quy hoạch – Kế hoạch: approved plans (quy hoạch, kế hoạch sử dụng đất, kế hoạch phát triển
 * KT-XH) with their plan maps, documents and an optional GeoJSON layer (Luật THDCCS 2022 Điều 11).
 */
export const plans: Feature = {
  key: 'plans',
  label: PLANS_LABEL,
  publicRoutes: planRoutes,
  adminRoutes: planAdminRoutes,
  adminNav: [{ href: '/quan-tri/quy-hoach', label: PLANS_LABEL, order: 73, visible: planPolicy.manage }],
  section: { key: 'quy-hoach-ke-hoach', label: PLANS_LABEL, path: PLANS_PATH, order: 120, group: 'disclosure' },
  sitemap: planSitemap,
  search: { order: 71, search: searchPlans },
  demo: seedPlans,
  tables: ['plans', 'plan_files'],
};
