import { writeAudit } from '../../../kernel/audit.js';
import type { CommandContext, CommandResult } from '../../../kernel/commands.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { validateAlert, type AlertForm } from '../input.js';
import { alertPolicy } from '../policy.js';
import { purgeFlags } from '../state.js';

export function assertAlertManager(cx: CommandContext): void {
  if (!alertPolicy.manage(cx.actor, cx.site.id)) throw new AppError('forbidden');
  // An archived site takes no new notices (issue 14); the back office refuses its writes too.
  if (cx.site.archivedAt) throw new AppError('archived_site');
}

/**
 * Writes a notice of the site (id null: a new one) with its audit row in one transaction, then
 * purges every page of the site: the notice is at the top of each of them.
 */
export async function saveAlert(cx: CommandContext, id: number | null, form: AlertForm): Promise<CommandResult> {
  assertAlertManager(cx);
  const { db, site, actor, now } = cx;
  const checked = validateAlert(form, now);
  if (!checked.ok) return checked;
  const values = checked.values;
  const stamp = now.toISOString();
  const flags = purgeFlags(values.starts_at, values.ends_at, now);
  const savedId = await db.transaction().execute(async (tx) => {
    if (id === null) {
      const { id: newId } = await tx
        .insertInto('alerts')
        .values({ ...values, ...flags, site_id: site.id, batch: null, created_by: actor.userId, created_at: stamp, updated_at: stamp })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'alert.create', entityType: 'alert', entityId: newId, after: values }, now);
      return newId;
    }
    const before = await tx.selectFrom('alerts').selectAll().where('site_id', '=', site.id).where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    await tx.updateTable('alerts').set({ ...values, ...flags, updated_at: stamp }).where('site_id', '=', site.id).where('id', '=', id).execute();
    const { title, body, severity, link, starts_at, ends_at } = before;
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'alert.update', entityType: 'alert', entityId: id, before: { title, body, severity, link, starts_at, ends_at }, after: values }, now);
    return id;
  });
  cx.cache.purgeSite(site.id);
  return { ok: true, value: savedId };
}
