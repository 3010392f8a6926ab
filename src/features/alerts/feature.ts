import type { Feature } from '../../kernel/feature.js';
import { alertAdminRoutes } from './admin/routes.js';
import { seedAlerts } from './demo.js';
import { alertFrame } from './frame.js';
import { alertPolicy } from './policy.js';
import { alertTransitionsJob } from './transitions.js';

/**
 * Thông báo khẩn: a site-wide emergency notice (storm, flood, evacuation) at the top of every
 * public page between its start and end; the province's system admins can send one to many
 * ward sites at once.
 */
export const alerts: Feature = {
  key: 'alerts',
  label: 'Thông báo khẩn',
  adminRoutes: alertAdminRoutes,
  adminNav: [{ href: '/quan-tri/thong-bao-khan', label: 'Thông báo khẩn', order: 105, visible: alertPolicy.manage }],
  frame: alertFrame,
  jobs: (app) => [alertTransitionsJob(app.cong)],
  demo: seedAlerts,
  tables: ['alerts'],
};
