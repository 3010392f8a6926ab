import { writeAudit } from '../../../kernel/audit.js';
import type { CommandContext } from '../../../kernel/commands.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { assertProcedureManager, purgeProcedures } from './shared.js';

/** Moves a procedure one place up or down among those of its lĩnh vực. */
export async function moveProcedure(cx: CommandContext, id: number, dir: 'up' | 'down'): Promise<void> {
  assertProcedureManager(cx);
  const { db, site, actor, now } = cx;
  const moved = await db.transaction().execute(async (tx) => {
    const me = await tx.selectFrom('procedures').select(['id', 'field']).where('site_id', '=', site.id).where('id', '=', id).executeTakeFirst();
    if (!me) throw new AppError('not_found');
    const rows = await tx
      .selectFrom('procedures')
      .select(['id', 'position'])
      .where('site_id', '=', site.id)
      .where('field', '=', me.field)
      .orderBy('position')
      .orderBy('id')
      .execute();
    const i = rows.findIndex((r) => r.id === id);
    const j = dir === 'up' ? i - 1 : i + 1;
    if (j < 0 || j >= rows.length) return false;
    const order = rows.map((r) => r.id);
    [order[i], order[j]] = [order[j]!, order[i]!];
    // Positions are rewritten within the field only, keeping the field's existing slots.
    const slots = rows.map((r) => r.position).sort((a, b) => a - b);
    const distinct = new Set(slots).size === slots.length ? slots : slots.map((s, k) => s + k);
    for (const [k, rid] of order.entries()) await tx.updateTable('procedures').set({ position: distinct[k]! }).where('site_id', '=', site.id).where('id', '=', rid).execute();
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'procedure.move', entityType: 'procedure', entityId: id, before: { order: rows.map((r) => r.id) }, after: { order } }, now);
    return true;
  });
  if (moved) purgeProcedures(cx);
}
