import { hasRole, type Actor } from '../../kernel/access/actor.js';

/**
 * Who may keep the leaders' work schedule, in one place. Routes use it to answer 403 early; every
 * command checks again before it writes.
 */
export const schedulePolicy = {
  /** Add, edit, copy, delete and publish entries: the site's admins, approvers and editors. */
  manage: (a: Actor, siteId: number) => hasRole(a, siteId, 'site_admin', 'approver', 'editor'),
};
