import { writeAudit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { assertManager, purgeLibrary, type CommandContext, type CommandResult } from './context.js';

/**
 * Replaces the documents related to `id` with `relatedIds` (ids of the same site; others are an
 * error). Relations are kept in both directions, so each document lists the other.
 */
export async function setRelated(cx: CommandContext, id: number, relatedIds: number[]): Promise<CommandResult> {
  assertManager(cx);
  const { db, site, actor, now } = cx;
  const wanted = [...new Set(relatedIds)].filter((r) => r !== id);
  const result = await db.transaction().execute(async (tx): Promise<CommandResult> => {
    const doc = await tx.selectFrom('documents').select('id').where('site_id', '=', site.id).where('id', '=', id).executeTakeFirst();
    if (!doc) throw new AppError('not_found');
    if (wanted.length) {
      const found = await tx.selectFrom('documents').select('id').where('site_id', '=', site.id).where('id', 'in', wanted).execute();
      if (found.length !== wanted.length) return { ok: false, errors: { related: 'Văn bản liên quan đã chọn không có trong thư viện của trang.' } };
    }
    const before = (await tx.selectFrom('document_relations').select('related_id').where('site_id', '=', site.id).where('document_id', '=', id).execute()).map((r) => r.related_id);
    await tx.deleteFrom('document_relations').where('site_id', '=', site.id).where((eb) => eb.or([eb('document_id', '=', id), eb('related_id', '=', id)])).execute();
    if (wanted.length) {
      await tx
        .insertInto('document_relations')
        .values(wanted.flatMap((r) => [{ site_id: site.id, document_id: id, related_id: r }, { site_id: site.id, document_id: r, related_id: id }]))
        .execute();
    }
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'document.relations', entityType: 'document', entityId: id, before: { related: before.sort((a, b) => a - b) }, after: { related: wanted.sort((a, b) => a - b) } }, now);
    return { ok: true, value: id };
  });
  if (result.ok) purgeLibrary(cx);
  return result;
}
