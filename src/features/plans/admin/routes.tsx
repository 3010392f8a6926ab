import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { commandContext as cx } from '../../../kernel/commands.js';
import type { PlanRow } from '../../../kernel/db/tables/plans.js';
import { actorOf, adminFrame, bodyField, bodyFields, sendAdmin } from '../../../kernel/http/admin-scope.js';
import { flash, redirectWithFlash, type FlashMessages } from '../../../kernel/http/flash.js';
import { perMinute } from '../../../kernel/http/limits.js';
import { Id, IdParams } from '../../../kernel/http/route-schemas.js';
import { AppError } from '../../../kernel/lib/errors.js';
import type { FieldErrors } from '../../../kernel/views/admin/forms.js';
import { documentUploadScope } from '../../documents/admin/upload.js';
import { attachPlanFile, removePlanFile } from '../commands/attach-file.js';
import { deletePlan } from '../commands/delete-plan.js';
import { savePlan } from '../commands/save-plan.js';
import { EMPTY_PLAN, type PlanForm } from '../input.js';
import { planPolicy } from '../policy.js';
import { findPlan, listPlanFiles, listPlans } from '../repo.js';
import { AdminPlanEdit, AdminPlanList, AdminPlanNew, PATH } from './views.js';

const NOTICES: FlashMessages = { 'da-tao': 'Đã thêm. Bạn có thể tải bản đồ và tài liệu lên.', 'da-luu': 'Đã lưu.', 'da-xoa': 'Đã xoá.', 'da-tai-tep': 'Đã tải tệp lên.', 'da-go-tep': 'Đã gỡ tệp.' };
const byId = { schema: { params: IdParams } };

function guard(request: FastifyRequest): void {
  if (!planPolicy.manage(actorOf(request), request.site.id)) throw new AppError('forbidden');
}

function formOf(request: FastifyRequest): PlanForm {
  const out = { ...EMPTY_PLAN } as Record<string, string>;
  for (const k of Object.keys(out)) out[k] = k === 'published' ? (bodyFields(request, k).includes('1') ? '1' : '0') : (bodyField(request, k) ?? '');
  return out as unknown as PlanForm;
}

const formFromRow = (p: PlanRow): PlanForm => ({
  kind: p.kind, title: p.title, decision: p.decision, approved_on: p.approved_on ?? '', period: p.period, summary: p.summary, geojson: p.geojson ?? '', published: String(p.published),
});

/** Back-office screens of Quy hoạch – Kế hoạch. */
export async function planAdminRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;

  async function edit(request: FastifyRequest, reply: FastifyReply, id: number, form: PlanForm | null, errors: FieldErrors, status = 200) {
    const plan = await findPlan(ctx.db, request.site.id, id, { drafts: true });
    if (!plan) throw new AppError('not_found');
    const files = await listPlanFiles(ctx.db, request.site.id, id);
    return sendAdmin(reply, <AdminPlanEdit frame={adminFrame(app, request, reply)} plan={plan} form={form ?? formFromRow(plan)} errors={errors} files={files} notice={status === 200 ? flash(request, NOTICES) : undefined} />, status);
  }

  app.get(PATH, async (request, reply) => {
    guard(request);
    return sendAdmin(reply, <AdminPlanList frame={adminFrame(app, request, reply)} rows={await listPlans(ctx.db, request.site.id, { drafts: true })} notice={flash(request, NOTICES)} />);
  });
  app.get(`${PATH}/moi`, async (request, reply) => {
    guard(request);
    return sendAdmin(reply, <AdminPlanNew frame={adminFrame(app, request, reply)} form={EMPTY_PLAN} errors={{}} />);
  });
  app.post(PATH, async (request, reply) => {
    guard(request);
    const form = formOf(request);
    const r = await savePlan(cx(request), null, form);
    if (!r.ok) return sendAdmin(reply, <AdminPlanNew frame={adminFrame(app, request, reply)} form={form} errors={r.errors} />, 422);
    return redirectWithFlash(reply, `${PATH}/${r.value}`, 'da-tao');
  });
  app.get(`${PATH}/:id`, byId, async (request, reply) => {
    guard(request);
    return edit(request, reply, Number(request.params.id), null, {});
  });
  app.post(`${PATH}/:id`, byId, async (request, reply) => {
    guard(request);
    const id = Number(request.params.id);
    const form = formOf(request);
    const r = await savePlan(cx(request), id, form);
    if (!r.ok) return edit(request, reply, id, form, r.errors, 422);
    return redirectWithFlash(reply, `${PATH}/${id}`, 'da-luu');
  });
  app.post(`${PATH}/:id/xoa`, byId, async (request, reply) => {
    guard(request);
    await deletePlan(cx(request), ctx.media, Number(request.params.id));
    return redirectWithFlash(reply, PATH, 'da-xoa');
  });
  await documentUploadScope(app, async (scope) => {
    const options = { onRequest: async (request: FastifyRequest) => guard(request), config: { rateLimit: perMinute(30) }, ...byId };
    scope.withTypeProvider<TypeBoxTypeProvider>().post(`${PATH}/:id/tep`, options, async (request, reply) => {
      const id = Number(request.params.id);
      const r = await attachPlanFile(cx(request), ctx.media, id, request.documentUpload);
      if (!r.ok) return edit(request, reply, id, null, r.errors, 422);
      return redirectWithFlash(reply, `${PATH}/${id}`, 'da-tai-tep');
    });
  });
  app.post(`${PATH}/:id/tep/:fileId/xoa`, { schema: { params: Type.Object({ id: Id, fileId: Id }) } }, async (request, reply) => {
    guard(request);
    const id = Number(request.params.id);
    await removePlanFile(cx(request), ctx.media, id, Number(request.params.fileId));
    return redirectWithFlash(reply, `${PATH}/${id}`, 'da-go-tep');
  });
}
