import type { Feature } from '../../kernel/feature.js';
import { listPages } from '../articles/repo.js';
import { pageRoutes } from './admin/routes.js';
import { seedPages } from './demo.js';

/** Static pages (Giới thiệu, Liên hệ…): linked from the footer, edited under Quản lý trang. */
export const pages: Feature = {
  key: 'pages',
  label: 'Trang tĩnh',
  adminRoutes: pageRoutes,
  frame: { load: async ({ db, site }) => ({ pages: await listPages(db, site.id) }) },
  demo: seedPages,
  tables: ['pages'],
};
