import { writeAudit } from '../../../kernel/audit.js';
import type { CommandContext } from '../../../kernel/commands.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { assertProcedureManager, purgeProcedures } from './shared.js';

export async function deleteProcedure(cx: CommandContext, id: number): Promise<void> {
  assertProcedureManager(cx);
  const { db, site, actor, now } = cx;
  await db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('procedures').selectAll().where('site_id', '=', site.id).where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    await tx.deleteFrom('procedures').where('site_id', '=', site.id).where('id', '=', id).execute();
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'procedure.delete', entityType: 'procedure', entityId: id, before }, now);
  });
  purgeProcedures(cx);
}
