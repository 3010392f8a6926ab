import { hasRole, type Actor } from '../../kernel/access/actor.js';

/**
 * Who may do what in the media library, in one place. Routes use these to show or hide
 * actions; the commands check them again before writing.
 */
const WRITERS = ['site_admin', 'approver', 'editor', 'contributor'] as const;

export const mediaPolicy = {
  /** Everyone who writes for the site browses the library and uploads to it. */
  browse: (a: Actor, siteId: number) => hasRole(a, siteId, ...WRITERS),
  upload: (a: Actor, siteId: number) => hasRole(a, siteId, ...WRITERS),
  /** Deleting takes a file off every page that links it: editors and above only. */
  delete: (a: Actor, media: { site_id: number }) => hasRole(a, media.site_id, 'site_admin', 'approver', 'editor'),
};
