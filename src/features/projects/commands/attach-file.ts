import { writeAudit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/lib/errors.js';
import type { MediaStorage } from '../../../kernel/storage/media-storage.js';
import { MAX_FILE_BYTES, NO_FILE, NOT_ACCEPTED, sniffDisclosureFile, storedPath, TOO_LARGE } from '../../budget/files.js';
import type { UploadedFile } from '../../documents/commands/attach-file.js';
import { cleanFileName } from '../../documents/files.js';
import { removeFiles, writeFiles } from '../../media/storage.js';
import { assertProjectManager, purgeProjects, touchProject, type CommandContext, type CommandResult } from './context.js';

/**
 * Attaches a file to a project (noticeId null) or to one of its notices. The bytes decide the
 * type; the file is written first, then its row and audit row in one transaction; a failed
 * transaction removes the file again.
 */
export async function attachProjectFile(cx: CommandContext, media: MediaStorage, projectId: number, noticeId: number | null, file: UploadedFile | null): Promise<CommandResult> {
  assertProjectManager(cx);
  const { db, site, actor, now } = cx;
  const project = await db.selectFrom('projects').select('id').where('site_id', '=', site.id).where('id', '=', projectId).executeTakeFirst();
  if (!project) throw new AppError('not_found');
  if (noticeId !== null) {
    const notice = await db.selectFrom('project_notices').select('id').where('site_id', '=', site.id).where('project_id', '=', projectId).where('id', '=', noticeId).executeTakeFirst();
    if (!notice) throw new AppError('not_found');
  }
  if (!file || file.data.length === 0) return { ok: false, errors: { file: NO_FILE } };
  if (file.truncated || file.data.length > MAX_FILE_BYTES) return { ok: false, errors: { file: TOO_LARGE } };
  const type = sniffDisclosureFile(file.data);
  if (!type) return { ok: false, errors: { file: NOT_ACCEPTED } };

  const originalName = cleanFileName(file.name) || `tai-lieu.${type.ext}`;
  const path = storedPath(site.code, 'du-an', originalName, type.ext);
  await writeFiles(media, [{ path, data: file.data, contentType: type.mime }]);
  try {
    const id = await db.transaction().execute(async (tx) => {
      const row = { original_name: originalName, disk_path: path, mime: type.mime, ext: type.ext, size_bytes: file.data.length };
      const { id } = await tx.insertInto('project_files').values({ ...row, site_id: site.id, project_id: projectId, notice_id: noticeId, created_at: now.toISOString() }).returning('id').executeTakeFirstOrThrow();
      await touchProject(tx, cx, projectId);
      await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'project.file_add', entityType: 'project', entityId: projectId, after: { file_id: id, notice_id: noticeId, ...row } }, now);
      return id;
    });
    purgeProjects(cx);
    return { ok: true, value: id };
  } catch (err) {
    await removeFiles(media, [path]);
    throw err;
  }
}

/** Removes a file of a project or of its notices. */
export async function removeProjectFile(cx: CommandContext, media: MediaStorage, projectId: number, fileId: number): Promise<void> {
  assertProjectManager(cx);
  const { db, site, actor, now } = cx;
  const removed = await db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('project_files').selectAll().where('site_id', '=', site.id).where('project_id', '=', projectId).where('id', '=', fileId).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    await tx.deleteFrom('project_files').where('site_id', '=', site.id).where('id', '=', fileId).execute();
    await touchProject(tx, cx, projectId);
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'project.file_remove', entityType: 'project', entityId: projectId, before }, now);
    return before;
  });
  await removeFiles(media, [removed.disk_path]);
  purgeProjects(cx);
}
