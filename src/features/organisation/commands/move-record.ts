import { writeAudit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { swapped, type Direction } from '../../../kernel/db/ordering.js';
import { assertCanManage, purgeOrganisation, type CommandContext } from './shared.js';

/**
 * Moves a unit one place up or down among the units of the same parent, or a person one place
 * in the site's list of people (the order of the leaders page and of each unit's people).
 */
export async function moveRecord(cx: CommandContext, table: 'org_units' | 'org_people', id: number, dir: Direction): Promise<void> {
  assertCanManage(cx);
  const { db, site, actor, now } = cx;
  const entity = table === 'org_units' ? 'org_unit' : 'org_person';
  const moved = await db.transaction().execute(async (tx) => {
    let siblings: { id: number; position: number }[];
    if (table === 'org_units') {
      const me = await tx.selectFrom('org_units').select('parent_id').where('site_id', '=', site.id).where('id', '=', id).executeTakeFirst();
      if (!me) throw new AppError('not_found');
      let q = tx.selectFrom('org_units').select(['id', 'position']).where('site_id', '=', site.id);
      q = me.parent_id === null ? q.where('parent_id', 'is', null) : q.where('parent_id', '=', me.parent_id);
      siblings = await q.orderBy('position').orderBy('id').execute();
    } else {
      siblings = await tx.selectFrom('org_people').select(['id', 'position']).where('site_id', '=', site.id).orderBy('position').orderBy('id').execute();
    }
    const before = siblings.map((r) => r.id);
    if (!before.includes(id)) throw new AppError('not_found');
    const after = swapped(before, id, dir);
    if (!after) return false;
    const was = new Map(siblings.map((r) => [r.id, r.position]));
    for (const [position, rowId] of after.entries()) {
      if (was.get(rowId) === position) continue;
      await tx.updateTable(table).set({ position }).where('site_id', '=', site.id).where('id', '=', rowId).execute();
    }
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: `${entity}.move`, entityType: entity, entityId: id, before: { order: before }, after: { order: after } }, now);
    return true;
  });
  if (moved) purgeOrganisation(cx);
}
