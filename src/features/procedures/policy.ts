import { hasRole, type Actor } from '../../kernel/access/actor.js';

/**
 * Who may keep the list of administrative procedures, in one place. Routes use it to answer 403
 * early; every command checks again before it writes.
 */
export const procedurePolicy = {
  /** Create, edit, order, delete procedures: the site's admins, approvers and editors. */
  manage: (a: Actor, siteId: number) => hasRole(a, siteId, 'site_admin', 'approver', 'editor'),
};
