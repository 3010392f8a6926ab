import { writeAudit } from '../../../kernel/audit.js';
import type { CommandContext } from '../../../kernel/commands.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { assertAlertManager } from './save-alert.js';

/**
 * Takes a notice down now ("Kết thúc ngay"): its end becomes now, audited, and every page of the
 * site is purged. False when it had ended already (nothing written).
 */
export async function endAlert(cx: CommandContext, id: number): Promise<boolean> {
  assertAlertManager(cx);
  const { db, site, actor, now } = cx;
  const stamp = now.toISOString();
  const ended = await db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('alerts').selectAll().where('site_id', '=', site.id).where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    if (before.ends_at <= stamp) return false;
    // A notice still waiting for its start ends before it ever shows: its start comes to now as well.
    const startsAt = before.starts_at > stamp ? stamp : before.starts_at;
    // Conditional: of two "end now" clicks at once, the second finds it ended and writes nothing.
    const r = await tx
      .updateTable('alerts')
      .set({ starts_at: startsAt, ends_at: stamp, start_purged: 1, end_purged: 1, updated_at: stamp })
      .where('site_id', '=', site.id)
      .where('id', '=', id)
      .where('ends_at', '>', stamp)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'alert.end', entityType: 'alert', entityId: id, before: { starts_at: before.starts_at, ends_at: before.ends_at }, after: { starts_at: startsAt, ends_at: stamp } }, now);
    return true;
  });
  if (ended) cx.cache.purgeSite(site.id);
  return ended;
}
