import type { DocumentForm } from '../input.js';
import type { DocumentListItem } from '../repo.js';
import type { DocumentFileRow, DocumentRow, DocumentTypeRow } from '../../../kernel/db/tables/documents.js';
import { shortDay, STATUS_NAMES } from '../present.js';
import { documentUrls } from '../urls.js';
import { formatBytes } from '../../media/present.js';
import { AdminLayout, type AdminFrame } from '../../../kernel/views/admin/layout.js';
import { Csrf, Field, FormMessages, Notice, SectionCrumbs, type FieldErrors } from '../../../kernel/views/admin/forms.js';

export const PATH = '/quan-tri/van-ban';
export const TYPES_PATH = `${PATH}/loai`;

export interface AdminListQuery {
  q: string;
  loai: string;
  tinh_trang: string;
}

function Crumbs({ title }: { title: string }) {
  return <SectionCrumbs href={PATH} label="Văn bản" title={title} />;
}

export function AdminDocumentList({ frame, rows, total, page, pages, query, types, notice }: {
  frame: AdminFrame; rows: DocumentListItem[]; total: number; page: number; pages: number; query: AdminListQuery; types: DocumentTypeRow[]; notice?: string;
}) {
  const href = (n: number) => `${PATH}?${new URLSearchParams({ ...query, trang: String(n) }).toString()}`;
  return (
    <AdminLayout frame={frame} title="Văn bản">
      <div class="page-head">
        <h1>Văn bản</h1>
        <a class="button primary" href={`${PATH}/moi`}>Thêm văn bản</a>
        <a class="button" href={TYPES_PATH}>Loại văn bản</a>
      </div>
      <FormMessages notice={notice} />
      <form method="get" action={PATH} class="filters" role="search" aria-label="Lọc văn bản">
        <div class="field">
          <label for="q">Số, ký hiệu hoặc trích yếu</label>
          <input id="q" name="q" type="search" value={query.q} maxLength={200} />
        </div>
        <div class="field">
          <label for="loai">Loại văn bản</label>
          <select id="loai" name="loai">
            <option value="">Tất cả</option>
            {types.map((t) => <option value={String(t.id)} selected={query.loai === String(t.id)}>{t.name}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="tinh_trang">Tình trạng</label>
          <select id="tinh_trang" name="tinh_trang">
            <option value="">Tất cả</option>
            {Object.entries(STATUS_NAMES).map(([k, v]) => <option value={k} selected={query.tinh_trang === k}>{v}</option>)}
          </select>
        </div>
        <button type="submit">Lọc</button>
      </form>
      <p class="muted">{total} văn bản</p>
      {rows.length === 0 ? (
        <p class="empty">Không có văn bản nào phù hợp.</p>
      ) : (
        <table class="data-table">
          <caption class="visually-hidden">Văn bản, ban hành mới nhất trước</caption>
          <thead><tr><th scope="col">Số, ký hiệu</th><th scope="col">Trích yếu</th><th scope="col">Ngày ban hành</th><th scope="col">Tình trạng</th><th scope="col">Thao tác</th></tr></thead>
          <tbody>
            {rows.map((d) => (
              <tr>
                <th scope="row">{d.type_name} {d.number}</th>
                <td>{d.title}{d.published ? '' : ' (chưa công khai)'}</td>
                <td>{shortDay(d.issued_on)}</td>
                <td>{STATUS_NAMES[d.status]}</td>
                <td class="workflow">
                  <a class="button" href={`${PATH}/${d.id}`} aria-label={`Sửa: ${d.number}`}>Sửa</a>
                  {d.published ? <a href={documentUrls.document(d)} aria-label={`Xem trên trang: ${d.number}`}>Xem</a> : null}
                  <a class="button danger" href={`${PATH}/${d.id}/xoa`} aria-label={`Xoá: ${d.number}`}>Xoá</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 && (
        <nav class="pager" aria-label="Phân trang">
          {page > 1 && <a href={href(page - 1)} rel="prev">« Trước</a>} <span>Trang {page}/{pages}</span> {page < pages && <a href={href(page + 1)} rel="next">Sau »</a>}
        </nav>
      )}
    </AdminLayout>
  );
}

export function DocumentFields({ form, errors, types }: { form: DocumentForm; errors: FieldErrors; types: DocumentTypeRow[] }) {
  const typeErr = errors.type_id;
  const statusErr = errors.status;
  return (
    <>
      <Field name="number" label="Số, ký hiệu" value={form.number} errors={errors} required maxLength={50} hint="Ví dụ: 22-NQ/TW, 123/QĐ-UBND, 12/2023/QĐ-UBND" />
      <Field name="type_id" label="Loại văn bản" errors={errors} required>
        <select id="f-type_id" name="type_id" required aria-invalid={typeErr ? 'true' : undefined} aria-describedby={typeErr ? 'f-type_id-error' : undefined}>
          <option value="">Chọn loại văn bản</option>
          {types.map((t) => <option value={String(t.id)} selected={form.type_id === String(t.id)}>{t.name}</option>)}
        </select>
      </Field>
      <Field name="title" label="Trích yếu" value={form.title} errors={errors} required multiline={3} maxLength={2000} />
      <Field name="issuer" label="Cơ quan ban hành" value={form.issuer} errors={errors} required maxLength={200} hint="Ví dụ: UBND thị xã Hồng Lĩnh" />
      <Field name="signer" label="Người ký" value={form.signer} errors={errors} maxLength={200} hint="Chức vụ và họ tên, ví dụ: Chủ tịch Nguyễn Văn A" />
      <Field name="issued_on" label="Ngày ban hành" type="date" value={form.issued_on} errors={errors} required hint="Ngày/tháng/năm, ví dụ 02/02/2008" />
      <Field name="effective_on" label="Ngày hiệu lực" type="date" value={form.effective_on} errors={errors} hint="Để trống nếu văn bản không ghi ngày hiệu lực." />
      <Field name="field" label="Lĩnh vực" value={form.field} errors={errors} maxLength={100} hint="Ví dụ: Đất đai, Xây dựng Đảng, Y tế" />
      <Field name="status" label="Tình trạng" errors={errors} required>
        <select id="f-status" name="status" aria-invalid={statusErr ? 'true' : undefined} aria-describedby={statusErr ? 'f-status-error' : undefined}>
          {Object.entries(STATUS_NAMES).map(([k, v]) => <option value={k} selected={form.status === k}>{v}</option>)}
        </select>
      </Field>
      <Field name="consultation_until" label="Hạn góp ý (chỉ với dự thảo)" type="date" value={form.consultation_until} errors={errors} hint="Ngày cuối cùng người dân gửi góp ý cho dự thảo." />
      <div class="field">
        <input type="hidden" name="published" value="0" />
        <label><input type="checkbox" name="published" value="1" checked={form.published === '1'} /> Công khai trên trang</label>
      </div>
    </>
  );
}

export function AdminDocumentNew({ frame, form, errors, types }: { frame: AdminFrame; form: DocumentForm; errors: FieldErrors; types: DocumentTypeRow[] }) {
  return (
    <AdminLayout frame={frame} title="Thêm văn bản">
      <Crumbs title="Thêm văn bản" />
      <h1>Thêm văn bản</h1>
      <FormMessages errors={errors} />
      {types.length === 0 && <Notice kind="info">Trang chưa có loại văn bản nào. <a href={TYPES_PATH}>Thêm loại văn bản</a> trước.</Notice>}
      <form method="post" action={PATH} novalidate>
        <Csrf token={frame.csrf} />
        <DocumentFields form={form} errors={errors} types={types} />
        <div class="form-actions">
          <button type="submit" class="primary">Lưu văn bản</button>
          <a href={PATH}>Quay lại danh sách</a>
        </div>
      </form>
    </AdminLayout>
  );
}

export function AdminDocumentEdit({ frame, doc, form, errors, types, files, candidates, relatedIds, notice }: {
  frame: AdminFrame; doc: DocumentRow; form: DocumentForm; errors: FieldErrors; types: DocumentTypeRow[]; files: DocumentFileRow[];
  candidates: Pick<DocumentRow, 'id' | 'number' | 'title' | 'issued_on'>[]; relatedIds: number[]; notice?: string;
}) {
  const base = `${PATH}/${doc.id}`;
  return (
    <AdminLayout frame={frame} title={`Sửa văn bản ${doc.number}`}>
      <Crumbs title={doc.number} />
      <h1>Sửa văn bản {doc.number}</h1>
      <FormMessages notice={notice} errors={errors} />
      {doc.published ? <p><a href={documentUrls.document(doc)}>Xem trên trang</a></p> : <p class="muted">Văn bản chưa công khai.</p>}
      <form method="post" action={base} novalidate>
        <Csrf token={frame.csrf} />
        <DocumentFields form={form} errors={errors} types={types} />
        <div class="form-actions">
          <button type="submit" class="primary">Lưu văn bản</button>
          <a href={PATH}>Quay lại danh sách</a>
        </div>
      </form>

      <section class="status-panel" aria-labelledby="tep-van-ban">
        <h2 id="tep-van-ban">Tệp đính kèm</h2>
        {files.length ? (
          <ul>
            {files.map((f) => (
              <li>
                <a href={documentUrls.file(f)}>{f.original_name}</a> <span class="muted">({f.ext.toUpperCase()}, {formatBytes(f.size_bytes)})</span>
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
          <Field name="file" label="Chọn tệp (PDF, DOC, DOCX; tối đa 20 MB)" errors={errors}>
            <input id="f-file" type="file" name="file" accept=".pdf,.doc,.docx,application/pdf,application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document" aria-invalid={errors.file ? 'true' : undefined} aria-describedby={errors.file ? 'f-file-error' : undefined} />
          </Field>
          <button type="submit">Tải tệp lên</button>
        </form>
      </section>

      <section class="status-panel" aria-labelledby="van-ban-lien-quan">
        <h2 id="van-ban-lien-quan">Văn bản liên quan</h2>
        {candidates.length === 0 ? (
          <p class="empty">Thư viện chưa có văn bản nào khác.</p>
        ) : (
          <form method="post" action={`${base}/lien-quan`}>
            <Csrf token={frame.csrf} />
            <fieldset aria-describedby={errors.related ? 'f-related-error' : undefined}>
              <legend>Chọn các văn bản liên quan</legend>
              {errors.related && <p class="field-error" id="f-related-error">{errors.related}</p>}
              <ul class="check-list" id="f-related">
                {candidates.map((c) => (
                  <li><label><input type="checkbox" name="related" value={String(c.id)} checked={relatedIds.includes(c.id)} /> {c.number} ({shortDay(c.issued_on)}): {c.title.slice(0, 120)}</label></li>
                ))}
              </ul>
            </fieldset>
            <button type="submit">Lưu văn bản liên quan</button>
          </form>
        )}
      </section>
      <p><a class="button danger" href={`${base}/xoa`}>Xoá văn bản…</a></p>
    </AdminLayout>
  );
}

export function AdminDocumentDelete({ frame, doc, files }: { frame: AdminFrame; doc: DocumentRow; files: DocumentFileRow[] }) {
  return (
    <AdminLayout frame={frame} title={`Xoá văn bản ${doc.number}`}>
      <Crumbs title={`Xoá ${doc.number}`} />
      <h1>Xoá văn bản {doc.number}?</h1>
      <p>{doc.title}</p>
      <p>Văn bản{files.length ? ` và ${files.length} tệp đính kèm` : ''} sẽ bị xoá hẳn, liên kết tới văn bản trong các bài viết sẽ không còn. Thao tác này không hoàn tác được.</p>
      <form method="post" action={`${PATH}/${doc.id}/xoa`}>
        <Csrf token={frame.csrf} />
        <div class="form-actions">
          <button type="submit" class="danger" data-confirmed>Xoá văn bản</button>
          <a href={`${PATH}/${doc.id}`}>Không xoá, quay lại</a>
        </div>
      </form>
    </AdminLayout>
  );
}

export function AdminDocumentTypes({ frame, types, counts, name, errors, notice }: {
  frame: AdminFrame; types: DocumentTypeRow[]; counts: Map<number, number>; name: string; errors: FieldErrors; notice?: string;
}) {
  return (
    <AdminLayout frame={frame} title="Loại văn bản">
      <Crumbs title="Loại văn bản" />
      <h1>Loại văn bản</h1>
      <FormMessages notice={notice} errors={errors} />
      {types.length ? (
        <table class="data-table">
          <caption class="visually-hidden">Các loại văn bản của trang</caption>
          <thead><tr><th scope="col">Tên loại</th><th scope="col">Số văn bản</th><th scope="col">Đổi tên</th><th scope="col">Xoá</th></tr></thead>
          <tbody>
            {types.map((t) => (
              <tr>
                <th scope="row">{t.name}</th>
                <td>{counts.get(t.id) ?? 0}</td>
                <td>
                  <form method="post" action={`${TYPES_PATH}/${t.id}`} class="inline-form">
                    <Csrf token={frame.csrf} />
                    <label for={`ten-${t.id}`} class="visually-hidden">Tên mới của loại {t.name}</label>
                    <input id={`ten-${t.id}`} name="name" value={t.name} maxLength={100} required />
                    <button type="submit">Đổi tên</button>
                  </form>
                </td>
                <td>
                  {(counts.get(t.id) ?? 0) === 0 ? (
                    <form method="post" action={`${TYPES_PATH}/${t.id}/xoa`} class="inline-form">
                      <Csrf token={frame.csrf} />
                      <button type="submit" class="danger" aria-label={`Xoá loại: ${t.name}`}>Xoá</button>
                    </form>
                  ) : (
                    <span class="muted">Đang dùng</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <>
          <p class="empty">Chưa có loại văn bản nào.</p>
          <form method="post" action={`${TYPES_PATH}/mac-dinh`}>
            <Csrf token={frame.csrf} />
            <button type="submit">Thêm các loại thường dùng (Nghị quyết, Quyết định, Chỉ thị, Kế hoạch, Công văn…)</button>
          </form>
        </>
      )}
      <section class="status-panel" aria-labelledby="them-loai">
        <h2 id="them-loai">Thêm loại văn bản</h2>
        <form method="post" action={TYPES_PATH} novalidate>
          <Csrf token={frame.csrf} />
          <Field name="name" label="Tên loại văn bản" value={name} errors={errors} required maxLength={100} hint="Ví dụ: Nghị quyết, Quyết định, Kế hoạch" />
          <button type="submit" class="primary">Thêm loại</button>
        </form>
      </section>
    </AdminLayout>
  );
}
