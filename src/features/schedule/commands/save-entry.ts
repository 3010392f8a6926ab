import { writeAudit } from '../../../kernel/audit.js';
import type { CommandContext, CommandResult } from '../../../kernel/commands.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { validateEntry, type EntryForm } from './entry-input.js';
import { assertScheduleManager, purgeDays } from './purge.js';

/** Adds an entry to the schedule (id null) or changes one; one transaction with its audit row. */
export async function saveEntry(cx: CommandContext, id: number | null, form: EntryForm): Promise<CommandResult> {
  assertScheduleManager(cx);
  const { db, site, actor, now } = cx;
  const checked = validateEntry(form);
  if (!checked.ok) return checked;
  const values = checked.values;
  const stamp = now.toISOString();
  const result = await db.transaction().execute(async (tx) => {
    if (id === null) {
      const { id: newId } = await tx
        .insertInto('schedule_entries')
        .values({ ...values, site_id: site.id, created_at: stamp, updated_at: stamp })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'schedule.create', entityType: 'schedule_entry', entityId: newId, after: values }, now);
      return { id: newId, days: [values.day] };
    }
    const before = await tx.selectFrom('schedule_entries').selectAll().where('site_id', '=', site.id).where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    await tx.updateTable('schedule_entries').set({ ...values, updated_at: stamp }).where('site_id', '=', site.id).where('id', '=', id).execute();
    const { id: _i, site_id: _s, created_at: _c, updated_at: _u, ...was } = before;
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'schedule.update', entityType: 'schedule_entry', entityId: id, before: was, after: values }, now);
    return { id, days: [before.day, values.day] };
  });
  purgeDays(cx, result.days);
  return { ok: true, value: result.id };
}
