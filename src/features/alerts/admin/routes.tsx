import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { commandContext as cx } from '../../../kernel/commands.js';
import type { AlertRow } from '../../../kernel/db/tables/alerts.js';
import { actorOf, adminFrame, bodyField, bodyFields, sendAdmin } from '../../../kernel/http/admin-scope.js';
import { flash, redirectWithFlash, type FlashMessages } from '../../../kernel/http/flash.js';
import { IdParams } from '../../../kernel/http/route-schemas.js';
import { AppError } from '../../../kernel/lib/errors.js';
import type { FieldErrors } from '../../../kernel/views/admin/forms.js';
import { endAlert } from '../commands/end-alert.js';
import { saveAlert } from '../commands/save-alert.js';
import { sendToSites } from '../commands/send-to-sites.js';
import { EMPTY_ALERT, toLocalInput, type AlertForm } from '../input.js';
import { alertPolicy } from '../policy.js';
import { findAlert, listAlerts, siteChoices } from '../repo.js';
import { AlertFormScreen, AlertListScreen, BROADCAST_PATH, BroadcastScreen, PATH } from './views.js';

const NOTICES: FlashMessages = {
  'da-them': 'Đã lưu thông báo khẩn; nó hiện ở đầu mọi trang trong thời gian đã chọn.',
  'da-luu': 'Đã lưu thông báo khẩn.',
  'da-ket-thuc': 'Đã kết thúc thông báo khẩn; nó không còn hiện trên cổng.',
  'da-gui': 'Đã gửi thông báo khẩn cho các trang đã chọn.',
};

function guard(request: FastifyRequest): void {
  if (!alertPolicy.manage(actorOf(request), request.site.id)) throw new AppError('forbidden');
}

function guardBroadcast(request: FastifyRequest): void {
  if (!alertPolicy.broadcast(actorOf(request))) throw new AppError('forbidden');
}

function formOf(request: FastifyRequest): AlertForm {
  const out = { ...EMPTY_ALERT };
  for (const k of Object.keys(out) as (keyof AlertForm)[]) out[k] = bodyField(request, k) ?? '';
  return out;
}

function formFromRow(a: AlertRow): AlertForm {
  return { title: a.title, body: a.body, severity: a.severity, link: a.link, starts: toLocalInput(a.starts_at), ends: toLocalInput(a.ends_at) };
}

/** Back-office screens of Thông báo khẩn: a site's notices, and the system admins' send to many sites. */
export async function alertAdminRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;
  const byId = { schema: { params: IdParams } };
  const formScreen = (request: FastifyRequest, reply: FastifyReply, action: string, heading: string, form: AlertForm, errors: FieldErrors, status = 200) =>
    sendAdmin(reply, <AlertFormScreen frame={adminFrame(app, request, reply)} action={action} heading={heading} form={form} errors={errors} />, status);
  const broadcastScreen = async (request: FastifyRequest, reply: FastifyReply, form: AlertForm, errors: FieldErrors, chosen: string[], all: boolean, status = 200) =>
    sendAdmin(reply, <BroadcastScreen frame={adminFrame(app, request, reply)} form={form} errors={errors} sites={await siteChoices(ctx.db)} chosen={new Set(chosen)} all={all} />, status);

  app.get(PATH, async (request, reply) => {
    guard(request);
    const alerts = await listAlerts(ctx.db, request.site.id);
    return sendAdmin(reply, <AlertListScreen frame={adminFrame(app, request, reply)} alerts={alerts} now={ctx.now()} canBroadcast={alertPolicy.broadcast(actorOf(request))} notice={flash(request, NOTICES)} />);
  });

  app.get(`${PATH}/moi`, async (request, reply) => {
    guard(request);
    return formScreen(request, reply, `${PATH}/moi`, 'Thêm thông báo khẩn', { ...EMPTY_ALERT }, {});
  });

  app.post(`${PATH}/moi`, async (request, reply) => {
    guard(request);
    const form = formOf(request);
    const r = await saveAlert(cx(request), null, form);
    if (!r.ok) return formScreen(request, reply, `${PATH}/moi`, 'Thêm thông báo khẩn', form, r.errors, 422);
    return redirectWithFlash(reply, PATH, 'da-them');
  });

  app.get(BROADCAST_PATH, async (request, reply) => {
    guardBroadcast(request);
    return broadcastScreen(request, reply, { ...EMPTY_ALERT }, {}, [], false);
  });

  app.post(BROADCAST_PATH, async (request, reply) => {
    guardBroadcast(request);
    const form = formOf(request);
    const chosen = bodyFields(request, 'sites');
    const all = bodyField(request, 'all') === '1';
    const r = await sendToSites(cx(request), form, { all, siteIds: chosen });
    if (!r.ok) return broadcastScreen(request, reply, form, r.errors, chosen, all, 422);
    return redirectWithFlash(reply, PATH, 'da-gui');
  });

  app.get(`${PATH}/:id`, byId, async (request, reply) => {
    guard(request);
    const id = Number(request.params.id);
    const alert = await findAlert(ctx.db, request.site.id, id);
    if (!alert) throw new AppError('not_found');
    return formScreen(request, reply, `${PATH}/${id}`, 'Sửa thông báo khẩn', formFromRow(alert), {});
  });

  app.post(`${PATH}/:id`, byId, async (request, reply) => {
    guard(request);
    const id = Number(request.params.id);
    if (!(await findAlert(ctx.db, request.site.id, id))) throw new AppError('not_found');
    const form = formOf(request);
    const r = await saveAlert(cx(request), id, form);
    if (!r.ok) return formScreen(request, reply, `${PATH}/${id}`, 'Sửa thông báo khẩn', form, r.errors, 422);
    return redirectWithFlash(reply, PATH, 'da-luu');
  });

  app.post(`${PATH}/:id/ket-thuc`, byId, async (request, reply) => {
    guard(request);
    await endAlert(cx(request), Number(request.params.id));
    return redirectWithFlash(reply, PATH, 'da-ket-thuc');
  });
}
