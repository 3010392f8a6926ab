import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { commandContext as cx } from '../../../kernel/commands.js';
import type { BudgetReportRow } from '../../../kernel/db/tables/budget.js';
import { actorOf, adminFrame, bodyField, bodyFields, sendAdmin } from '../../../kernel/http/admin-scope.js';
import { flash, redirectWithFlash, type FlashMessages } from '../../../kernel/http/flash.js';
import { perMinute } from '../../../kernel/http/limits.js';
import { Id, IdParams } from '../../../kernel/http/route-schemas.js';
import { AppError } from '../../../kernel/lib/errors.js';
import type { FieldErrors } from '../../../kernel/views/admin/forms.js';
import { documentUploadScope } from '../../documents/admin/upload.js';
import { attachReportFile, removeReportFile } from '../commands/attach-file.js';
import { deleteReport } from '../commands/delete-report.js';
import { saveReport } from '../commands/save-report.js';
import { EMPTY_REPORT, type ReportForm } from '../input.js';
import { slotOf } from '../legal-forms.js';
import { budgetPolicy } from '../policy.js';
import { findReport, listFiles, listReports } from '../repo.js';
import { AdminReportDelete, AdminReportEdit, AdminReportList, AdminReportNew, PATH } from './views.js';

const NOTICES: FlashMessages = {
  'da-tao': 'Đã thêm báo cáo. Hãy tải tệp báo cáo (PDF hoặc Excel) lên.',
  'da-luu': 'Đã lưu báo cáo.',
  'da-xoa': 'Đã xoá báo cáo.',
  'da-tai-tep': 'Đã tải tệp lên.',
  'da-go-tep': 'Đã gỡ tệp.',
};
const byId = { schema: { params: IdParams } };

function guard(request: FastifyRequest): void {
  if (!budgetPolicy.manage(actorOf(request), request.site.id)) throw new AppError('forbidden');
}

function formOf(request: FastifyRequest): ReportForm {
  const out = { ...EMPTY_REPORT } as Record<string, string>;
  for (const k of Object.keys(out)) out[k] = k === 'published' ? (bodyFields(request, k).includes('1') ? '1' : '0') : (bodyField(request, k) ?? '');
  return out as unknown as ReportForm;
}

function formFromRow(r: BudgetReportRow): ReportForm {
  return {
    fiscal_year: String(r.fiscal_year), slot: slotOf(r.kind, r.period)?.key ?? '', form_name: r.form_name, title: r.title,
    basis_on: r.basis_on ?? '', published_on: r.published_on, note: r.note, published: String(r.published),
  };
}

/** Back-office screens of Công khai ngân sách: list, create, edit, files, delete. */
export async function budgetAdminRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;

  async function edit(request: FastifyRequest, reply: FastifyReply, id: number, form: ReportForm | null, errors: FieldErrors, status = 200) {
    const report = await findReport(ctx.db, request.site.id, id, { drafts: true });
    if (!report) throw new AppError('not_found');
    const files = await listFiles(ctx.db, request.site.id, [id]);
    const notice = status === 200 ? flash(request, NOTICES) : undefined;
    return sendAdmin(reply, <AdminReportEdit frame={adminFrame(app, request, reply)} report={report} form={form ?? formFromRow(report)} errors={errors} files={files} notice={notice} />, status);
  }

  app.get(PATH, async (request, reply) => {
    guard(request);
    const rows = await listReports(ctx.db, request.site.id, { drafts: true });
    const files = await listFiles(ctx.db, request.site.id, rows.map((r) => r.id));
    const fileCounts = new Map<number, number>();
    for (const f of files) fileCounts.set(f.report_id, (fileCounts.get(f.report_id) ?? 0) + 1);
    return sendAdmin(reply, <AdminReportList frame={adminFrame(app, request, reply)} rows={rows} fileCounts={fileCounts} notice={flash(request, NOTICES)} />);
  });

  app.get(`${PATH}/moi`, async (request, reply) => {
    guard(request);
    return sendAdmin(reply, <AdminReportNew frame={adminFrame(app, request, reply)} form={EMPTY_REPORT} errors={{}} />);
  });

  app.post(PATH, async (request, reply) => {
    guard(request);
    const form = formOf(request);
    const r = await saveReport(cx(request), null, form);
    if (!r.ok) return sendAdmin(reply, <AdminReportNew frame={adminFrame(app, request, reply)} form={form} errors={r.errors} />, 422);
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
    const r = await saveReport(cx(request), id, form);
    if (!r.ok) return edit(request, reply, id, form, r.errors, 422);
    return redirectWithFlash(reply, `${PATH}/${id}`, 'da-luu');
  });

  app.get(`${PATH}/:id/xoa`, byId, async (request, reply) => {
    guard(request);
    const report = await findReport(ctx.db, request.site.id, Number(request.params.id), { drafts: true });
    if (!report) throw new AppError('not_found');
    return sendAdmin(reply, <AdminReportDelete frame={adminFrame(app, request, reply)} report={report} files={await listFiles(ctx.db, request.site.id, [report.id])} />);
  });

  app.post(`${PATH}/:id/xoa`, byId, async (request, reply) => {
    guard(request);
    await deleteReport(cx(request), ctx.media, Number(request.params.id));
    return redirectWithFlash(reply, PATH, 'da-xoa');
  });

  // The same one-file multipart scope as the document library: the file is read only after the CSRF token.
  await documentUploadScope(app, async (scope) => {
    const options = { onRequest: async (request: FastifyRequest) => guard(request), config: { rateLimit: perMinute(30) }, ...byId };
    scope.withTypeProvider<TypeBoxTypeProvider>().post(`${PATH}/:id/tep`, options, async (request, reply) => {
      const id = Number(request.params.id);
      const r = await attachReportFile(cx(request), ctx.media, id, request.documentUpload);
      if (!r.ok) return edit(request, reply, id, null, r.errors, 422);
      return redirectWithFlash(reply, `${PATH}/${id}`, 'da-tai-tep');
    });
  });

  app.post(`${PATH}/:id/tep/:fileId/xoa`, { schema: { params: Type.Object({ id: Id, fileId: Id }) } }, async (request, reply) => {
    guard(request);
    const id = Number(request.params.id);
    await removeReportFile(cx(request), ctx.media, id, Number(request.params.fileId));
    return redirectWithFlash(reply, `${PATH}/${id}`, 'da-go-tep');
  });
}
