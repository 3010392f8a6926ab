import { hasRole, type Actor } from '../../kernel/access/actor.js';

/**
 * Who may keep the disclosure sections (hotlines, information requests, reception, spokesperson,
 * recruitment, legal dissemination), in one place. Routes use it to answer 403 early; every
 * command checks again before it writes.
 */
export const disclosurePolicy = {
  /** Change a section's settings and add, edit or delete its notices: the site's admins, approvers and editors. */
  manage: (a: Actor, siteId: number) => hasRole(a, siteId, 'site_admin', 'approver', 'editor'),
};
