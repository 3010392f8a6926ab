import { writeAudit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/lib/errors.js';
import type { MediaStorage } from '../../../kernel/storage/media-storage.js';
import { removeFiles } from '../../media/storage.js';
import { assertManager, purgeLibrary, type CommandContext } from './context.js';

/** Deletes a document with its files and relations (one transaction), then the files in the store. */
export async function deleteDocument(cx: CommandContext, media: MediaStorage, id: number): Promise<void> {
  assertManager(cx);
  const { db, site, actor, now } = cx;
  const paths = await db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('documents').selectAll().where('site_id', '=', site.id).where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    const files = await tx.selectFrom('document_files').selectAll().where('site_id', '=', site.id).where('document_id', '=', id).execute();
    await tx.deleteFrom('document_relations').where('site_id', '=', site.id).where((eb) => eb.or([eb('document_id', '=', id), eb('related_id', '=', id)])).execute();
    await tx.deleteFrom('document_files').where('site_id', '=', site.id).where('document_id', '=', id).execute();
    await tx.deleteFrom('documents').where('site_id', '=', site.id).where('id', '=', id).execute();
    const { search_fold: _f, ...shown } = before;
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'document.delete', entityType: 'document', entityId: id, before: { ...shown, files: files.map((f) => f.original_name) } }, now);
    return files.map((f) => f.disk_path);
  });
  await removeFiles(media, paths);
  purgeLibrary(cx);
}
