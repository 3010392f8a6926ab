import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { commandContext as cx } from '../../../kernel/commands.js';
import { flash, redirectWithFlash, type FlashMessages } from '../../../kernel/http/flash.js';
import { IdParams } from '../../../kernel/http/route-schemas.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { deleteProcedure } from '../commands/delete-procedure.js';
import { moveProcedure } from '../commands/move-procedure.js';
import { EMPTY_PROCEDURE, type ProcedureForm } from '../commands/procedure-input.js';
import { saveProcedure } from '../commands/save-procedure.js';
import { procedurePolicy } from '../policy.js';
import { findProcedure, listProcedures } from '../repo.js';
import { actorOf, adminFrame, bodyField, sendAdmin } from '../../../kernel/http/admin-scope.js';
import type { FieldErrors } from '../../../kernel/views/admin/forms.js';
import { PATH, ProcedureFormScreen, ProcedureListScreen } from './views.js';

const NOTICES: FlashMessages = {
  'da-them': 'Đã thêm thủ tục.',
  'da-luu': 'Đã lưu thủ tục.',
  'da-xoa': 'Đã xoá thủ tục.',
  'da-sap-xep': 'Đã đổi thứ tự thủ tục.',
};

function guard(request: FastifyRequest): void {
  if (!procedurePolicy.manage(actorOf(request), request.site.id)) throw new AppError('forbidden');
}

const byId = { schema: { params: IdParams } };

function formOf(request: FastifyRequest): ProcedureForm {
  const out = { ...EMPTY_PROCEDURE };
  for (const k of Object.keys(out) as (keyof ProcedureForm)[]) out[k] = bodyField(request, k) ?? '';
  return out;
}

/** Back-office screens of Thủ tục hành chính (administrative procedures). */
export async function procedureAdminRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;
  const formScreen = (request: FastifyRequest, reply: FastifyReply, action: string, heading: string, form: ProcedureForm, errors: FieldErrors, status = 200) =>
    sendAdmin(reply, <ProcedureFormScreen frame={adminFrame(app, request, reply)} action={action} heading={heading} form={form} errors={errors} />, status);
  const done = (reply: FastifyReply, notice: string) => redirectWithFlash(reply, PATH, notice);

  app.get(PATH, async (request, reply) => {
    guard(request);
    const rows = await listProcedures(ctx.db, request.site.id, { drafts: true });
    return sendAdmin(reply, <ProcedureListScreen frame={adminFrame(app, request, reply)} rows={rows} notice={flash(request, NOTICES)} />);
  });

  app.get(`${PATH}/moi`, async (request, reply) => {
    guard(request);
    return formScreen(request, reply, `${PATH}/moi`, 'Thêm thủ tục', EMPTY_PROCEDURE, {});
  });

  app.post(`${PATH}/moi`, async (request, reply) => {
    guard(request);
    const form = formOf(request);
    const r = await saveProcedure(cx(request), null, form);
    if (!r.ok) return formScreen(request, reply, `${PATH}/moi`, 'Thêm thủ tục', form, r.errors, 422);
    return done(reply, 'da-them');
  });

  app.get(`${PATH}/:id`, byId, async (request, reply) => {
    guard(request);
    const id = Number(request.params.id);
    const p = await findProcedure(ctx.db, request.site.id, id);
    if (!p) throw new AppError('not_found');
    const form: ProcedureForm = {
      title: p.title, code: p.code, field: p.field, level: p.level, duration: p.duration, fee: p.fee, dossier: p.dossier,
      method: p.method, portal_url: p.portal_url, online_level: p.online_level, published: p.published ? '1' : '',
    };
    return formScreen(request, reply, `${PATH}/${id}`, 'Sửa thủ tục', form, {});
  });

  app.post(`${PATH}/:id`, byId, async (request, reply) => {
    guard(request);
    const id = Number(request.params.id);
    if (!(await findProcedure(ctx.db, request.site.id, id))) throw new AppError('not_found');
    const form = formOf(request);
    const r = await saveProcedure(cx(request), id, form);
    if (!r.ok) return formScreen(request, reply, `${PATH}/${id}`, 'Sửa thủ tục', form, r.errors, 422);
    return done(reply, 'da-luu');
  });

  app.post(`${PATH}/:id/xoa`, byId, async (request, reply) => {
    guard(request);
    await deleteProcedure(cx(request), Number(request.params.id));
    return done(reply, 'da-xoa');
  });

  for (const [suffix, dir] of [['len', 'up'], ['xuong', 'down']] as const) {
    app.post(`${PATH}/:id/${suffix}`, byId, async (request, reply) => {
      guard(request);
      await moveProcedure(cx(request), Number(request.params.id), dir);
      return done(reply, 'da-sap-xep');
    });
  }
}
