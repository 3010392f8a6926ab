import { writeAudit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { urls } from '../../../kernel/http/urls.js';
import { assertSiteAdmin, type CommandContext } from './context.js';

/** Removes a marker from the map page and its static image. */
export async function deleteOffice(cx: CommandContext, id: number): Promise<void> {
  assertSiteAdmin(cx);
  const { db, site, actor, now } = cx;
  await db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('map_offices').selectAll().where('site_id', '=', site.id).where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    await tx.deleteFrom('map_offices').where('site_id', '=', site.id).where('id', '=', id).execute();
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'map_office.delete', entityType: 'map_office', entityId: id, before }, now);
  });
  cx.cache.purgePaths(site.id, [urls.map(), urls.staticMap()]);
}
