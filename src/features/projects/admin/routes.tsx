import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { commandContext as cx } from '../../../kernel/commands.js';
import type { ProjectNoticeRow, ProjectRow } from '../../../kernel/db/tables/projects.js';
import { actorOf, adminFrame, bodyField, bodyFields, sendAdmin } from '../../../kernel/http/admin-scope.js';
import { flash, redirectWithFlash, type FlashMessages } from '../../../kernel/http/flash.js';
import { perMinute } from '../../../kernel/http/limits.js';
import { Id, IdParams } from '../../../kernel/http/route-schemas.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { formatNumber } from '../../../kernel/lib/format.js';
import type { FieldErrors } from '../../../kernel/views/admin/forms.js';
import { documentUploadScope } from '../../documents/admin/upload.js';
import { attachProjectFile, removeProjectFile } from '../commands/attach-file.js';
import { deleteProject } from '../commands/delete-project.js';
import { deleteNotice, saveNotice } from '../commands/notices.js';
import { saveProject } from '../commands/save-project.js';
import { EMPTY_NOTICE, EMPTY_PROJECT, type NoticeForm, type ProjectForm } from '../input.js';
import { projectPolicy } from '../policy.js';
import { findNotice, findProject, listFiles, listNotices, listProjects } from '../repo.js';
import { AdminNoticeEdit, AdminProjectDelete, AdminProjectEdit, AdminProjectList, AdminProjectNew, PATH } from './views.js';

const NOTICES: FlashMessages = {
  'da-tao': 'Đã thêm dự án. Bạn có thể tải hồ sơ lên và thêm thông báo.',
  'da-luu': 'Đã lưu dự án.',
  'da-xoa': 'Đã xoá dự án.',
  'da-tai-tep': 'Đã tải tệp lên.',
  'da-go-tep': 'Đã gỡ tệp.',
  'da-them-thong-bao': 'Đã thêm thông báo. Bạn có thể tải tệp của thông báo lên.',
  'da-luu-thong-bao': 'Đã lưu thông báo.',
  'da-xoa-thong-bao': 'Đã xoá thông báo.',
};
const byId = { schema: { params: IdParams } };
const NoticeParams = Type.Object({ id: Id, noticeId: Id });

function guard(request: FastifyRequest): void {
  if (!projectPolicy.manage(actorOf(request), request.site.id)) throw new AppError('forbidden');
}

function formOf<T extends object>(request: FastifyRequest, empty: T): T {
  const out = { ...empty } as Record<string, string>;
  for (const k of Object.keys(out)) out[k] = k === 'published' ? (bodyFields(request, k).includes('1') ? '1' : '0') : (bodyField(request, k) ?? '');
  return out as T;
}

const projectForm = (p: ProjectRow): ProjectForm => ({
  name: p.name, investor: p.investor, capital: p.capital_vnd === null ? '' : formatNumber(p.capital_vnd), capital_source: p.capital_source, location: p.location,
  start_on: p.start_on ?? '', finish_on: p.finish_on ?? '', progress: String(p.progress), status: p.status, summary: p.summary, published: String(p.published),
});
const noticeForm = (n: ProjectNoticeRow): NoticeForm => ({ kind: n.kind, title: n.title, issued_on: n.issued_on, deadline_on: n.deadline_on ?? '', body: n.body });

