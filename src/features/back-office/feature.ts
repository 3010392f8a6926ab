import type { Feature } from '../../kernel/feature.js';
import { accountRoutes } from './account/routes.js';
import { auditRoutes } from './audit-routes.js';
import { authRoutes } from './auth/routes.js';
import { dashboardRoutes } from './dashboard.js';
import { backOfficeJobs } from './housekeeping.js';
import { backOfficePolicy } from './policy.js';
import { userRoutes } from './users/routes.js';
import { invitationRoutes } from './invitations/routes.js';

const always = () => true;

/** The back office's own screens: sign-in, dashboard, my account, people and roles, audit log. */
export const backOffice: Feature = {
  key: 'back-office',
  label: 'Quản trị',
  adminRoutes: async (admin) => {
    for (const routes of [authRoutes, dashboardRoutes, accountRoutes, userRoutes, invitationRoutes, auditRoutes]) await routes(admin);
  },
  adminNav: [
    { href: '/quan-tri', label: 'Tổng quan', order: 0, visible: always },
    { href: '/quan-tri/nguoi-dung', label: 'Người dùng', order: 130, visible: backOfficePolicy.manageUsers },
    { href: '/quan-tri/nhat-ky', label: 'Nhật ký thao tác', order: 140, visible: backOfficePolicy.readAudit },
    { href: '/quan-tri/tai-khoan', label: 'Tài khoản của tôi', order: 150, visible: always },
  ],
  /** Purges expired sessions and decayed throttle rows. */
  jobs: (app) => backOfficeJobs(app.cong.db),
  tables: ['users', 'user_roles', 'sessions', 'login_throttle', 'audit_log', 'site_invitations'],
};
