import { hasRole, type Actor } from '../../kernel/access/actor.js';

/**
 * Who may do what with comments, in one place. Routes use these to answer 403 early; every
 * command checks again before writing.
 */
export const commentPolicy = {
  /** The comment moderators (and the site's admins) work the queue, edit, reply, close an article's comments. */
  moderate: (a: Actor, siteId: number) => hasRole(a, siteId, 'site_admin', 'moderator'),
  /** The site-wide switches (moderation mode, closing every article) are site settings: admins only. */
  configure: (a: Actor, siteId: number) => hasRole(a, siteId, 'site_admin'),
};
