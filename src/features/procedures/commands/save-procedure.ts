import { writeAudit } from '../../../kernel/audit.js';
import type { CommandContext, CommandResult } from '../../../kernel/commands.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { validateProcedure, type ProcedureForm } from './procedure-input.js';
import { assertProcedureManager, purgeProcedures } from './shared.js';

/** Creates a procedure (at the end of its lĩnh vực) or edits one; one transaction with its audit row. */
export async function saveProcedure(cx: CommandContext, id: number | null, form: ProcedureForm): Promise<CommandResult> {
  assertProcedureManager(cx);
  const { db, site, actor, now } = cx;
  const checked = validateProcedure(form);
  if (!checked.ok) return checked;
  const values = checked.values;
  const stamp = now.toISOString();
  const result = await db.transaction().execute(async (tx): Promise<CommandResult> => {
    if (values.code) {
      let dup = tx.selectFrom('procedures').select('id').where('site_id', '=', site.id).where('code', '=', values.code);
      if (id !== null) dup = dup.where('id', '!=', id);
      if (await dup.executeTakeFirst()) return { ok: false, errors: { code: `Mã thủ tục ${values.code} đã có trong danh sách.` } };
    }
    if (id === null) {
      const r = await tx.selectFrom('procedures').select((eb) => eb.fn.max('position').as('p')).where('site_id', '=', site.id).executeTakeFirst();
      const position = r?.p === null || r?.p === undefined ? 0 : Number(r.p) + 1;
      const { id: newId } = await tx
        .insertInto('procedures')
        .values({ ...values, site_id: site.id, position, created_at: stamp, updated_at: stamp })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'procedure.create', entityType: 'procedure', entityId: newId, after: values }, now);
      return { ok: true, value: newId };
    }
    const before = await tx.selectFrom('procedures').selectAll().where('site_id', '=', site.id).where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    await tx.updateTable('procedures').set({ ...values, updated_at: stamp }).where('site_id', '=', site.id).where('id', '=', id).execute();
    const { id: _i, site_id: _s, created_at: _c, updated_at: _u, position: _p, ...was } = before;
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'procedure.update', entityType: 'procedure', entityId: id, before: was, after: values }, now);
    return { ok: true, value: id };
  });
  if (result.ok) purgeProcedures(cx);
  return result;
}
