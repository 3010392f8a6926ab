import { writeAudit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/lib/errors.js';
import type { MediaStorage } from '../../../kernel/storage/media-storage.js';
import { MAX_FILE_BYTES, NO_FILE, storedPath, TOO_LARGE } from '../../budget/files.js';
import type { UploadedFile } from '../../documents/commands/attach-file.js';
import { cleanFileName } from '../../documents/files.js';
import { removeFiles, writeFiles } from '../../media/storage.js';
import { NOT_ACCEPTED, sniffPlanFile } from '../files.js';
import { assertPlanManager, purgePlans, type CommandContext, type CommandResult } from './context.js';

/** Attaches a plan map or document; the bytes decide the type; file first, then row and audit, or the file is removed. */
export async function attachPlanFile(cx: CommandContext, media: MediaStorage, planId: number, file: UploadedFile | null): Promise<CommandResult> {
  assertPlanManager(cx);
  const { db, site, actor, now } = cx;
  const plan = await db.selectFrom('plans').select('id').where('site_id', '=', site.id).where('id', '=', planId).executeTakeFirst();
  if (!plan) throw new AppError('not_found');
  if (!file || file.data.length === 0) return { ok: false, errors: { file: NO_FILE.replace('(PDF', '(PNG, JPEG, PDF') } };
  if (file.truncated || file.data.length > MAX_FILE_BYTES) return { ok: false, errors: { file: TOO_LARGE } };
  const type = sniffPlanFile(file.data);
  if (!type) return { ok: false, errors: { file: NOT_ACCEPTED } };
  const originalName = cleanFileName(file.name) || `ban-do.${type.ext}`;
  const path = storedPath(site.code, 'quy-hoach', originalName, type.ext);
  await writeFiles(media, [{ path, data: file.data, contentType: type.mime }]);
  try {
    const id = await db.transaction().execute(async (tx) => {
      const row = { original_name: originalName, disk_path: path, mime: type.mime, ext: type.ext, size_bytes: file.data.length };
      const { id } = await tx.insertInto('plan_files').values({ ...row, site_id: site.id, plan_id: planId, created_at: now.toISOString() }).returning('id').executeTakeFirstOrThrow();
      await tx.updateTable('plans').set({ updated_at: now.toISOString(), updated_by: actor.userId }).where('site_id', '=', site.id).where('id', '=', planId).execute();
      await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'plan.file_add', entityType: 'plan', entityId: planId, after: { file_id: id, ...row } }, now);
      return id;
    });
    purgePlans(cx);
    return { ok: true, value: id };
  } catch (err) {
    await removeFiles(media, [path]);
    throw err;
  }
}

export async function removePlanFile(cx: CommandContext, media: MediaStorage, planId: number, fileId: number): Promise<void> {
  assertPlanManager(cx);
  const { db, site, actor, now } = cx;
  const removed = await db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('plan_files').selectAll().where('site_id', '=', site.id).where('plan_id', '=', planId).where('id', '=', fileId).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    await tx.deleteFrom('plan_files').where('site_id', '=', site.id).where('id', '=', fileId).execute();
    await tx.updateTable('plans').set({ updated_at: now.toISOString(), updated_by: actor.userId }).where('site_id', '=', site.id).where('id', '=', planId).execute();
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'plan.file_remove', entityType: 'plan', entityId: planId, before }, now);
    return before;
  });
  await removeFiles(media, [removed.disk_path]);
  purgePlans(cx);
}
