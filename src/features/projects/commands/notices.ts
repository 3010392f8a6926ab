import { writeAudit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/lib/errors.js';
import type { MediaStorage } from '../../../kernel/storage/media-storage.js';
import { removeFiles } from '../../media/storage.js';
import { checkNoticeForm, type NoticeForm } from '../input.js';
import { assertProjectManager, purgeProjects, touchProject, type CommandContext, type CommandResult } from './context.js';

/** Adds a notice to a project (noticeId null) or edits one; one transaction with its audit row. */
export async function saveNotice(cx: CommandContext, projectId: number, noticeId: number | null, form: NoticeForm): Promise<CommandResult> {
  assertProjectManager(cx);
  const { db, site, actor, now } = cx;
  const project = await db.selectFrom('projects').select('id').where('site_id', '=', site.id).where('id', '=', projectId).executeTakeFirst();
  if (!project) throw new AppError('not_found');
  const { values, errors } = checkNoticeForm(form);
  if (!values) return { ok: false, errors };
  const stamp = now.toISOString();
  const id = await db.transaction().execute(async (tx) => {
    let id = noticeId;
    if (id === null) {
      ({ id } = await tx.insertInto('project_notices').values({ ...values, site_id: site.id, project_id: projectId, created_at: stamp, updated_at: stamp }).returning('id').executeTakeFirstOrThrow());
      await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'project.notice_create', entityType: 'project', entityId: projectId, after: { notice_id: id, ...values } }, now);
    } else {
      const before = await tx.selectFrom('project_notices').selectAll().where('site_id', '=', site.id).where('project_id', '=', projectId).where('id', '=', id).executeTakeFirst();
      if (!before) throw new AppError('not_found');
      await tx.updateTable('project_notices').set({ ...values, updated_at: stamp }).where('site_id', '=', site.id).where('id', '=', id).execute();
      await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'project.notice_update', entityType: 'project', entityId: projectId, before, after: { notice_id: id, ...values } }, now);
    }
    await touchProject(tx, cx, projectId);
    return id;
  });
  purgeProjects(cx);
  return { ok: true, value: id };
}

/** Deletes a notice with its files, then the bytes. */
export async function deleteNotice(cx: CommandContext, media: MediaStorage, projectId: number, noticeId: number): Promise<void> {
  assertProjectManager(cx);
  const { db, site, actor, now } = cx;
  const paths = await db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('project_notices').selectAll().where('site_id', '=', site.id).where('project_id', '=', projectId).where('id', '=', noticeId).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    const files = await tx.selectFrom('project_files').selectAll().where('site_id', '=', site.id).where('notice_id', '=', noticeId).execute();
    await tx.deleteFrom('project_files').where('site_id', '=', site.id).where('notice_id', '=', noticeId).execute();
    await tx.deleteFrom('project_notices').where('site_id', '=', site.id).where('id', '=', noticeId).execute();
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'project.notice_delete', entityType: 'project', entityId: projectId, before: { ...before, files: files.map((f) => f.original_name) } }, now);
    await touchProject(tx, cx, projectId);
    return files.map((f) => f.disk_path);
  });
  await removeFiles(media, paths);
  purgeProjects(cx);
}
