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
