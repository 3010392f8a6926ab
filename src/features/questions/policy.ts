import { hasRole, type Actor } from '../../kernel/access/actor.js';

/**
 * Who may do what with citizens' questions, in one place. Routes use these to answer 403 early;
 * every command checks again before writing.
 */
export const questionPolicy = {
  /** Work the queue: assign, answer, publish, reject. Contributors (phóng viên) may not. */
  handle: (a: Actor, siteId: number) => hasRole(a, siteId, 'site_admin', 'approver', 'editor', 'moderator'),
  /** The topic list and the overdue limit are the section's settings. */
  configure: (a: Actor, siteId: number) => hasRole(a, siteId, 'site_admin', 'approver'),
};
