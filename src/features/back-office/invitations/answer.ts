import { writeAudit } from '../../../kernel/audit.js';
import type { Db } from '../../../kernel/db/connection.js';
import type { Role } from '../../../kernel/db/schema.js';
import { AppError } from '../../../kernel/lib/errors.js';

/**
 * The invited person accepts (the roles are given on the inviting site, in the same
 * transaction) or declines. Only their own open, unexpired invitation; it is answered once even
 * when two answers race.
 */
export async function answerInvitation(db: Db, userId: number, invitationId: number, accept: boolean, now: Date): Promise<number> {
  const stamp = now.toISOString();
  return db.transaction().execute(async (tx) => {
    // tenancy: the invitee answers from any site's back office; the row is found by its invitee.
    const inv = await tx
      .selectFrom('site_invitations')
      .selectAll()
      .where('id', '=', invitationId)
      .where('user_id', '=', userId)
      .where('status', '=', 'pending')
      .where('expires_at', '>', stamp)
      .executeTakeFirst();
    if (!inv) throw new AppError('not_found', 'Lời mời không còn hiệu lực: đã được trả lời, đã hết hạn hoặc không dành cho bạn.');
    // tenancy: the same invitation, by id and invitee, as read above.
    const r = await tx
      .updateTable('site_invitations')
      .set({ status: accept ? 'accepted' : 'declined', answered_at: stamp })
      .where('id', '=', inv.id)
      .where('user_id', '=', userId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError('conflict', 'Lời mời này vừa được trả lời.');
    const roles = JSON.parse(inv.roles) as Role[];
    if (accept) {
      const had = await tx.selectFrom('user_roles').select('role').where('site_id', '=', inv.site_id).where('user_id', '=', userId).execute();
      for (const role of roles.filter((x) => !had.some((h) => h.role === x))) {
        await tx.insertInto('user_roles').values({ user_id: userId, site_id: inv.site_id, role }).execute();
      }
    }
    // Acceptance shows in the inviting site's log (the person is a member now); a refusal only in
    // the installation's log, so that the site cannot tell a refusal from an unknown login.
    await writeAudit(tx, { siteId: accept ? inv.site_id : null, userId, action: accept ? 'user.invite_accept' : 'user.invite_decline', entityType: 'invitation', entityId: inv.id, after: { site_id: inv.site_id, roles } }, now);
    return inv.site_id;
  });
}
