import { hasRole, type Actor } from '../../kernel/access/actor.js';

/**
 * Who may put an emergency notice on every page, in one place. Routes use it to answer 403
 * early; every command checks again before it writes.
 */
export const alertPolicy = {
  /** Create, change and end a site's notices: its admins and the head of its editorial board. */
  manage: (a: Actor, siteId: number) => hasRole(a, siteId, 'site_admin', 'approver'),
  /** Send one notice to many sites at once (the province's IT team): system admins only. */
  broadcast: (a: Actor) => a.isSystemAdmin,
};
