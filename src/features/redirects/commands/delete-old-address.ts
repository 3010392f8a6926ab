import { writeAudit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { assertSiteAdmin, type CommandContext } from '../../sites/commands/context.js';

/** Removes one of the site's own old addresses: asked again, it is the site's 404 page. */
export async function deleteOldAddress(cx: CommandContext, id: number): Promise<void> {
  assertSiteAdmin(cx);
  const { db, site, actor, now } = cx;
  const before = await db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('old_addresses').selectAll().where('owner_site_id', '=', site.id).where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('not_found');
    // tenancy: old_addresses belong to the site that answers them (owner_site_id), checked here.
    await tx.deleteFrom('old_addresses').where('owner_site_id', '=', site.id).where('id', '=', id).execute();
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'old_address.delete', entityType: 'old_address', entityId: id, before: row }, now);
    return row;
  });
  // Its 301 was never kept in the page cache (old-address-answer.ts); its path is named so that
  // every instance drops whatever it holds there.
  cx.cache.purgePaths(site.id, [new URL(before.from_url, 'http://x').pathname]);
}
