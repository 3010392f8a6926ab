import { hasRole, type Actor } from '../../kernel/access/actor.js';

/** Who may do what in the back office's own screens, in one place. */
export const backOfficePolicy = {
  /** Give people roles on the site, disable them, reset their passwords: the site's admins. */
  manageUsers: (a: Actor, siteId: number) => hasRole(a, siteId, 'site_admin'),
  /** Read the site's audit log: the site's admins. */
  readAudit: (a: Actor, siteId: number) => hasRole(a, siteId, 'site_admin'),
};
