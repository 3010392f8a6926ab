import type { Db } from '../../../kernel/db/connection.js';
import type { InvitationRow } from '../../../kernel/db/tables/invitations.js';

export type MyInvitation = InvitationRow & { site_name: string };

/** The signed-in person's open invitations, from every site. */
export async function listMyInvitations(db: Db, userId: number, now: Date): Promise<MyInvitation[]> {
  // tenancy: an invitation is read by the person invited, whichever site's back office they are in.
  return db
    .selectFrom('site_invitations')
    .innerJoin('sites', 'sites.id', 'site_invitations.site_id')
    .selectAll('site_invitations')
    .select('sites.name as site_name')
    .where('site_invitations.user_id', '=', userId)
    .where('site_invitations.status', '=', 'pending')
    .where('site_invitations.expires_at', '>', now.toISOString())
    .orderBy('site_invitations.id')
    .execute();
}

/**
 * A site's invitations not accepted and not expired. Declined ones stay listed until they expire,
 * like those whose login matched no account, so the list says nothing about who has an account.
 */
export async function listSiteInvitations(db: Db, siteId: number, now: Date): Promise<InvitationRow[]> {
  return db
    .selectFrom('site_invitations')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('status', '!=', 'accepted')
    .where('expires_at', '>', now.toISOString())
    .orderBy('id', 'desc')
    .execute();
}

/** How long an invitation row is kept after it expired (the audit log keeps who invited whom). */
export const INVITATION_KEEP_MS = 30 * 24 * 3600_000;

/** Deletes invitations that expired more than INVITATION_KEEP_MS ago, answered or not; the count. */
export async function purgeOldInvitations(db: Db, now: Date): Promise<number> {
  // tenancy: housekeeping of every site's rows, by age only.
  const r = await db.deleteFrom('site_invitations').where('expires_at', '<', new Date(now.getTime() - INVITATION_KEEP_MS).toISOString()).executeTakeFirst();
  return Number(r.numDeletedRows);
}
