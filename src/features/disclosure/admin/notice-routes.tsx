import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { commandContext as cx } from '../../../kernel/commands.js';
import { adminFrame, bodyField, sendAdmin } from '../../../kernel/http/admin-scope.js';
import { flash, redirectWithFlash } from '../../../kernel/http/flash.js';
import { IdParams } from '../../../kernel/http/route-schemas.js';
import { AppError } from '../../../kernel/lib/errors.js';
import type { FieldErrors } from '../../../kernel/views/admin/forms.js';
import { deleteNotice } from '../commands/delete-notice.js';
import { saveNotice } from '../commands/save-notice.js';
import { EMPTY_NOTICE, type NoticeForm } from '../notice-input.js';
import type { NoticeKind } from '../notice-kind.js';
import { listMedia } from '../../media/repo.js';
import { findNotice, listNotices } from '../notice-repo.js';
import { DISCLOSURE_FLASH } from './messages.js';
import { NoticeFormScreen, NoticeListScreen } from './notice-screens.js';
import { guardDisclosure } from './settings-routes.js';

/**
 * List, add, edit and delete of one section's notices. `listPath` is where the editor returns
 * (the section's settings screen when the notices are listed under it).
 */
export function noticeRoutes(root: FastifyInstance, kind: NoticeKind, opts: { list?: boolean; back?: string } = {}): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;
  const back = opts.back ?? kind.adminPath;
  const byId = { schema: { params: IdParams } };
  const formOf = (request: FastifyRequest): NoticeForm => {
    const out = { ...EMPTY_NOTICE };
    for (const k of Object.keys(out) as (keyof NoticeForm)[]) out[k] = bodyField(request, k) ?? '';
    return out;
  };
  const screen = async (request: FastifyRequest, reply: FastifyReply, action: string, form: NoticeForm, errors: FieldErrors, status = 200) => {
    // The newest documents of the file library, as lines ready to copy into the files field.
    const recent = await listMedia(ctx.db, request.site.id, { kind: 'document', limit: 8 });
    return sendAdmin(reply, <NoticeFormScreen frame={adminFrame(app, request, reply)} kind={kind} action={action} back={back} form={form} errors={errors} recent={recent} />, status);
  };

  if (opts.list !== false) {
    app.get(kind.adminPath, async (request, reply) => {
      guardDisclosure(request);
      const notices = await listNotices(ctx.db, request.site.id, kind.kind);
      return sendAdmin(reply, <NoticeListScreen frame={adminFrame(app, request, reply)} kind={kind} notices={notices} notice={flash(request, DISCLOSURE_FLASH)} />);
    });
  }

  app.get(`${kind.adminPath}/moi`, async (request, reply) => {
    guardDisclosure(request);
    return screen(request, reply, `${kind.adminPath}/moi`, { ...EMPTY_NOTICE }, {});
  });

  app.post(`${kind.adminPath}/moi`, async (request, reply) => {
    guardDisclosure(request);
    const form = formOf(request);
    const r = await saveNotice(cx(request), kind, null, form);
    if (!r.ok) return screen(request, reply, `${kind.adminPath}/moi`, form, r.errors, 422);
    return redirectWithFlash(reply, back, 'da-them');
  });

  app.get(`${kind.adminPath}/:id`, byId, async (request, reply) => {
    guardDisclosure(request);
    const n = await findNotice(ctx.db, request.site.id, kind.kind, Number(request.params.id));
    if (!n) throw new AppError('not_found');
    return screen(request, reply, `${kind.adminPath}/${n.id}`, { title: n.title, day: n.day, deadline: n.deadline, body: n.body, links: n.links }, {});
  });

  app.post(`${kind.adminPath}/:id`, byId, async (request, reply) => {
    guardDisclosure(request);
    const id = Number(request.params.id);
    if (!(await findNotice(ctx.db, request.site.id, kind.kind, id))) throw new AppError('not_found');
    const form = formOf(request);
    const r = await saveNotice(cx(request), kind, id, form);
    if (!r.ok) return screen(request, reply, `${kind.adminPath}/${id}`, form, r.errors, 422);
    return redirectWithFlash(reply, back, 'da-luu');
  });

  app.post(`${kind.adminPath}/:id/xoa`, byId, async (request, reply) => {
    guardDisclosure(request);
    await deleteNotice(cx(request), kind, Number(request.params.id));
    return redirectWithFlash(reply, back, 'da-xoa');
  });
}
