import type { Feature } from '../../kernel/feature.js';
import { consultationPolicy } from '../polls/policy.js';
import { consultationAdminRoutes } from './admin/routes.js';
import { consultationRoutes } from './public/routes.js';

/** Draft documents open for comment until their deadline, and the feedback on them. */
export const consultation: Feature = {
  key: 'consultation',
  label: 'Góp ý dự thảo',
  publicRoutes: consultationRoutes,
  adminRoutes: consultationAdminRoutes,
  adminNav: [{ href: '/quan-tri/gop-y-du-thao', label: 'Góp ý dự thảo', order: 80, visible: consultationPolicy.manage }],
  section: { key: 'gop-y-du-thao', label: 'Góp ý dự thảo', path: '/gop-y-du-thao', order: 60 },
  tables: ['draft_feedback'],
};
