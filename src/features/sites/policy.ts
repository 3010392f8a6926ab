import { hasRole, type Actor } from '../../kernel/access/actor.js';

/**
 * Who may manage a site, in one place. The routes use these to answer 403 early; every command
 * checks again before it writes, so a hidden button is never the only guard.
 */
export const sitePolicy = {
  /** Categories, menu, static pages, widgets and settings: the site's admins (and system admins). */
  manage: (a: Actor, siteId: number) => hasRole(a, siteId, 'site_admin'),
  /** Creating sites and giving them hostnames spans every site: system admins only. */
  manageSites: (a: Actor) => a.isSystemAdmin,
};
