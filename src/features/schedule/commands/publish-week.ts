import { writeAudit } from '../../../kernel/audit.js';
import type { CommandContext } from '../../../kernel/commands.js';
import type { Week } from '../week.js';
import { assertScheduleManager, purgeDays } from './purge.js';

/** Publishes (or withdraws) every entry of a week at once; returns how many changed. */
export async function publishWeek(cx: CommandContext, week: Week, publish: boolean): Promise<number> {
  assertScheduleManager(cx);
  const { db, site, actor, now } = cx;
  const from = week.days[0]!;
  const to = week.days[6]!;
  const want = publish ? 1 : 0;
  const changed = await db.transaction().execute(async (tx) => {
    const rows = await tx
      .selectFrom('schedule_entries')
      .select('id')
      .where('site_id', '=', site.id)
      .where('day', '>=', from)
      .where('day', '<=', to)
      .where('published', '!=', want)
      .execute();
    if (!rows.length) return 0;
    const ids = rows.map((r) => r.id);
    await tx.updateTable('schedule_entries').set({ published: want, updated_at: now.toISOString() }).where('site_id', '=', site.id).where('id', 'in', ids).execute();
    await writeAudit(
      tx,
      { siteId: site.id, userId: actor.userId, action: publish ? 'schedule.publish_week' : 'schedule.unpublish_week', entityType: 'schedule_week', entityId: week.key, after: { ids } },
      now,
    );
    return ids.length;
  });
  if (changed) purgeDays(cx, [from]);
  return changed;
}
