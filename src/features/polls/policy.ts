import { hasRole, type Actor } from '../../kernel/access/actor.js';

/**
 * Who may manage polls and drafts open for comment, in one place. Routes answer 403 early with
 * these; every command checks again before it writes.
 */
export const pollPolicy = {
  /** Create, edit, open, close and delete polls; read their results. */
  manage: (a: Actor, siteId: number) => hasRole(a, siteId, 'site_admin', 'approver', 'editor'),
};

export const consultationPolicy = {
  /** Read the feedback on drafts, export it, mark it processed. */
  manage: (a: Actor, siteId: number) => hasRole(a, siteId, 'site_admin', 'approver', 'editor'),
};
