import { writeAudit } from '../../../kernel/audit.js';
import type { Db } from '../../../kernel/db/connection.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { sitePolicy } from '../policy.js';
import { parseHostnames } from '../site-input.js';
import { fail } from '../../../kernel/forms.js';
import type { CommandResult, SiteCommandContext } from './context.js';

/** A message naming the first hostname that already belongs to another site, if any. */
export async function hostsTakenError(tx: Db, hosts: string[], siteId: number | null): Promise<string | undefined> {
  if (!hosts.length) return undefined;
  // tenancy: a hostname answers for one site only, so the other sites' hostnames are looked at.
  let q = tx.selectFrom('site_hosts').innerJoin('sites', 'sites.id', 'site_hosts.site_id').select(['site_hosts.host', 'sites.name']).where('site_hosts.host', 'in', hosts);
  if (siteId !== null) q = q.where('site_hosts.site_id', '!=', siteId);
  const taken = await q.executeTakeFirst();
  return taken ? `Tên miền “${taken.host}” đã thuộc trang “${taken.name}”.` : undefined;
}

/**
 * Replaces a site's hostnames (system admins only) and reloads the resolver. Cached public
 * pages are keyed by site and origin, so no other site's cache needs purging.
 */
export async function saveSiteHosts(cx: SiteCommandContext, siteId: number, raw: string): Promise<CommandResult> {
  if (!sitePolicy.manageSites(cx.actor)) throw new AppError('forbidden');
  const { db, actor, now } = cx;
  const { hosts, error } = parseHostnames(raw);
  if (error) return fail({ hosts: error });
  const result = await db.transaction().execute(async (tx): Promise<CommandResult> => {
    const site = await tx.selectFrom('sites').select('id').where('id', '=', siteId).executeTakeFirst();
    if (!site) throw new AppError('not_found');
    const taken = await hostsTakenError(tx, hosts, siteId);
    if (taken) return fail({ hosts: taken });
    const before = (await tx.selectFrom('site_hosts').select('host').where('site_id', '=', siteId).orderBy('host').execute()).map((h) => h.host);
    await tx.deleteFrom('site_hosts').where('site_id', '=', siteId).execute();
    for (const host of hosts) await tx.insertInto('site_hosts').values({ host, site_id: siteId }).execute();
    await writeAudit(tx, { siteId, userId: actor.userId, action: 'site.hosts', entityType: 'site', entityId: siteId, before: { hosts: before }, after: { hosts } }, now);
    return { ok: true, value: siteId };
  });
  if (result.ok) await cx.sites.reload();
  return result;
}
