import { writeAudit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/lib/errors.js';
import type { MediaStorage } from '../../../kernel/storage/media-storage.js';
import type { UploadedFile } from '../../documents/commands/attach-file.js';
import { cleanFileName } from '../../documents/files.js';
import { removeFiles, writeFiles } from '../../media/storage.js';
import { MAX_FILE_BYTES, NO_FILE, NOT_ACCEPTED, sniffDisclosureFile, storedPath, TOO_LARGE } from '../files.js';
import { assertBudgetManager, purgeBudget, type CommandContext, type CommandResult } from './context.js';

/**
 * Attaches a PDF or spreadsheet to a report. The bytes decide the type. The file is written
 * first, then its row and audit row in one transaction; a failed transaction removes the file.
 */
export async function attachReportFile(cx: CommandContext, media: MediaStorage, reportId: number, file: UploadedFile | null): Promise<CommandResult> {
  assertBudgetManager(cx);
  const { db, site, actor, now } = cx;
  const report = await db.selectFrom('budget_reports').select('id').where('site_id', '=', site.id).where('id', '=', reportId).executeTakeFirst();
  if (!report) throw new AppError('not_found');
  if (!file || file.data.length === 0) return { ok: false, errors: { file: NO_FILE } };
  if (file.truncated || file.data.length > MAX_FILE_BYTES) return { ok: false, errors: { file: TOO_LARGE } };
  const type = sniffDisclosureFile(file.data);
  if (!type) return { ok: false, errors: { file: NOT_ACCEPTED } };

  const originalName = cleanFileName(file.name) || `bao-cao.${type.ext}`;
  const path = storedPath(site.code, 'ngan-sach', originalName, type.ext);
  await writeFiles(media, [{ path, data: file.data, contentType: type.mime }]);
  try {
    const id = await db.transaction().execute(async (tx) => {
      const row = { original_name: originalName, disk_path: path, mime: type.mime, ext: type.ext, size_bytes: file.data.length };
      const { id } = await tx.insertInto('budget_report_files').values({ ...row, site_id: site.id, report_id: reportId, created_at: now.toISOString() }).returning('id').executeTakeFirstOrThrow();
      await tx.updateTable('budget_reports').set({ updated_at: now.toISOString(), updated_by: actor.userId }).where('site_id', '=', site.id).where('id', '=', reportId).execute();
      await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'budget.file_add', entityType: 'budget_report', entityId: reportId, after: { file_id: id, ...row } }, now);
      return id;
    });
    purgeBudget(cx);
    return { ok: true, value: id };
  } catch (err) {
    await removeFiles(media, [path]);
    throw err;
  }
}

/** Removes an attached file: the row and its audit row, then the bytes. */
export async function removeReportFile(cx: CommandContext, media: MediaStorage, reportId: number, fileId: number): Promise<void> {
  assertBudgetManager(cx);
  const { db, site, actor, now } = cx;
  const removed = await db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('budget_report_files').selectAll().where('site_id', '=', site.id).where('report_id', '=', reportId).where('id', '=', fileId).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    await tx.deleteFrom('budget_report_files').where('site_id', '=', site.id).where('id', '=', fileId).execute();
    await tx.updateTable('budget_reports').set({ updated_at: now.toISOString(), updated_by: actor.userId }).where('site_id', '=', site.id).where('id', '=', reportId).execute();
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'budget.file_remove', entityType: 'budget_report', entityId: reportId, before }, now);
    return before;
  });
  await removeFiles(media, [removed.disk_path]);
  purgeBudget(cx);
}
