import { writeAudit } from '../../../kernel/audit.js';
import type { CommandContext, CommandResult } from '../../../kernel/commands.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { DISCLOSURE_HUB } from '../../../kernel/views/public/widgets.js';
import { validateNotice, type NoticeForm } from '../notice-input.js';
import type { NoticeKind } from '../notice-kind.js';
import { assertDisclosureManager } from './guard.js';

/** The pages a notice shows on: its section's page and the hub (which counts them). */
export const noticePurge = (kind: NoticeKind) => [kind.publicPath, DISCLOSURE_HUB];

/** Adds a notice of a section (id null) or changes one; one transaction with its audit row. */
export async function saveNotice(cx: CommandContext, kind: NoticeKind, id: number | null, form: NoticeForm): Promise<CommandResult> {
  assertDisclosureManager(cx);
  const { db, site, actor, now } = cx;
  const checked = validateNotice(kind, form);
  if (!checked.ok) return checked;
  const values = checked.values;
  const stamp = now.toISOString();
  const savedId = await db.transaction().execute(async (tx) => {
    if (id === null) {
      const { id: newId } = await tx
        .insertInto('disclosure_notices')
        .values({ ...values, kind: kind.kind, site_id: site.id, created_at: stamp, updated_at: stamp })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: `${kind.audit}.create`, entityType: 'disclosure_notice', entityId: newId, after: values }, now);
      return newId;
    }
    const before = await tx.selectFrom('disclosure_notices').selectAll().where('site_id', '=', site.id).where('kind', '=', kind.kind).where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    await tx.updateTable('disclosure_notices').set({ ...values, updated_at: stamp }).where('site_id', '=', site.id).where('id', '=', id).execute();
    const { title, day, deadline, body, links } = before;
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: `${kind.audit}.update`, entityType: 'disclosure_notice', entityId: id, before: { title, day, deadline, body, links }, after: values }, now);
    return id;
  });
  cx.cache.purgePaths(site.id, noticePurge(kind));
  return { ok: true, value: savedId };
}
