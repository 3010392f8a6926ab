import { writeAudit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { markArchived } from '../../../kernel/sites/archive.js';
import { sitePolicy } from '../policy.js';
import { afterSiteChange, type CommandResult, type SiteCommandContext } from './context.js';

/** Makes an archived site live again (system admins only): banner gone, forms and back office open. */
export async function unarchiveSite(cx: SiteCommandContext, siteId: number): Promise<CommandResult> {
  if (!sitePolicy.manageSites(cx.actor)) throw new AppError('forbidden');
  const { db, actor, now } = cx;
  const result = await db.transaction().execute(async (tx): Promise<CommandResult> => {
    // tenancy: the sites table has no site_id: its id is the site (system admins act on any site).
    const site = await tx.selectFrom('sites').select(['id', 'archived_at', 'successors']).where('id', '=', siteId).executeTakeFirst();
    if (!site) throw new AppError('not_found');
    if (!site.archived_at) return { ok: true, value: siteId };
    await markArchived(tx, siteId, null, now);
    await writeAudit(
      tx,
      { siteId, userId: actor.userId, action: 'site.unarchive', entityType: 'site', entityId: siteId, before: { archivedAt: site.archived_at, successors: JSON.parse(site.successors) as number[] }, after: { archivedAt: null } },
      now,
    );
    return { ok: true, value: siteId };
  });
  return afterSiteChange(cx, siteId, result);
}
