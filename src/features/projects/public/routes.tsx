import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { cached } from '../../../kernel/http/cached.js';
import { frameFor, htmlPage, permanentRedirect } from '../../../kernel/http/render.js';
import { IdParams, SlugIdParams } from '../../../kernel/http/route-schemas.js';
import { sendStoredFile } from '../../../kernel/http/stored-file.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { splitSlugId } from '../../../kernel/lib/ids.js';
import { attachmentHeader, downloadName } from '../../documents/files.js';
import { findProject, findPublishedFile, listFiles, listNotices, listProjects, listRecentNotices } from '../repo.js';
import { PROJECTS_PATH, projectUrls } from '../urls.js';
import { ProjectListPage } from './list-page.js';
import { ProjectPage } from './project-page.js';

/** Public pages of Dự án – Đấu thầu – GPMB: the list, each project with its notices, the files. */
export async function projectRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;

  app.get(PROJECTS_PATH, cached(app, async (request) => {
    const site = request.site;
    const [projects, notices, frame] = await Promise.all([listProjects(ctx.db, site.id), listRecentNotices(ctx.db, site.id, 10), frameFor(ctx, request)]);
    return htmlPage(<ProjectListPage frame={frame} projects={projects} notices={notices} />, projects[0]?.updated_at);
  }));

  // Files of published projects only; downloaded, never shown inside our origin.
  app.get(`${PROJECTS_PATH}/tai-ve/:id`, { schema: { params: IdParams } }, async (request, reply) => {
    const file = await findPublishedFile(ctx.db, request.site.id, Number(request.params.id));
    if (!file) throw new AppError('not_found');
    reply.header('content-disposition', attachmentHeader(downloadName(file.original_name, file.ext))).header('x-content-type-options', 'nosniff');
    return sendStoredFile(request, reply, ctx.media, file.disk_path, { contentType: file.mime, cacheControl: 'public, max-age=300' });
  });

  app.get(`${PROJECTS_PATH}/:slugId`, cached(app, { params: SlugIdParams }, async (request) => {
    const { slug, id } = splitSlugId(request.params.slugId);
    const site = request.site;
    const project = await findProject(ctx.db, site.id, id);
    if (!project) throw new AppError('not_found');
    if (slug !== project.slug) return permanentRedirect(projectUrls.project(project));
    const [frame, notices, files] = await Promise.all([frameFor(ctx, request), listNotices(ctx.db, site.id, id), listFiles(ctx.db, site.id, id)]);
    return htmlPage(<ProjectPage frame={frame} project={project} notices={notices} files={files} />, project.updated_at);
  }));
}
