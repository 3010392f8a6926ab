import { hasRole, type Actor } from '../../kernel/access/actor.js';

/** Who may do what with the visitor statistics of a site. */
export const statsPolicy = {
  /** The editorial board reads the statistics and the per-editor table (royalties). */
  view: (actor: Actor, siteId: number) => hasRole(actor, siteId, 'site_admin', 'approver', 'editor'),
  /** Only the site's admins change how the public counter counts and shows. */
  configure: (actor: Actor, siteId: number) => hasRole(actor, siteId, 'site_admin'),
};
