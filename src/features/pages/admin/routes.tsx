import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { deletePage } from '../commands/delete-page.js';
import { EMPTY_PAGE, savePage, type PageForm } from '../commands/save-page.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { findPageById, listPagesAdmin } from '../../sites/admin-repo.js';
import { adminFrame, sendAdmin } from '../../../kernel/http/admin-scope.js';
import type { FieldErrors } from '../../../kernel/views/admin/forms.js';
import { PageEditPage, PagesPage, PAGES_PATH as PATH } from './views.js';
import { formOf, guardSiteAdmin, moveRoutes } from '../../sites/admin/shared.js';
import { commandContext } from '../../../kernel/commands.js';
import { flash, redirectWithFlash, type FlashMessages } from '../../../kernel/http/flash.js';
import { IdParams } from '../../../kernel/http/route-schemas.js';

const NOTICES: FlashMessages = {
  'da-them': 'Đã thêm trang tĩnh.',
  'da-luu': 'Đã lưu trang tĩnh.',
  'da-xoa': 'Đã xoá trang tĩnh.',
  'da-sap-xep': 'Đã đổi thứ tự các trang tĩnh.',
};

/** Static pages (Giới thiệu, Liên hệ…): list, create, edit, order, delete. */
export async function pageRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;
  const edit = (request: FastifyRequest, reply: FastifyReply, id: number | null, form: PageForm, errors: FieldErrors, status = 200) =>
    sendAdmin(reply, <PageEditPage frame={adminFrame(app, request, reply)} id={id} form={form} errors={errors} />, status);

  app.get(PATH, async (request, reply) => {
    guardSiteAdmin(request);
    const pages = await listPagesAdmin(ctx.db, request.site.id);
    return sendAdmin(reply, <PagesPage frame={adminFrame(app, request, reply)} pages={pages} notice={flash(request, NOTICES)} />);
  });

  app.get(`${PATH}/moi`, async (request, reply) => {
    guardSiteAdmin(request);
    return edit(request, reply, null, EMPTY_PAGE, {});
  });

  app.post(`${PATH}/moi`, async (request, reply) => {
    guardSiteAdmin(request);
    const form = formOf(request, EMPTY_PAGE);
    const r = await savePage(commandContext(request), null, form);
    if (!r.ok) return edit(request, reply, null, form, r.errors, 422);
    return redirectWithFlash(reply, PATH, 'da-them');
  });

  app.get(`${PATH}/:id`, { schema: { params: IdParams } }, async (request, reply) => {
    guardSiteAdmin(request);
    const page = await findPageById(ctx.db, request.site.id, Number(request.params.id));
    if (!page) throw new AppError('not_found');
    return edit(request, reply, page.id, { title: page.title, slug: page.slug, body: page.body_html }, {});
  });

  app.post(`${PATH}/:id`, { schema: { params: IdParams } }, async (request, reply) => {
    guardSiteAdmin(request);
    const form = formOf(request, EMPTY_PAGE);
    const id = Number(request.params.id);
    const r = await savePage(commandContext(request), id, form);
    if (!r.ok) return edit(request, reply, id, form, r.errors, 422);
    return redirectWithFlash(reply, PATH, 'da-luu');
  });

  app.post(`${PATH}/:id/xoa`, { schema: { params: IdParams } }, async (request, reply) => {
    guardSiteAdmin(request);
    await deletePage(commandContext(request), Number(request.params.id));
    return redirectWithFlash(reply, PATH, 'da-xoa');
  });

  moveRoutes(app, PATH, 'pages');
}
