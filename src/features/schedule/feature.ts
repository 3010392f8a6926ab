import type { Feature } from '../../kernel/feature.js';
import { scheduleAdminRoutes } from './admin/routes.js';
import { seedSchedule } from './demo.js';
import { schedulePolicy } from './policy.js';
import { scheduleRoutes } from './public/routes.js';
import { searchSchedule } from './search.js';
import { scheduleSitemap } from './sitemap.js';

/** The leaders' weekly work schedule, its print view and iCalendar feed. */
export const schedule: Feature = {
  key: 'schedule',
  label: 'Lịch công tác',
  publicRoutes: scheduleRoutes,
  adminRoutes: scheduleAdminRoutes,
  adminNav: [{ href: '/quan-tri/lich-cong-tac', label: 'Lịch công tác', order: 50, visible: schedulePolicy.manage }],
  section: { key: 'lich-cong-tac', label: 'Lịch công tác', path: '/lich-cong-tac', order: 30 },
  sitemap: scheduleSitemap,
  search: { order: 40, search: searchSchedule },
  demo: seedSchedule,
  tables: ['schedule_entries'],
};
