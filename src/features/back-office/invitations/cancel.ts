import { writeAudit } from '../../../kernel/audit.js';
import type { Db } from '../../../kernel/db/connection.js';
import { AppError } from '../../../kernel/lib/errors.js';

/**
 * The site administrator withdraws an invitation not yet accepted (typed to the wrong person, or
 * the person has left). Once, even when an acceptance races it: whichever comes second is refused.
 */
export async function cancelInvitation(db: Db, siteId: number, by: number, invitationId: number, now: Date): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const inv = await tx
      .selectFrom('site_invitations')
      .select(['id', 'login', 'roles'])
      .where('site_id', '=', siteId)
      .where('id', '=', invitationId)
      .where('status', '!=', 'accepted')
      .executeTakeFirst();
    if (!inv) throw new AppError('not_found', 'Lời mời không còn: đã được chấp nhận hoặc đã bị hủy.');
    const r = await tx.deleteFrom('site_invitations').where('site_id', '=', siteId).where('id', '=', inv.id).where('status', '!=', 'accepted').executeTakeFirst();
    if (Number(r.numDeletedRows) !== 1) throw new AppError('conflict', 'Lời mời này vừa được chấp nhận hoặc hủy.');
    await writeAudit(tx, { siteId, userId: by, action: 'user.invite_cancel', entityType: 'invitation', entityId: inv.id, before: { login: inv.login, roles: JSON.parse(inv.roles) as unknown } }, now);
  });
}
