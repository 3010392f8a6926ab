import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { deletePage } from '../commands/delete-page.js';
import { EMPTY_PAGE, savePage, type PageForm } from '../commands/save-page.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { findPageById, listPagesAdmin } from '../../sites/admin-repo.js';
import { adminFrame, sendAdmin } from '../../../kernel/http/admin-scope.js';
import type { FieldErrors } from '../../../kernel/views/admin/forms.js';
import { PageEditPage, PagesPage, PAGES_PATH as PATH } from './views.js';
import { commandContext, formOf, guardSiteAdmin, idParam, moveRoutes, noticeOf, redirect } from '../../sites/admin/shared.js';

const NOTICES: Record<string, string> = {
  'da-them': 'Đã thêm trang tĩnh.',
  'da-luu': 'Đã lưu trang tĩnh.',
  'da-xoa': 'Đã xoá trang tĩnh.',
  'da-sap-xep': 'Đã đổi thứ tự các trang tĩnh.',
};

/** Static pages (Giới thiệu, Liên hệ…): list, create, edit, order, delete. */
export async function pageRoutes(app: FastifyInstance): Promise<void> {
  const ctx = app.cong;
  const edit = (request: FastifyRequest, reply: FastifyReply, id: number | null, form: PageForm, errors: FieldErrors, status = 200) =>
    sendAdmin(reply, <PageEditPage frame={adminFrame(app, request, reply)} id={id} form={form} errors={errors} />, status);

  app.get(PATH, async (request, reply) => {
    guardSiteAdmin(request);
    const pages = await listPagesAdmin(ctx.db, request.site.id);
    return sendAdmin(reply, <PagesPage frame={adminFrame(app, request, reply)} pages={pages} notice={noticeOf(request, NOTICES)} />);
  });

  app.get(`${PATH}/moi`, async (request, reply) => {
    guardSiteAdmin(request);
    return edit(request, reply, null, EMPTY_PAGE, {});
  });

  app.post(`${PATH}/moi`, async (request, reply) => {
    guardSiteAdmin(request);
    const form = formOf(request, EMPTY_PAGE);
    const r = await savePage(commandContext(app, request), null, form);
    if (!r.ok) return edit(request, reply, null, form, r.errors, 422);
    return redirect(reply, PATH, 'da-them');
  });

  app.get(`${PATH}/:id`, async (request, reply) => {
    guardSiteAdmin(request);
    const page = await findPageById(ctx.db, request.site.id, idParam(request));
    if (!page) throw new AppError('not_found');
    return edit(request, reply, page.id, { title: page.title, slug: page.slug, body: page.body_html }, {});
  });

  app.post(`${PATH}/:id`, async (request, reply) => {
    guardSiteAdmin(request);
    const form = formOf(request, EMPTY_PAGE);
    const r = await savePage(commandContext(app, request), idParam(request), form);
    if (!r.ok) return edit(request, reply, idParam(request), form, r.errors, 422);
    return redirect(reply, PATH, 'da-luu');
  });

  app.post(`${PATH}/:id/xoa`, async (request, reply) => {
    guardSiteAdmin(request);
    await deletePage(commandContext(app, request), idParam(request));
    return redirect(reply, PATH, 'da-xoa');
  });

  moveRoutes(app, PATH, 'pages');
}
