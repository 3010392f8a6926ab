import { hasRole, type Actor } from '../../kernel/access/actor.js';

/**
 * Who may keep the budget disclosure, in one place. Routes answer 403 early with it; every command
 * checks again before it writes.
 */
export const budgetPolicy = {
  /** Add, edit, unpublish and delete reports and their files: the site's admins, approvers and editors. */
  manage: (a: Actor, siteId: number) => hasRole(a, siteId, 'site_admin', 'approver', 'editor'),
};
