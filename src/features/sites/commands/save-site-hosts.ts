import { writeAudit } from '../../../kernel/audit.js';
import type { Db } from '../../../kernel/db/connection.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { sitePolicy } from '../policy.js';
import { parseHostnames } from '../site-input.js';
import { setPrimaryHost } from '../../../kernel/sites/repo.js';
import { fail } from '../../../kernel/forms.js';
import { afterSiteChange, type CommandResult, type SiteCommandContext } from './context.js';

/** A message naming the first hostname that already belongs to another site, if any. */
export async function hostsTakenError(tx: Db, hosts: string[], siteId: number | null): Promise<string | undefined> {
  if (!hosts.length) return undefined;
  // tenancy: a hostname answers for one site only, so the other sites' hostnames are looked at.
  let q = tx.selectFrom('site_hosts').innerJoin('sites', 'sites.id', 'site_hosts.site_id').select(['site_hosts.host', 'sites.name']).where('site_hosts.host', 'in', hosts);
  if (siteId !== null) q = q.where('site_hosts.site_id', '!=', siteId);
  const taken = await q.executeTakeFirst();
  return taken ? `Tên miền “${taken.host}” đã thuộc trang “${taken.name}”.` : undefined;
}

/** The scheme field: empty for the default (https in production, http elsewhere). */
export function parseScheme(raw: string): { scheme: 'https' | 'http' | null; error?: string } {
  const v = raw.trim();
  if (v === 'https' || v === 'http') return { scheme: v };
  if (v === '') return { scheme: null };
  return { scheme: null, error: 'Vui lòng chọn giao thức trong danh sách.' };
}

/**
 * Replaces a site's hostnames, the first being its primary host, and its scheme (system admins
 * only), then reloads the resolver. Every absolute URL of its cached pages came from the old
 * origin, so the site's cache is purged.
 */
export async function saveSiteHosts(cx: SiteCommandContext, siteId: number, raw: string, rawScheme = ''): Promise<CommandResult> {
  if (!sitePolicy.manageSites(cx.actor)) throw new AppError('forbidden');
  const { db, actor, now } = cx;
  const { hosts, error } = parseHostnames(raw);
  const { scheme, error: schemeError } = parseScheme(rawScheme);
  if (error || schemeError) return fail({ ...(error ? { hosts: error } : {}), ...(schemeError ? { scheme: schemeError } : {}) });
  const result = await db.transaction().execute(async (tx): Promise<CommandResult> => {
    // tenancy: the sites table has no site_id: its id is the site (system admins edit any site).
    const site = await tx.selectFrom('sites').select(['id', 'primary_host', 'scheme']).where('id', '=', siteId).executeTakeFirst();
    if (!site) throw new AppError('not_found');
    const taken = await hostsTakenError(tx, hosts, siteId);
    if (taken) return fail({ hosts: taken });
    const before = (await tx.selectFrom('site_hosts').select('host').where('site_id', '=', siteId).orderBy('host').execute()).map((h) => h.host);
    await tx.deleteFrom('site_hosts').where('site_id', '=', siteId).execute();
    for (const host of hosts) await tx.insertInto('site_hosts').values({ host, site_id: siteId }).execute();
    await setPrimaryHost(tx, siteId, hosts[0]!, scheme);
    await writeAudit(
      tx,
      { siteId, userId: actor.userId, action: 'site.hosts', entityType: 'site', entityId: siteId, before: { hosts: before, primaryHost: site.primary_host, scheme: site.scheme }, after: { hosts, primaryHost: hosts[0], scheme } },
      now,
    );
    return { ok: true, value: siteId };
  });
  return afterSiteChange(cx, siteId, result);
}
