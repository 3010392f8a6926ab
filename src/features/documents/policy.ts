import { hasRole, type Actor } from '../../kernel/access/actor.js';

/**
 * Who may do what with a site's document library, in one place. Routes answer 403 early with
 * these; every command checks again before it writes.
 */
export const documentPolicy = {
  /** Create, edit, delete documents, attach files, set related documents, manage the type list. */
  manage: (a: Actor, siteId: number) => hasRole(a, siteId, 'site_admin', 'approver', 'editor'),
};
