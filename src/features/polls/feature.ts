import type { Feature } from '../../kernel/feature.js';
import { pollAdminRoutes } from './admin/routes.js';
import { seedPolls } from './demo.js';
import { pollFrame } from './frame.js';
import { pollPolicy } from './policy.js';
import { pollRoutes } from './public/routes.js';
import { pollSearch } from './search.js';
import { pollSitemap } from './sitemap.js';

/** Polls: one vote per visitor, results, the newest open poll in the sidebar. */
export const polls: Feature = {
  key: 'polls',
  label: 'Thăm dò ý kiến',
  publicRoutes: pollRoutes,
  adminRoutes: pollAdminRoutes,
  adminNav: [{ href: '/quan-tri/tham-do', label: 'Thăm dò ý kiến', order: 90, visible: pollPolicy.manage }],
  section: { key: 'tham-do', label: 'Thăm dò ý kiến', path: '/tham-do-y-kien', order: 70 },
  sitemap: pollSitemap,
  search: { order: 50, search: pollSearch },
  frame: pollFrame,
  demo: seedPolls,
  tables: ['polls', 'poll_options', 'poll_votes'],
};
