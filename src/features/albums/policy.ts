import { hasRole, type Actor } from '../../kernel/access/actor.js';

/** Who may keep the photo albums, in one place; routes answer 403 early, commands check again. */
export const albumsPolicy = {
  /** Create, edit, publish and delete albums and their photos: the site's admins, approvers and editors. */
  manage: (a: Actor, siteId: number) => hasRole(a, siteId, 'site_admin', 'approver', 'editor'),
};
