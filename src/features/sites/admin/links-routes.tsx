import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { LinkRow } from '../../../kernel/db/schema.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { findLink, listLinks } from '../widgets-repo.js';
import { deleteLink } from '../commands/delete-link.js';
import { EMPTY_LINK, saveLink, type LinkForm } from '../commands/save-link.js';
import { adminFrame, sendAdmin } from '../../../kernel/http/admin-scope.js';
import type { AdminFrame } from '../../../kernel/views/admin/layout.js';
import { Csrf, Field, type FieldErrors } from '../../../kernel/views/admin/forms.js';
import { BASE, formOf, guardSiteAdmin, moveRoutes, RowActions, SitePage } from './shared.js';
import { siteCommandContext } from '../commands/context.js';
import { flash, redirectWithFlash, type FlashMessages } from '../../../kernel/http/flash.js';
import { IdParams } from '../../../kernel/http/route-schemas.js';

const PATH = `${BASE}/lien-ket`;
const NOTICES: FlashMessages = {
  'da-them': 'Đã thêm liên kết.',
  'da-luu': 'Đã lưu liên kết.',
  'da-xoa': 'Đã xoá liên kết.',
  'da-sap-xep': 'Đã đổi thứ tự liên kết.',
};

function LinkFields({ form, errors }: { form: LinkForm; errors: FieldErrors }) {
  return (
    <>
      <Field name="title" label="Tên website" value={form.title} errors={errors} required maxLength={200} />
      <Field name="url" label="Địa chỉ" type="url" value={form.url} errors={errors} required hint="Bắt đầu bằng https:// hoặc http://, ví dụ https://hatinh.gov.vn" />
    </>
  );
}

function LinksPage({ frame, links, form, errors, notice }: { frame: AdminFrame; links: LinkRow[]; form: LinkForm; errors: FieldErrors; notice?: string }) {
  return (
    <SitePage frame={frame} title="Liên kết website" notice={notice} errors={errors}>
      <p class="muted">Tiêu đề ô liên kết đổi ở <a href={`${BASE}/cai-dat`}>Cài đặt trang</a>.</p>
      {links.length ? (
        <table class="data-table">
          <caption class="visually-hidden">Các website trong ô liên kết, theo thứ tự</caption>
          <thead><tr><th scope="col">Tên website</th><th scope="col">Địa chỉ</th><th scope="col">Thao tác</th></tr></thead>
          <tbody>
            {links.map((l, i) => (
              <tr>
                <th scope="row">{l.title}</th>
                <td>{l.url}</td>
                <RowActions path={PATH} id={l.id} name={l.title} csrf={frame.csrf} first={i === 0} last={i === links.length - 1} />
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="empty">Chưa có liên kết nào; ô liên kết không hiện trên trang.</p>
      )}
      <section class="status-panel" aria-labelledby="them-lien-ket">
        <h2 id="them-lien-ket">Thêm liên kết</h2>
        <form method="post" action={PATH} novalidate>
          <Csrf token={frame.csrf} />
          <LinkFields form={form} errors={errors} />
          <button type="submit" class="primary">Thêm liên kết</button>
        </form>
      </section>
    </SitePage>
  );
}

function LinkEditPage({ frame, id, form, errors }: { frame: AdminFrame; id: number; form: LinkForm; errors: FieldErrors }) {
  return (
    <SitePage frame={frame} title="Sửa liên kết" errors={errors}>
      <form method="post" action={`${PATH}/${id}`} novalidate>
        <Csrf token={frame.csrf} />
        <LinkFields form={form} errors={errors} />
        <div class="form-actions">
          <button type="submit" class="primary">Lưu liên kết</button>
          <a href={PATH}>Quay lại danh sách</a>
        </div>
      </form>
    </SitePage>
  );
}

/** The website-links drop-down: add, edit, order, delete. */
export async function linkRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;
  const list = async (request: FastifyRequest, reply: FastifyReply, form: LinkForm, errors: FieldErrors, status = 200) =>
    sendAdmin(reply, <LinksPage frame={adminFrame(app, request, reply)} links={await listLinks(ctx.db, request.site.id)} form={form} errors={errors} notice={status === 200 ? flash(request, NOTICES) : undefined} />, status);
  const edit = (request: FastifyRequest, reply: FastifyReply, id: number, form: LinkForm, errors: FieldErrors, status = 200) =>
    sendAdmin(reply, <LinkEditPage frame={adminFrame(app, request, reply)} id={id} form={form} errors={errors} />, status);

  app.get(PATH, async (request, reply) => {
    guardSiteAdmin(request);
    return list(request, reply, EMPTY_LINK, {});
  });

  app.post(PATH, async (request, reply) => {
    guardSiteAdmin(request);
    const form = formOf(request, EMPTY_LINK);
    const r = await saveLink(siteCommandContext(request), null, form);
    if (!r.ok) return list(request, reply, form, r.errors, 422);
    return redirectWithFlash(reply, PATH, 'da-them');
  });

  app.get(`${PATH}/:id`, { schema: { params: IdParams } }, async (request, reply) => {
    guardSiteAdmin(request);
    const id = Number(request.params.id);
    const link = await findLink(ctx.db, request.site.id, id);
    if (!link) throw new AppError('not_found');
    return edit(request, reply, id, { title: link.title, url: link.url }, {});
  });

  app.post(`${PATH}/:id`, { schema: { params: IdParams } }, async (request, reply) => {
    guardSiteAdmin(request);
    const id = Number(request.params.id);
    const form = formOf(request, EMPTY_LINK);
    const r = await saveLink(siteCommandContext(request), id, form);
    if (!r.ok) return edit(request, reply, id, form, r.errors, 422);
    return redirectWithFlash(reply, PATH, 'da-luu');
  });

  app.post(`${PATH}/:id/xoa`, { schema: { params: IdParams } }, async (request, reply) => {
    guardSiteAdmin(request);
    await deleteLink(siteCommandContext(request), Number(request.params.id));
    return redirectWithFlash(reply, PATH, 'da-xoa');
  });

  moveRoutes(app, PATH, 'links');
}
