import { hasRole, type Actor } from '../../kernel/access/actor.js';

/** Who may keep the plans disclosure; commands check it again. */
export const planPolicy = {
  /** Add, edit, unpublish and delete plans and their files: admins, approvers, editors. */
  manage: (a: Actor, siteId: number) => hasRole(a, siteId, 'site_admin', 'approver', 'editor'),
};
