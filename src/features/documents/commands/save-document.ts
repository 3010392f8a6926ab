import { writeAudit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { checkDocumentForm, searchFoldOf, type DocumentForm } from '../input.js';
import { findByCode, listTypes } from '../repo.js';
import { assertManager, documentSlug, purgeLibrary, type CommandContext, type CommandResult } from './context.js';

export const DUPLICATE_NUMBER = (n: string) => `Số, ký hiệu ${n} đã có trong thư viện văn bản của trang.`;

/** Creates a document (id null) or edits one: checked, then one transaction with its audit row. */
export async function saveDocument(cx: CommandContext, id: number | null, form: DocumentForm): Promise<CommandResult> {
  assertManager(cx);
  const { db, site, actor, now } = cx;
  const types = await listTypes(db, site.id);
  const { values, errors } = checkDocumentForm(form, types.map((t) => t.id));
  if (!values) return { ok: false, errors };
  const typeName = types.find((t) => t.id === values.type_id)!.name;
  const row = { ...values, slug: documentSlug(typeName, values.number, values.title), search_fold: searchFoldOf(values, typeName) };
  const stamp = now.toISOString();

  const result = await db.transaction().execute(async (tx): Promise<CommandResult> => {
    const same = await findByCode(tx, site.id, values.number_code);
    if (same && same.id !== id) return { ok: false, errors: { number: DUPLICATE_NUMBER(same.number) } };
    if (id === null) {
      const { id: newId } = await tx
        .insertInto('documents')
        .values({ ...row, site_id: site.id, created_at: stamp, updated_at: stamp, created_by: actor.userId, updated_by: actor.userId })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'document.create', entityType: 'document', entityId: newId, after: values }, now);
      return { ok: true, value: newId };
    }
    const before = await tx.selectFrom('documents').selectAll().where('site_id', '=', site.id).where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    await tx.updateTable('documents').set({ ...row, updated_at: stamp, updated_by: actor.userId }).where('site_id', '=', site.id).where('id', '=', id).execute();
    const { search_fold: _f, slug: _s, created_at: _c, updated_at: _u, created_by: _cb, updated_by: _ub, ...shown } = before;
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'document.update', entityType: 'document', entityId: id, before: shown, after: values }, now);
    return { ok: true, value: id };
  });
  if (result.ok) purgeLibrary(cx);
  return result;
}
