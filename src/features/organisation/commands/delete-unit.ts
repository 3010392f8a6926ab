import { writeAudit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { findUnit } from '../repo.js';
import { assertCanManage, purgeOrganisation, type CommandContext, type CommandResult } from './shared.js';

/** Deletes a unit that has no sub-units and no people; otherwise says what is still in it. */
export async function deleteUnit(cx: CommandContext, id: number): Promise<CommandResult<null>> {
  assertCanManage(cx);
  const { db, site, actor, now } = cx;
  const result = await db.transaction().execute(async (tx) => {
    const before = await findUnit(tx, site.id, id);
    if (!before) throw new AppError('not_found');
    const count = async (table: 'org_units' | 'org_people', column: 'parent_id' | 'unit_id') =>
      Number((await tx.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('site_id', '=', site.id).where(column, '=', id).executeTakeFirstOrThrow()).n);
    const [children, people] = [await count('org_units', 'parent_id'), await count('org_people', 'unit_id')];
    if (children || people) {
      const parts = [children ? `${children} đơn vị trực thuộc` : '', people ? `${people} cán bộ` : ''].filter(Boolean).join(' và ');
      return { ok: false as const, errors: { _form: `Không xoá được "${before.name}" vì đơn vị còn ${parts}. Hãy chuyển hoặc xoá trước.` } };
    }
    await tx.deleteFrom('org_units').where('site_id', '=', site.id).where('id', '=', id).execute();
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'org_unit.delete', entityType: 'org_unit', entityId: id, before }, now);
    return { ok: true as const, value: null };
  });
  if (result.ok) purgeOrganisation(cx);
  return result;
}
