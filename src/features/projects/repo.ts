import type { Db } from '../../kernel/db/connection.js';
import type { ProjectFileRow, ProjectNoticeRow, ProjectRow } from '../../kernel/db/tables/projects.js';

/** Projects of a site, the latest changed first; published ones only unless asked. */
export function listProjects(db: Db, siteId: number, o: { drafts?: boolean } = {}): Promise<ProjectRow[]> {
  let q = db.selectFrom('projects').selectAll().where('site_id', '=', siteId);
  if (!o.drafts) q = q.where('published', '=', 1);
  return q.orderBy('updated_at', 'desc').orderBy('id', 'desc').execute();
}

export function findProject(db: Db, siteId: number, id: number, o: { drafts?: boolean } = {}): Promise<ProjectRow | undefined> {
  let q = db.selectFrom('projects').selectAll().where('site_id', '=', siteId).where('id', '=', id);
  if (!o.drafts) q = q.where('published', '=', 1);
  return q.executeTakeFirst();
}

/** Notices of one project, newest first. */
export function listNotices(db: Db, siteId: number, projectId: number): Promise<ProjectNoticeRow[]> {
  return db.selectFrom('project_notices').selectAll().where('site_id', '=', siteId).where('project_id', '=', projectId).orderBy('issued_on', 'desc').orderBy('id', 'desc').execute();
}

export type NoticeWithProject = ProjectNoticeRow & { project_name: string; project_slug: string };

/** The newest notices of the site's published projects (of one kind when given). */
export function listRecentNotices(db: Db, siteId: number, limit: number): Promise<NoticeWithProject[]> {
  return db
    .selectFrom('project_notices')
    .innerJoin('projects', 'projects.id', 'project_notices.project_id')
    .selectAll('project_notices')
    .select(['projects.name as project_name', 'projects.slug as project_slug'])
    .where('project_notices.site_id', '=', siteId)
    .where('projects.site_id', '=', siteId)
    .where('projects.published', '=', 1)
    .orderBy('project_notices.issued_on', 'desc')
    .orderBy('project_notices.id', 'desc')
    .limit(limit)
    .execute();
}

export function findNotice(db: Db, siteId: number, projectId: number, id: number): Promise<ProjectNoticeRow | undefined> {
  return db.selectFrom('project_notices').selectAll().where('site_id', '=', siteId).where('project_id', '=', projectId).where('id', '=', id).executeTakeFirst();
}

/** Files of a project and of its notices, oldest first. */
export function listFiles(db: Db, siteId: number, projectId: number): Promise<ProjectFileRow[]> {
  return db.selectFrom('project_files').selectAll().where('site_id', '=', siteId).where('project_id', '=', projectId).orderBy('id').execute();
}

/** A file of a published project. */
export function findPublishedFile(db: Db, siteId: number, id: number): Promise<ProjectFileRow | undefined> {
  return db
    .selectFrom('project_files')
    .innerJoin('projects', 'projects.id', 'project_files.project_id')
    .selectAll('project_files')
    .where('project_files.site_id', '=', siteId)
    .where('projects.site_id', '=', siteId)
    .where('projects.published', '=', 1)
    .where('project_files.id', '=', id)
    .executeTakeFirst();
}
