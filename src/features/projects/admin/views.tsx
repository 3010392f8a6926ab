import type { ProjectFileRow, ProjectNoticeRow, ProjectRow } from '../../../kernel/db/tables/projects.js';
import { AdminLayout, type AdminFrame } from '../../../kernel/views/admin/layout.js';
import { Csrf, Field, FormMessages, SectionCrumbs, type FieldErrors } from '../../../kernel/views/admin/forms.js';
import { ACCEPT } from '../../budget/files.js';
import { formatBytes } from '../../media/present.js';
import type { NoticeForm, ProjectForm } from '../input.js';
import { capitalText, NOTICE_KINDS, shortDay, STATUS_NAMES } from '../present.js';
import { PROJECTS_LABEL, projectUrls } from '../urls.js';

export const PATH = '/quan-tri/du-an';

const Crumbs = ({ title }: { title: string }) => <SectionCrumbs href={PATH} label={PROJECTS_LABEL} title={title} />;

export function AdminProjectList({ frame, rows, notice }: { frame: AdminFrame; rows: ProjectRow[]; notice?: string }) {
  return (
    <AdminLayout frame={frame} title={PROJECTS_LABEL}>
      <div class="page-head">
        <h1>{PROJECTS_LABEL}</h1>
        <a class="button primary" href={`${PATH}/moi`}>Thêm dự án</a>
      </div>
      <FormMessages notice={notice} />
      {rows.length === 0 ? (
        <p class="empty">Chưa có dự án nào. Trang công khai đang báo “chưa công khai dự án nào”.</p>
      ) : (
        <table class="data-table">
          <caption class="visually-hidden">Dự án, mới cập nhật trước</caption>
          <thead><tr><th scope="col">Dự án</th><th scope="col">Tình trạng</th><th scope="col">Tiến độ</th><th scope="col">Thao tác</th></tr></thead>
          <tbody>
            {rows.map((p) => (
              <tr>
                <th scope="row">{p.name}{p.published ? '' : ' (chưa công khai)'}</th>
                <td>{STATUS_NAMES[p.status]}</td>
                <td>{p.progress}%</td>
                <td class="workflow">
                  <a class="button" href={`${PATH}/${p.id}`} aria-label={`Sửa: ${p.name}`}>Sửa</a>
                  {p.published ? <a href={projectUrls.project(p)} aria-label={`Xem trên trang: ${p.name}`}>Xem</a> : null}
                  <a class="button danger" href={`${PATH}/${p.id}/xoa`} aria-label={`Xoá: ${p.name}`}>Xoá</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}

function Select({ name, value, options, errors }: { name: string; value: string; options: Record<string, string>; errors: FieldErrors }) {
  const err = errors[name];
  return (
    <select id={`f-${name}`} name={name} aria-invalid={err ? 'true' : undefined} aria-describedby={err ? `f-${name}-error` : undefined}>
      {Object.entries(options).map(([k, v]) => <option value={k} selected={value === k}>{v}</option>)}
    </select>
  );
}

function ProjectFields({ form, errors }: { form: ProjectForm; errors: FieldErrors }) {
  return (
    <>
      <Field name="name" label="Tên dự án" value={form.name} errors={errors} required maxLength={300} />
      <Field name="investor" label="Chủ đầu tư" value={form.investor} errors={errors} required maxLength={200} hint="Ví dụ: UBND phường Nam Hồng Lĩnh" />
      <Field name="capital" label="Tổng mức đầu tư (đồng)" value={form.capital} errors={errors} maxLength={40} hint="Ví dụ: 12.400.000.000 hoặc 12,4 tỷ. Để trống nếu chưa phê duyệt." />
      <Field name="capital_source" label="Nguồn vốn" value={form.capital_source} errors={errors} maxLength={200} hint="Ví dụ: Ngân sách phường, ngân sách tỉnh hỗ trợ" />
      <Field name="location" label="Địa điểm" value={form.location} errors={errors} required maxLength={300} />
      <Field name="start_on" label="Ngày khởi công" type="date" value={form.start_on} errors={errors} />
      <Field name="finish_on" label="Ngày hoàn thành (dự kiến)" type="date" value={form.finish_on} errors={errors} />
      <Field name="progress" label="Tiến độ (%)" value={form.progress} errors={errors} required maxLength={4} hint="Số từ 0 đến 100." />
      <Field name="status" label="Tình trạng" errors={errors} required><Select name="status" value={form.status} options={STATUS_NAMES} errors={errors} /></Field>
      <Field name="summary" label="Nội dung, quy mô đầu tư" value={form.summary} errors={errors} multiline={5} maxLength={5000} />
      <div class="field">
        <input type="hidden" name="published" value="0" />
        <label><input type="checkbox" name="published" value="1" checked={form.published === '1'} /> Công khai trên trang</label>
      </div>
    </>
  );
}

function NoticeFields({ form, errors }: { form: NoticeForm; errors: FieldErrors }) {
  return (
    <>
      <Field name="kind" label="Loại thông báo" errors={errors} required><Select name="kind" value={form.kind} options={{ '': 'Chọn loại thông báo', ...NOTICE_KINDS }} errors={errors} /></Field>
      <Field name="title" label="Tiêu đề" value={form.title} errors={errors} required maxLength={300} />
      <Field name="issued_on" label="Ngày thông báo" type="date" value={form.issued_on} errors={errors} required />
      <Field name="deadline_on" label="Hạn (nộp hồ sơ dự thầu, kê khai, góp ý…)" type="date" value={form.deadline_on} errors={errors} />
      <Field name="body" label="Nội dung" value={form.body} errors={errors} multiline={5} maxLength={10000} />
    </>
  );
}

function FilePanel({ csrf, files, action, removeBase, errors, heading }: { csrf: string; files: ProjectFileRow[]; action: string; removeBase: string; errors: FieldErrors; heading: string }) {
  return (
    <section class="status-panel" aria-labelledby="tep-dinh-kem">
      <h2 id="tep-dinh-kem">{heading}</h2>
      {files.length ? (
        <ul>
          {files.map((f) => (
            <li>
              <a href={projectUrls.file(f)}>{f.original_name}</a> <span class="muted">({f.ext.toUpperCase()}, {formatBytes(f.size_bytes)})</span>
              <form method="post" action={`${removeBase}/${f.id}/xoa`} class="inline-form">
                <Csrf token={csrf} />
                <button type="submit" class="danger" aria-label={`Gỡ tệp: ${f.original_name}`}>Gỡ tệp</button>
              </form>
            </li>
          ))}
        </ul>
      ) : <p class="empty">Chưa có tệp nào.</p>}
      <form method="post" action={action} enctype="multipart/form-data">
        <Csrf token={csrf} />
        <Field name="file" label="Chọn tệp (PDF, XLSX, XLS, DOCX, DOC; tối đa 20 MB)" errors={errors}>
          <input id="f-file" type="file" name="file" accept={ACCEPT} aria-invalid={errors.file ? 'true' : undefined} aria-describedby={errors.file ? 'f-file-error' : undefined} />
        </Field>
        <button type="submit">Tải tệp lên</button>
      </form>
    </section>
  );
}

export function AdminProjectNew({ frame, form, errors }: { frame: AdminFrame; form: ProjectForm; errors: FieldErrors }) {
  return (
    <AdminLayout frame={frame} title="Thêm dự án">
      <Crumbs title="Thêm dự án" />
      <h1>Thêm dự án</h1>
      <FormMessages errors={errors} />
      <form method="post" action={PATH} novalidate>
        <Csrf token={frame.csrf} />
        <ProjectFields form={form} errors={errors} />
        <div class="form-actions"><button type="submit" class="primary">Lưu dự án</button><a href={PATH}>Quay lại danh sách</a></div>
      </form>
    </AdminLayout>
  );
}

export function AdminProjectEdit({ frame, project, form, errors, files, notices, noticeForm, notice }: {
  frame: AdminFrame; project: ProjectRow; form: ProjectForm; errors: FieldErrors; files: ProjectFileRow[]; notices: ProjectNoticeRow[]; noticeForm: NoticeForm; notice?: string;
}) {
  const base = `${PATH}/${project.id}`;
  return (
    <AdminLayout frame={frame} title={`Sửa dự án: ${project.name}`}>
      <Crumbs title={project.name} />
      <h1>Sửa dự án: {project.name}</h1>
      <FormMessages notice={notice} errors={errors} />
      <p>{project.published ? <a href={projectUrls.project(project)}>Xem trên trang</a> : <span class="muted">Dự án chưa công khai.</span>} · Tổng mức đầu tư: {capitalText(project.capital_vnd)}</p>
      <form method="post" action={base} novalidate>
        <Csrf token={frame.csrf} />
        <ProjectFields form={form} errors={errors} />
        <div class="form-actions"><button type="submit" class="primary">Lưu dự án</button><a href={PATH}>Quay lại danh sách</a></div>
      </form>
      <FilePanel csrf={frame.csrf} files={files.filter((f) => f.notice_id === null)} action={`${base}/tep`} removeBase={`${base}/tep`} errors={errors} heading="Hồ sơ dự án (tệp đính kèm)" />
      <section class="status-panel" aria-labelledby="thong-bao">
        <h2 id="thong-bao">Thông báo đấu thầu, thu hồi đất, bồi thường</h2>
        {notices.length ? (
          <ul>
            {notices.map((n) => (
              <li><a href={`${base}/thong-bao/${n.id}`}>{n.title}</a> <span class="muted">({NOTICE_KINDS[n.kind]}, {shortDay(n.issued_on)}, {files.filter((f) => f.notice_id === n.id).length} tệp)</span></li>
            ))}
          </ul>
        ) : <p class="empty">Chưa có thông báo nào.</p>}
        <h3>Thêm thông báo</h3>
        <form method="post" action={`${base}/thong-bao`} novalidate>
          <Csrf token={frame.csrf} />
          <NoticeFields form={noticeForm} errors={errors} />
          <button type="submit">Thêm thông báo</button>
        </form>
      </section>
      <p><a class="button danger" href={`${base}/xoa`}>Xoá dự án…</a></p>
    </AdminLayout>
  );
}

export function AdminNoticeEdit({ frame, project, row, form, errors, files, notice }: {
  frame: AdminFrame; project: ProjectRow; row: ProjectNoticeRow; form: NoticeForm; errors: FieldErrors; files: ProjectFileRow[]; notice?: string;
}) {
  const base = `${PATH}/${project.id}/thong-bao/${row.id}`;
  return (
    <AdminLayout frame={frame} title={`Sửa thông báo: ${row.title}`}>
      <SectionCrumbs href={`${PATH}/${project.id}`} label={project.name} title={row.title} />
      <h1>Sửa thông báo: {row.title}</h1>
      <FormMessages notice={notice} errors={errors} />
      <form method="post" action={base} novalidate>
        <Csrf token={frame.csrf} />
        <NoticeFields form={form} errors={errors} />
        <div class="form-actions"><button type="submit" class="primary">Lưu thông báo</button><a href={`${PATH}/${project.id}`}>Quay lại dự án</a></div>
      </form>
      <FilePanel csrf={frame.csrf} files={files} action={`${base}/tep`} removeBase={`${PATH}/${project.id}/tep`} errors={errors} heading="Tệp của thông báo" />
      <form method="post" action={`${base}/xoa`}>
        <Csrf token={frame.csrf} />
        <button type="submit" class="danger">Xoá thông báo và tệp của nó</button>
      </form>
    </AdminLayout>
  );
}

export function AdminProjectDelete({ frame, project, notices, files }: { frame: AdminFrame; project: ProjectRow; notices: number; files: number }) {
  return (
    <AdminLayout frame={frame} title={`Xoá dự án: ${project.name}`}>
      <Crumbs title={`Xoá ${project.name}`} />
      <h1>Xoá dự án “{project.name}”?</h1>
      <p>Dự án, {notices} thông báo và {files} tệp đính kèm sẽ bị xoá hẳn. Muốn tạm ẩn, hãy bỏ chọn “Công khai trên trang”. Thao tác này không hoàn tác được.</p>
      <form method="post" action={`${PATH}/${project.id}/xoa`}>
        <Csrf token={frame.csrf} />
        <div class="form-actions"><button type="submit" class="danger" data-confirmed>Xoá dự án</button><a href={`${PATH}/${project.id}`}>Không xoá, quay lại</a></div>
      </form>
    </AdminLayout>
  );
}
