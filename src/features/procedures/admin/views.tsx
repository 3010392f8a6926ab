import { fieldSlug, ONLINE_LEVELS, PROCEDURE_FIELDS, procedureUrl } from '../fields.js';
import type { ProcedureForm } from '../commands/procedure-input.js';
import type { ProcedureRow } from '../../../kernel/db/tables/procedures.js';
import { AdminLayout, type AdminFrame } from '../../../kernel/views/admin/layout.js';
import { Csrf, ErrorSummary, Field, Notice, type FieldErrors } from '../../../kernel/views/admin/forms.js';

export const PATH = '/quan-tri/thu-tuc';

export function ProcedureListScreen({ frame, rows, notice }: { frame: AdminFrame; rows: ProcedureRow[]; notice?: string }) {
  const groups = PROCEDURE_FIELDS.map((f) => ({ field: f, items: rows.filter((r) => r.field === f) })).filter((g) => g.items.length);
  return (
    <AdminLayout frame={frame} title="Thủ tục hành chính">
      <h1>Thủ tục hành chính</h1>
      {notice && <Notice kind="ok">{notice}</Notice>}
      <p><a class="button primary" href={`${PATH}/moi`}>Thêm thủ tục</a> <a href="/thu-tuc-hanh-chinh">Xem trang công khai</a></p>
      {groups.length === 0 && <p class="empty">Chưa có thủ tục nào.</p>}
      {groups.map((g) => (
        <section aria-labelledby={`lv-${fieldSlug(g.field)}`}>
          <h2 id={`lv-${fieldSlug(g.field)}`}>{g.field}</h2>
          <table class="data-table">
            <caption class="visually-hidden">Thủ tục lĩnh vực {g.field}, theo thứ tự hiển thị</caption>
            <thead><tr><th scope="col">Tên thủ tục</th><th scope="col">Mã</th><th scope="col">Trạng thái</th><th scope="col">Thao tác</th></tr></thead>
            <tbody>
              {g.items.map((p, i) => (
                <tr>
                  <th scope="row">{p.published ? <a href={procedureUrl(p)}>{p.title}</a> : p.title}</th>
                  <td>{p.code}</td>
                  <td>{p.published ? 'Đang hiển thị' : 'Ẩn'}</td>
                  <td class="workflow">
                    {i > 0 && (
                      <form method="post" action={`${PATH}/${p.id}/len`}>
                        <Csrf token={frame.csrf} />
                        <button type="submit" aria-label={`Lên: ${p.title}`}>Lên</button>
                      </form>
                    )}
                    {i < g.items.length - 1 && (
                      <form method="post" action={`${PATH}/${p.id}/xuong`}>
                        <Csrf token={frame.csrf} />
                        <button type="submit" aria-label={`Xuống: ${p.title}`}>Xuống</button>
                      </form>
                    )}
                    <a class="button" href={`${PATH}/${p.id}`} aria-label={`Sửa: ${p.title}`}>Sửa</a>
                    <form method="post" action={`${PATH}/${p.id}/xoa`}>
                      <Csrf token={frame.csrf} />
                      <button type="submit" class="danger" aria-label={`Xoá: ${p.title}`}>Xoá</button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </AdminLayout>
  );
}

export function ProcedureFormScreen({ frame, action, heading, form, errors }: { frame: AdminFrame; action: string; heading: string; form: ProcedureForm; errors: FieldErrors }) {
  return (
    <AdminLayout frame={frame} title={heading}>
      <nav class="breadcrumb" aria-label="Đường dẫn">
        <a href={PATH}>Thủ tục hành chính</a> › <span aria-current="page">{heading}</span>
      </nav>
      <h1>{heading}</h1>
      <ErrorSummary errors={errors} />
      <form method="post" action={action} novalidate>
        <Csrf token={frame.csrf} />
        <Field name="title" label="Tên thủ tục" value={form.title} errors={errors} required maxLength={300} />
        <Field name="code" label="Mã thủ tục" value={form.code} errors={errors} hint="Mã trên Cơ sở dữ liệu quốc gia về thủ tục hành chính, ví dụ 1.001193." />
        <Field name="field" label="Lĩnh vực" errors={errors} required>
          <select id="f-field" name="field" aria-invalid={errors.field ? 'true' : undefined} aria-describedby={errors.field ? 'f-field-error' : undefined}>
            <option value="">— Chọn lĩnh vực —</option>
            {PROCEDURE_FIELDS.map((f) => <option value={f} selected={form.field === f}>{f}</option>)}
          </select>
        </Field>
        <Field name="level" label="Cấp thực hiện" value={form.level} errors={errors} maxLength={100} />
        <Field name="duration" label="Thời hạn giải quyết" value={form.duration} errors={errors} multiline={2} maxLength={500} />
        <Field name="fee" label="Phí, lệ phí" value={form.fee} errors={errors} multiline={2} maxLength={500} />
        <Field name="dossier" label="Thành phần hồ sơ" value={form.dossier} errors={errors} multiline={6} maxLength={5000} hint="Mỗi giấy tờ một dòng." />
        <Field name="method" label="Cách thức thực hiện" value={form.method} errors={errors} multiline={3} maxLength={3000} />
        <Field name="portal_url" label="Liên kết trên Cổng Dịch vụ công quốc gia" type="url" value={form.portal_url} errors={errors} hint="Để trống thì tự tạo từ mã thủ tục. Chỉ nhận địa chỉ https://." />
        <Field name="online_level" label="Dịch vụ công trực tuyến" errors={errors}>
          <select id="f-online_level" name="online_level">
            {Object.entries(ONLINE_LEVELS).map(([k, v]) => <option value={k} selected={form.online_level === k}>{v}</option>)}
          </select>
        </Field>
        <div class="field">
          <input type="checkbox" id="f-published" name="published" value="1" checked={form.published === '1'} />
          <label for="f-published">Hiển thị trên trang công khai</label>
        </div>
        <div class="form-actions">
          <button type="submit" class="primary">Lưu thủ tục</button>
          <a href={PATH}>Quay lại danh sách</a>
        </div>
      </form>
    </AdminLayout>
  );
}
