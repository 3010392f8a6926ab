import type { Feature } from '../../kernel/feature.js';
import { projectAdminRoutes } from './admin/routes.js';
import { seedProjects } from './demo.js';
import { projectPolicy } from './policy.js';
import { projectRoutes } from './public/routes.js';
import { searchProjects } from './search.js';
import { projectSitemap } from './sitemap.js';
import { PROJECTS_LABEL, PROJECTS_PATH } from './urls.js';

/**
 * Dự án – Đấu thầu – GPMB: investment projects, bidding notices, land recovery and compensation
 * plans, each with its documents (Luật Thực hiện dân chủ ở cơ sở 2022 Điều 11 khoản 3).
 */
export const projects: Feature = {
  key: 'projects',
  label: PROJECTS_LABEL,
  publicRoutes: projectRoutes,
  adminRoutes: projectAdminRoutes,
  adminNav: [{ href: '/quan-tri/du-an', label: PROJECTS_LABEL, order: 74, visible: projectPolicy.manage }],
  section: { key: 'du-an-dau-thau', label: PROJECTS_LABEL, path: PROJECTS_PATH, order: 130, group: 'disclosure' },
  sitemap: projectSitemap,
  search: { order: 72, search: searchProjects },
  demo: seedProjects,
  tables: ['projects', 'project_notices', 'project_files'],
};
