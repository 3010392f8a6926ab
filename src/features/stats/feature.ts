import type { Feature } from '../../kernel/feature.js';
import { statsAdminRoutes } from './admin/routes.js';
import { statsFrame } from './frame.js';
import { statsJobs } from './jobs.js';
import { statsPolicy } from './policy.js';
import { statsPrimary } from './primary.js';
import { statsRoutes } from './public/routes.js';

/** Visitor statistics: the beacon, the counters on every page, the back-office charts. */
export const stats: Feature = {
  key: 'stats',
  label: 'Thống kê truy cập',
  publicRoutes: statsRoutes,
  adminRoutes: statsAdminRoutes,
  adminNav: [{ href: '/quan-tri/thong-ke', label: 'Thống kê truy cập', order: 120, visible: statsPolicy.view }],
  frame: statsFrame,
  jobs: statsJobs,
  primary: statsPrimary,
  tables: ['site_stats', 'online_visitors', 'stats_salts', 'stats_daily', 'stats_article_daily', 'stats_article_totals', 'stats_referrers', 'stats_devices', 'stats_totals', 'stats_settings', 'stats_flush_log'],
};
