import type { BudgetFileRow, BudgetReportRow } from '../../../kernel/db/tables/budget.js';
import { AdminLayout, type AdminFrame } from '../../../kernel/views/admin/layout.js';
import { Csrf, Field, FormMessages, SectionCrumbs, type FieldErrors } from '../../../kernel/views/admin/forms.js';
import { formatBytes } from '../../media/present.js';
import { ACCEPT } from '../files.js';
import type { ReportForm } from '../input.js';
import { REPORT_SLOTS } from '../legal-forms.js';
import { deadlineText, shortDay, timelinessText, timingOf } from '../present.js';
import { BUDGET_LABEL } from '../section.js';
import { budgetUrls } from '../urls.js';

export const PATH = '/quan-tri/cong-khai-ngan-sach';

const Crumbs = ({ title }: { title: string }) => <SectionCrumbs href={PATH} label={BUDGET_LABEL} title={title} />;

export function AdminReportList({ frame, rows, fileCounts, notice }: { frame: AdminFrame; rows: BudgetReportRow[]; fileCounts: Map<number, number>; notice?: string }) {
  return (
    <AdminLayout frame={frame} title={BUDGET_LABEL}>
      <div class="page-head">
        <h1>{BUDGET_LABEL}</h1>
        <a class="button primary" href={`${PATH}/moi`}>Thêm báo cáo</a>
      </div>
      <FormMessages notice={notice} />
      {rows.length === 0 ? (
        <p class="empty">Chưa có báo cáo ngân sách nào. Trang công khai đang báo “chưa công khai báo cáo ngân sách nào”.</p>
      ) : (
        <table class="data-table">
          <caption class="visually-hidden">Báo cáo công khai ngân sách, năm mới nhất trước</caption>
          <thead><tr><th scope="col">Báo cáo</th><th scope="col">Hạn công khai</th><th scope="col">Ngày công khai</th><th scope="col">Tệp</th><th scope="col">Thao tác</th></tr></thead>
          <tbody>
            {rows.map((r) => {
              const t = timingOf(r);
              return (
                <tr>
                  <th scope="row">{r.title}{r.published ? '' : ' (chưa công khai)'}</th>
                  <td>{deadlineText(t)}</td>
                  <td>{shortDay(r.published_on)}{t.deadline ? ` · ${timelinessText(t)}` : ''}</td>
                  <td>{fileCounts.get(r.id) ?? 0}</td>
                  <td class="workflow">
                    <a class="button" href={`${PATH}/${r.id}`} aria-label={`Sửa: ${r.title}`}>Sửa</a>
                    {r.published ? <a href={budgetUrls.report(r)} aria-label={`Xem trên trang: ${r.title}`}>Xem</a> : null}
                    <a class="button danger" href={`${PATH}/${r.id}/xoa`} aria-label={`Xoá: ${r.title}`}>Xoá</a>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}

function ReportFields({ form, errors }: { form: ReportForm; errors: FieldErrors }) {
  const slotErr = errors.slot;
  return (
    <>
      <Field name="fiscal_year" label="Năm ngân sách" value={form.fiscal_year} errors={errors} required maxLength={4} hint="Ví dụ: 2026" />
      <Field name="slot" label="Loại báo cáo" errors={errors} required>
        <select id="f-slot" name="slot" required aria-invalid={slotErr ? 'true' : undefined} aria-describedby={slotErr ? 'f-slot-error' : undefined}>
          <option value="">Chọn loại báo cáo</option>
          {REPORT_SLOTS.map((s) => <option value={s.key} selected={form.slot === s.key}>{s.label} ({s.form})</option>)}
        </select>
      </Field>
      <Field name="form_name" label="Biểu mẫu theo Thông tư 343/2016/TT-BTC" value={form.form_name} errors={errors} maxLength={200} hint="Để trống để dùng biểu mẫu của loại báo cáo đã chọn." />
      <Field name="title" label="Tên báo cáo" value={form.title} errors={errors} maxLength={300} hint="Để trống để đặt theo loại và năm, ví dụ: Dự toán ngân sách năm 2026." />
      <Field name="basis_on" label="Ngày HĐND quyết định dự toán / phê chuẩn quyết toán" type="date" value={form.basis_on} errors={errors} hint="Bắt buộc với dự toán và quyết toán: hạn công khai là 30 ngày kể từ ngày này." />
      <Field name="published_on" label="Ngày công khai" type="date" value={form.published_on} errors={errors} required hint="Ngày/tháng/năm, ví dụ 15/01/2026." />
      <Field name="note" label="Ghi chú" value={form.note} errors={errors} multiline={3} maxLength={2000} />
      <div class="field">
        <input type="hidden" name="published" value="0" />
        <label><input type="checkbox" name="published" value="1" checked={form.published === '1'} /> Công khai trên trang</label>
      </div>
    </>
  );
}

export function AdminReportNew({ frame, form, errors }: { frame: AdminFrame; form: ReportForm; errors: FieldErrors }) {
  return (
    <AdminLayout frame={frame} title="Thêm báo cáo ngân sách">
      <Crumbs title="Thêm báo cáo" />
      <h1>Thêm báo cáo ngân sách</h1>
      <FormMessages errors={errors} />
      <form method="post" action={PATH} novalidate>
        <Csrf token={frame.csrf} />
        <ReportFields form={form} errors={errors} />
        <div class="form-actions">
          <button type="submit" class="primary">Lưu báo cáo</button>
          <a href={PATH}>Quay lại danh sách</a>
        </div>
      </form>
    </AdminLayout>
  );
}

export function AdminReportEdit({ frame, report, form, errors, files, notice }: {
  frame: AdminFrame; report: BudgetReportRow; form: ReportForm; errors: FieldErrors; files: BudgetFileRow[]; notice?: string;
}) {
  const base = `${PATH}/${report.id}`;
  return (
    <AdminLayout frame={frame} title={`Sửa: ${report.title}`}>
      <Crumbs title={report.title} />
      <h1>Sửa báo cáo: {report.title}</h1>
      <FormMessages notice={notice} errors={errors} />
      {report.published ? <p><a href={budgetUrls.report(report)}>Xem trên trang</a></p> : <p class="muted">Báo cáo chưa công khai.</p>}
      <form method="post" action={base} novalidate>
        <Csrf token={frame.csrf} />
        <ReportFields form={form} errors={errors} />
        <div class="form-actions">
          <button type="submit" class="primary">Lưu báo cáo</button>
          <a href={PATH}>Quay lại danh sách</a>
        </div>
      </form>
      <section class="status-panel" aria-labelledby="tep-bao-cao">
        <h2 id="tep-bao-cao">Tệp đính kèm</h2>
        {files.length ? (
          <ul>
            {files.map((f) => (
              <li>
                <a href={budgetUrls.file(f)}>{f.original_name}</a> <span class="muted">({f.ext.toUpperCase()}, {formatBytes(f.size_bytes)})</span>
                <form method="post" action={`${base}/tep/${f.id}/xoa`} class="inline-form">
                  <Csrf token={frame.csrf} />
                  <button type="submit" class="danger" aria-label={`Gỡ tệp: ${f.original_name}`}>Gỡ tệp</button>
                </form>
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">Chưa có tệp nào.</p>
        )}
        <form method="post" action={`${base}/tep`} enctype="multipart/form-data">
          <Csrf token={frame.csrf} />
          <Field name="file" label="Chọn tệp (PDF, XLSX, XLS, DOCX, DOC; tối đa 20 MB)" errors={errors}>
            <input id="f-file" type="file" name="file" accept={ACCEPT} aria-invalid={errors.file ? 'true' : undefined} aria-describedby={errors.file ? 'f-file-error' : undefined} />
          </Field>
          <button type="submit">Tải tệp lên</button>
        </form>
      </section>
      <p><a class="button danger" href={`${base}/xoa`}>Xoá báo cáo…</a></p>
    </AdminLayout>
  );
}

export function AdminReportDelete({ frame, report, files }: { frame: AdminFrame; report: BudgetReportRow; files: BudgetFileRow[] }) {
  return (
    <AdminLayout frame={frame} title={`Xoá: ${report.title}`}>
      <Crumbs title={`Xoá ${report.title}`} />
      <h1>Xoá báo cáo “{report.title}”?</h1>
      <p>Báo cáo{files.length ? ` và ${files.length} tệp đính kèm` : ''} sẽ bị xoá hẳn. Muốn tạm ẩn, hãy bỏ chọn “Công khai trên trang” thay vì xoá. Thao tác này không hoàn tác được.</p>
      <form method="post" action={`${PATH}/${report.id}/xoa`}>
        <Csrf token={frame.csrf} />
        <div class="form-actions">
          <button type="submit" class="danger" data-confirmed>Xoá báo cáo</button>
          <a href={`${PATH}/${report.id}`}>Không xoá, quay lại</a>
        </div>
      </form>
    </AdminLayout>
  );
}
