import type { Generated, Selectable } from 'kysely';

/** Invitations to a site (migration 0027): row types. */
export interface InvitationsTables {
  site_invitations: SiteInvitationsTable;
}

export type InvitationStatus = 'pending' | 'accepted' | 'declined';

/**
 * A site administrator's invitation of an existing account. `user_id` is resolved once, when the
 * invitation is made; an invitation whose login matched no account keeps null and never becomes
 * anything, so the site's side cannot tell the two apart.
 */
export interface SiteInvitationsTable {
  id: Generated<number>;
  site_id: number;
  /** The login or e-mail as the administrator typed it (NFC, lower case). */
  login: string;
  user_id: number | null;
  /** JSON array of roles given on acceptance. */
  roles: string;
  status: InvitationStatus;
  invited_by: number | null;
  created_at: string;
  /** ISO UTC; seven days after `created_at`. */
  expires_at: string;
  answered_at: string | null;
}

export type InvitationRow = Selectable<SiteInvitationsTable>;
