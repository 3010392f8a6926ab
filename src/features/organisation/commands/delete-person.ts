import { writeAudit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { findPerson } from '../repo.js';
import { assertCanManage, purgeOrganisation, type CommandContext } from './shared.js';

/** Removes a person from the chart and the leaders page (their photo stays in the library). */
export async function deletePerson(cx: CommandContext, id: number): Promise<void> {
  assertCanManage(cx);
  const { db, site, actor, now } = cx;
  await db.transaction().execute(async (tx) => {
    const before = await findPerson(tx, site.id, id);
    if (!before) throw new AppError('not_found');
    await tx.deleteFrom('org_people').where('site_id', '=', site.id).where('id', '=', id).execute();
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'org_person.delete', entityType: 'org_person', entityId: id, before }, now);
  });
  purgeOrganisation(cx);
}
