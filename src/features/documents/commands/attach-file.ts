import { writeAudit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/lib/errors.js';
import type { MediaStorage } from '../../../kernel/storage/media-storage.js';
import { removeFiles, writeFiles } from '../../media/storage.js';
import { cleanFileName, MAX_FILE_BYTES, NO_FILE, NOT_A_DOCUMENT, sniffDocumentFile, storedPath, TOO_LARGE } from '../files.js';
import { assertManager, purgeLibrary, type CommandContext, type CommandResult } from './context.js';

export interface UploadedFile {
  name: string;
  data: Buffer;
  /** Cut off at the upload size limit. */
  truncated: boolean;
}

/**
 * Attaches a PDF, DOC or DOCX to a document. The bytes decide the type; anything else is refused
 * with a message and nothing is written. The file is written first, then the row and its audit
 * row in one transaction; a failed transaction removes the file again.
 */
export async function attachFile(cx: CommandContext, media: MediaStorage, documentId: number, file: UploadedFile | null): Promise<CommandResult> {
  assertManager(cx);
  const { db, site, actor, now } = cx;
  const doc = await db.selectFrom('documents').select(['id']).where('site_id', '=', site.id).where('id', '=', documentId).executeTakeFirst();
  if (!doc) throw new AppError('not_found');
  if (!file || file.data.length === 0) return { ok: false, errors: { file: NO_FILE } };
  if (file.truncated || file.data.length > MAX_FILE_BYTES) return { ok: false, errors: { file: TOO_LARGE } };
  const type = sniffDocumentFile(file.data);
  if (!type) return { ok: false, errors: { file: NOT_A_DOCUMENT } };

  const originalName = cleanFileName(file.name) || `van-ban.${type.ext}`;
  const path = storedPath(site.code, originalName, type.ext);
  await writeFiles(media, [{ path, data: file.data, contentType: type.mime }]);
  try {
    const id = await db.transaction().execute(async (tx) => {
      const row = { original_name: originalName, disk_path: path, mime: type.mime, ext: type.ext, size_bytes: file.data.length };
      const { id } = await tx.insertInto('document_files').values({ ...row, site_id: site.id, document_id: documentId, created_at: now.toISOString() }).returning('id').executeTakeFirstOrThrow();
      await tx.updateTable('documents').set({ updated_at: now.toISOString(), updated_by: actor.userId }).where('site_id', '=', site.id).where('id', '=', documentId).execute();
      await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'document.file_add', entityType: 'document', entityId: documentId, after: { file_id: id, ...row } }, now);
      return id;
    });
    purgeLibrary(cx);
    return { ok: true, value: id };
  } catch (err) {
    await removeFiles(media, [path]);
    throw err;
  }
}

/** Removes an attached file: the row and its audit row, then the bytes in the store. */
export async function removeFile(cx: CommandContext, media: MediaStorage, documentId: number, fileId: number): Promise<void> {
  assertManager(cx);
  const { db, site, actor, now } = cx;
  const removed = await db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('document_files').selectAll().where('site_id', '=', site.id).where('document_id', '=', documentId).where('id', '=', fileId).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    await tx.deleteFrom('document_files').where('site_id', '=', site.id).where('id', '=', fileId).execute();
    await tx.updateTable('documents').set({ updated_at: now.toISOString(), updated_by: actor.userId }).where('site_id', '=', site.id).where('id', '=', documentId).execute();
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'document.file_remove', entityType: 'document', entityId: documentId, before }, now);
    return before;
  });
  await removeFiles(media, [removed.disk_path]);
  purgeLibrary(cx);
}
