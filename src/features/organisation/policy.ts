import { hasRole, type Actor } from '../../kernel/access/actor.js';

/**
 * Who may change the Giới thiệu section, in one place. Routes use it to answer 403 early; every
 * command checks again before it writes.
 */
export const organisationPolicy = {
  /** The agency's texts, its units and its people: the site's admins, approvers and editors. */
  manage: (a: Actor, siteId: number) => hasRole(a, siteId, 'site_admin', 'approver', 'editor'),
};
