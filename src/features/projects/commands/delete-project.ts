import { writeAudit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/lib/errors.js';
import type { MediaStorage } from '../../../kernel/storage/media-storage.js';
import { removeFiles } from '../../media/storage.js';
import { assertProjectManager, purgeProjects, type CommandContext } from './context.js';

/** Deletes a project with its notices and files (one transaction with the audit row), then the bytes. */
export async function deleteProject(cx: CommandContext, media: MediaStorage, id: number): Promise<void> {
  assertProjectManager(cx);
  const { db, site, actor, now } = cx;
  const paths = await db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('projects').selectAll().where('site_id', '=', site.id).where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    const files = await tx.selectFrom('project_files').selectAll().where('site_id', '=', site.id).where('project_id', '=', id).execute();
    const notices = await tx.selectFrom('project_notices').select('title').where('site_id', '=', site.id).where('project_id', '=', id).execute();
    await tx.deleteFrom('project_files').where('site_id', '=', site.id).where('project_id', '=', id).execute();
    await tx.deleteFrom('project_notices').where('site_id', '=', site.id).where('project_id', '=', id).execute();
    await tx.deleteFrom('projects').where('site_id', '=', site.id).where('id', '=', id).execute();
    const audit = { ...before, notices: notices.map((n) => n.title), files: files.map((f) => f.original_name) };
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'project.delete', entityType: 'project', entityId: id, before: audit }, now);
    return files.map((f) => f.disk_path);
  });
  await removeFiles(media, paths);
  purgeProjects(cx);
}
