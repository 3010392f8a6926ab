import { hasRole, type Actor } from '../../kernel/access/actor.js';

/** Who may keep the videos and the audio bulletins: the site's admins, approvers and editors. */
export const videoPolicy = {
  manage: (a: Actor, siteId: number) => hasRole(a, siteId, 'site_admin', 'approver', 'editor'),
};
