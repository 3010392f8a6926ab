import { writeAudit } from '../../../kernel/audit.js';
import type { CommandContext } from '../../../kernel/commands.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { assertScheduleManager, purgeDays } from './purge.js';

/** Removes an entry; returns its day (the admin goes back to that week). */
export async function deleteEntry(cx: CommandContext, id: number): Promise<string> {
  assertScheduleManager(cx);
  const { db, site, actor, now } = cx;
  const day = await db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('schedule_entries').selectAll().where('site_id', '=', site.id).where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    await tx.deleteFrom('schedule_entries').where('site_id', '=', site.id).where('id', '=', id).execute();
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'schedule.delete', entityType: 'schedule_entry', entityId: id, before }, now);
    return before.day;
  });
  purgeDays(cx, [day]);
  return day;
}
