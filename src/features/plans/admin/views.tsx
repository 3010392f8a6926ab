import type { PlanFileRow, PlanRow } from '../../../kernel/db/tables/plans.js';
import { AdminLayout, type AdminFrame } from '../../../kernel/views/admin/layout.js';
import { Csrf, Field, FormMessages, SectionCrumbs, type FieldErrors } from '../../../kernel/views/admin/forms.js';
import { formatBytes } from '../../media/present.js';
import { fileLabel, PLAN_ACCEPT } from '../files.js';
import type { PlanForm } from '../input.js';
import { KIND_NAMES } from '../present.js';
import { PLANS_LABEL, planUrls } from '../urls.js';

export const PATH = '/quan-tri/quy-hoach';

const Crumbs = ({ title }: { title: string }) => <SectionCrumbs href={PATH} label={PLANS_LABEL} title={title} />;

export function AdminPlanList({ frame, rows, notice }: { frame: AdminFrame; rows: PlanRow[]; notice?: string }) {
  return (
    <AdminLayout frame={frame} title={PLANS_LABEL}>
      <div class="page-head"><h1>{PLANS_LABEL}</h1><a class="button primary" href={`${PATH}/moi`}>Thêm quy hoạch, kế hoạch</a></div>
      <FormMessages notice={notice} />
      {rows.length === 0 ? <p class="empty">Chưa có quy hoạch, kế hoạch nào.</p> : (
        <table class="data-table">
          <caption class="visually-hidden">Quy hoạch, kế hoạch</caption>
          <thead><tr><th scope="col">Tên</th><th scope="col">Loại</th><th scope="col">Thao tác</th></tr></thead>
          <tbody>
            {rows.map((p) => (
              <tr>
                <th scope="row">{p.title}{p.published ? '' : ' (chưa công khai)'}</th>
                <td>{KIND_NAMES[p.kind]}</td>
                <td class="workflow">
                  <a class="button" href={`${PATH}/${p.id}`} aria-label={`Sửa: ${p.title}`}>Sửa</a>
                  {p.published ? <a href={planUrls.plan(p)} aria-label={`Xem trên trang: ${p.title}`}>Xem</a> : null}
                  <form method="post" action={`${PATH}/${p.id}/xoa`} class="inline-form">
                    <Csrf token={frame.csrf} />
                    <button type="submit" class="danger" aria-label={`Xoá: ${p.title}`}>Xoá</button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}

function PlanFields({ form, errors }: { form: PlanForm; errors: FieldErrors }) {
  return (
    <>
      <Field name="kind" label="Loại" errors={errors} required>
        <select id="f-kind" name="kind" aria-invalid={errors.kind ? 'true' : undefined} aria-describedby={errors.kind ? 'f-kind-error' : undefined}>
          <option value="">Chọn loại</option>
          {Object.entries(KIND_NAMES).map(([k, v]) => <option value={k} selected={form.kind === k}>{v}</option>)}
        </select>
      </Field>
      <Field name="title" label="Tên quy hoạch, kế hoạch" value={form.title} errors={errors} required maxLength={300} />
      <Field name="period" label="Thời kỳ" value={form.period} errors={errors} maxLength={100} hint="Ví dụ: 2021–2030, năm 2026" />
      <Field name="decision" label="Quyết định phê duyệt" value={form.decision} errors={errors} maxLength={200} hint="Ví dụ: Quyết định số 1234/QĐ-UBND của UBND tỉnh Hà Tĩnh" />
      <Field name="approved_on" label="Ngày phê duyệt" type="date" value={form.approved_on} errors={errors} />
      <Field name="summary" label="Nội dung chính" value={form.summary} errors={errors} multiline={5} maxLength={5000} />
      <Field name="geojson" label="Lớp bản đồ GeoJSON (không bắt buộc)" value={form.geojson} errors={errors} multiline={4} hint="Dán nội dung tệp .geojson (FeatureCollection, toạ độ WGS 84, tối đa 100 KB)." />
      <div class="field">
        <input type="hidden" name="published" value="0" />
        <label><input type="checkbox" name="published" value="1" checked={form.published === '1'} /> Công khai trên trang</label>
      </div>
    </>
  );
}

export function AdminPlanNew({ frame, form, errors }: { frame: AdminFrame; form: PlanForm; errors: FieldErrors }) {
  return (
    <AdminLayout frame={frame} title="Thêm quy hoạch, kế hoạch">
      <Crumbs title="Thêm" />
      <h1>Thêm quy hoạch, kế hoạch</h1>
      <FormMessages errors={errors} />
      <form method="post" action={PATH} novalidate>
        <Csrf token={frame.csrf} />
        <PlanFields form={form} errors={errors} />
        <div class="form-actions"><button type="submit" class="primary">Lưu</button><a href={PATH}>Quay lại danh sách</a></div>
      </form>
    </AdminLayout>
  );
}

export function AdminPlanEdit({ frame, plan, form, errors, files, notice }: { frame: AdminFrame; plan: PlanRow; form: PlanForm; errors: FieldErrors; files: PlanFileRow[]; notice?: string }) {
  const base = `${PATH}/${plan.id}`;
  return (
    <AdminLayout frame={frame} title={`Sửa: ${plan.title}`}>
      <Crumbs title={plan.title} />
      <h1>Sửa: {plan.title}</h1>
      <FormMessages notice={notice} errors={errors} />
      <form method="post" action={base} novalidate>
        <Csrf token={frame.csrf} />
        <PlanFields form={form} errors={errors} />
        <div class="form-actions"><button type="submit" class="primary">Lưu</button><a href={PATH}>Quay lại danh sách</a></div>
      </form>
      <section class="status-panel" aria-labelledby="tep-quy-hoach">
        <h2 id="tep-quy-hoach">Bản đồ và tài liệu</h2>
        {files.length ? (
          <ul>
            {files.map((f) => (
              <li>
                <a href={planUrls.file(f)}>{f.original_name}</a> <span class="muted">({fileLabel(f.ext)}, {formatBytes(f.size_bytes)})</span>
                <form method="post" action={`${base}/tep/${f.id}/xoa`} class="inline-form">
                  <Csrf token={frame.csrf} />
                  <button type="submit" class="danger" aria-label={`Gỡ tệp: ${f.original_name}`}>Gỡ tệp</button>
                </form>
              </li>
            ))}
          </ul>
        ) : <p class="empty">Chưa có tệp nào.</p>}
        <form method="post" action={`${base}/tep`} enctype="multipart/form-data">
          <Csrf token={frame.csrf} />
          <Field name="file" label="Chọn tệp (ảnh bản đồ PNG, JPEG; PDF, Excel, Word; tối đa 20 MB)" errors={errors}>
            <input id="f-file" type="file" name="file" accept={PLAN_ACCEPT} aria-invalid={errors.file ? 'true' : undefined} aria-describedby={errors.file ? 'f-file-error' : undefined} />
          </Field>
          <button type="submit">Tải tệp lên</button>
        </form>
      </section>
    </AdminLayout>
  );
}
