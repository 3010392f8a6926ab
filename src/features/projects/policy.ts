import { hasRole, type Actor } from '../../kernel/access/actor.js';

/** Who may keep the projects, bidding and land-recovery disclosure; commands check it again. */
export const projectPolicy = {
  /** Add, edit, unpublish and delete projects, their notices and files: admins, approvers, editors. */
  manage: (a: Actor, siteId: number) => hasRole(a, siteId, 'site_admin', 'approver', 'editor'),
};