/** Back-office screens of Dự án – Đấu thầu – GPMB: projects, their notices and files. */
export async function projectAdminRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;

  async function edit(request: FastifyRequest, reply: FastifyReply, id: number, o: { form?: ProjectForm; notice?: NoticeForm; errors?: FieldErrors; status?: number } = {}) {
    const project = await findProject(ctx.db, request.site.id, id, { drafts: true });
    if (!project) throw new AppError('not_found');
    const [files, notices] = await Promise.all([listFiles(ctx.db, request.site.id, id), listNotices(ctx.db, request.site.id, id)]);
    const status = o.status ?? 200;
    return sendAdmin(reply, (
      <AdminProjectEdit
        frame={adminFrame(app, request, reply)} project={project} form={o.form ?? projectForm(project)} errors={o.errors ?? {}} files={files} notices={notices}
        noticeForm={o.notice ?? EMPTY_NOTICE} notice={status === 200 ? flash(request, NOTICES) : undefined}
      />
    ), status);
  }

  async function editNotice(request: FastifyRequest, reply: FastifyReply, id: number, noticeId: number, o: { form?: NoticeForm; errors?: FieldErrors; status?: number } = {}) {
    const project = await findProject(ctx.db, request.site.id, id, { drafts: true });
    const row = project && (await findNotice(ctx.db, request.site.id, id, noticeId));
    if (!project || !row) throw new AppError('not_found');
    const files = (await listFiles(ctx.db, request.site.id, id)).filter((f) => f.notice_id === noticeId);
    const status = o.status ?? 200;
    return sendAdmin(reply, (
      <AdminNoticeEdit frame={adminFrame(app, request, reply)} project={project} row={row} form={o.form ?? noticeForm(row)} errors={o.errors ?? {}} files={files} notice={status === 200 ? flash(request, NOTICES) : undefined} />
    ), status);
  }

  app.get(PATH, async (request, reply) => {
    guard(request);
    return sendAdmin(reply, <AdminProjectList frame={adminFrame(app, request, reply)} rows={await listProjects(ctx.db, request.site.id, { drafts: true })} notice={flash(request, NOTICES)} />);
  });

  app.get(`${PATH}/moi`, async (request, reply) => {
    guard(request);
    return sendAdmin(reply, <AdminProjectNew frame={adminFrame(app, request, reply)} form={EMPTY_PROJECT} errors={{}} />);
  });

  app.post(PATH, async (request, reply) => {
    guard(request);
    const form = formOf(request, EMPTY_PROJECT);
    const r = await saveProject(cx(request), null, form);
    if (!r.ok) return sendAdmin(reply, <AdminProjectNew frame={adminFrame(app, request, reply)} form={form} errors={r.errors} />, 422);
    return redirectWithFlash(reply, `${PATH}/${r.value}`, 'da-tao');
  });

  app.get(`${PATH}/:id`, byId, async (request, reply) => {
    guard(request);
    return edit(request, reply, Number(request.params.id));
  });

  app.post(`${PATH}/:id`, byId, async (request, reply) => {
    guard(request);
    const id = Number(request.params.id);
    const form = formOf(request, EMPTY_PROJECT);
    const r = await saveProject(cx(request), id, form);
    if (!r.ok) return edit(request, reply, id, { form, errors: r.errors, status: 422 });
    return redirectWithFlash(reply, `${PATH}/${id}`, 'da-luu');
  });

  app.get(`${PATH}/:id/xoa`, byId, async (request, reply) => {
    guard(request);
    const id = Number(request.params.id);
    const project = await findProject(ctx.db, request.site.id, id, { drafts: true });
    if (!project) throw new AppError('not_found');
    const [notices, files] = await Promise.all([listNotices(ctx.db, request.site.id, id), listFiles(ctx.db, request.site.id, id)]);
    return sendAdmin(reply, <AdminProjectDelete frame={adminFrame(app, request, reply)} project={project} notices={notices.length} files={files.length} />);
  });

  app.post(`${PATH}/:id/xoa`, byId, async (request, reply) => {
    guard(request);
    await deleteProject(cx(request), ctx.media, Number(request.params.id));
    return redirectWithFlash(reply, PATH, 'da-xoa');
  });

  app.post(`${PATH}/:id/thong-bao`, byId, async (request, reply) => {
    guard(request);
    const id = Number(request.params.id);
    const form = formOf(request, EMPTY_NOTICE);
    const r = await saveNotice(cx(request), id, null, form);
    if (!r.ok) return edit(request, reply, id, { notice: form, errors: r.errors, status: 422 });
    return redirectWithFlash(reply, `${PATH}/${id}/thong-bao/${r.value}`, 'da-them-thong-bao');
  });

  app.get(`${PATH}/:id/thong-bao/:noticeId`, { schema: { params: NoticeParams } }, async (request, reply) => {
    guard(request);
    return editNotice(request, reply, Number(request.params.id), Number(request.params.noticeId));
  });

  app.post(`${PATH}/:id/thong-bao/:noticeId`, { schema: { params: NoticeParams } }, async (request, reply) => {
    guard(request);
    const [id, noticeId] = [Number(request.params.id), Number(request.params.noticeId)];
    const form = formOf(request, EMPTY_NOTICE);
    const r = await saveNotice(cx(request), id, noticeId, form);
    if (!r.ok) return editNotice(request, reply, id, noticeId, { form, errors: r.errors, status: 422 });
    return redirectWithFlash(reply, `${PATH}/${id}/thong-bao/${noticeId}`, 'da-luu-thong-bao');
  });

  app.post(`${PATH}/:id/thong-bao/:noticeId/xoa`, { schema: { params: NoticeParams } }, async (request, reply) => {
    guard(request);
    const id = Number(request.params.id);
    await deleteNotice(cx(request), ctx.media, id, Number(request.params.noticeId));
    return redirectWithFlash(reply, `${PATH}/${id}`, 'da-xoa-thong-bao');
  });

  // One-file uploads, read only after the CSRF token (the document library's scope).
  await documentUploadScope(app, async (scope) => {
    const s = scope.withTypeProvider<TypeBoxTypeProvider>();
    const onRequest = async (request: FastifyRequest) => guard(request);
    s.post(`${PATH}/:id/tep`, { onRequest, config: { rateLimit: perMinute(30) }, ...byId }, async (request, reply) => {
      const id = Number(request.params.id);
      const r = await attachProjectFile(cx(request), ctx.media, id, null, request.documentUpload);
      if (!r.ok) return edit(request, reply, id, { errors: r.errors, status: 422 });
      return redirectWithFlash(reply, `${PATH}/${id}`, 'da-tai-tep');
    });
    s.post(`${PATH}/:id/thong-bao/:noticeId/tep`, { onRequest, config: { rateLimit: perMinute(30) }, schema: { params: NoticeParams } }, async (request, reply) => {
      const [id, noticeId] = [Number(request.params.id), Number(request.params.noticeId)];
      const r = await attachProjectFile(cx(request), ctx.media, id, noticeId, request.documentUpload);
      if (!r.ok) return editNotice(request, reply, id, noticeId, { errors: r.errors, status: 422 });
      return redirectWithFlash(reply, `${PATH}/${id}/thong-bao/${noticeId}`, 'da-tai-tep');
    });
  });

  app.post(`${PATH}/:id/tep/:fileId/xoa`, { schema: { params: Type.Object({ id: Id, fileId: Id }) } }, async (request, reply) => {
    guard(request);
    const id = Number(request.params.id);
    await removeProjectFile(cx(request), ctx.media, id, Number(request.params.fileId));
    return redirectWithFlash(reply, `${PATH}/${id}`, 'da-go-tep');
  });
}
