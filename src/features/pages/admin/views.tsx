import type { PageForm } from '../commands/save-page.js';
import { formatDateTime } from '../../../kernel/lib/format.js';
import { urls } from '../../../kernel/http/urls.js';
import type { PageListRow } from '../../sites/admin-repo.js';
import type { AdminFrame } from '../../../kernel/views/admin/layout.js';
import { Csrf, Field, type FieldErrors } from '../../../kernel/views/admin/forms.js';
import { BASE, RowActions, SitePage } from '../../sites/admin/shared.js';

export const PAGES_PATH = `${BASE}/trang-tinh`;

export function PagesPage({ frame, pages, notice }: { frame: AdminFrame; pages: PageListRow[]; notice?: string }) {
  return (
    <SitePage frame={frame} title="Trang tĩnh" notice={notice}>
      <p><a class="button primary" href={`${PAGES_PATH}/moi`}>Thêm trang tĩnh</a></p>
      {pages.length ? (
        <table class="data-table">
          <caption class="visually-hidden">Các trang tĩnh, theo thứ tự ở chân trang</caption>
          <thead><tr><th scope="col">Tiêu đề</th><th scope="col">Đường dẫn</th><th scope="col">Cập nhật</th><th scope="col">Thao tác</th></tr></thead>
          <tbody>
            {pages.map((p, i) => (
              <tr>
                <th scope="row">{p.title}</th>
                <td><a href={urls.page(p.slug)}>{urls.page(p.slug)}</a></td>
                <td>{formatDateTime(p.updated_at)}</td>
                <RowActions path={PAGES_PATH} id={p.id} name={p.title} csrf={frame.csrf} first={i === 0} last={i === pages.length - 1} />
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="empty">Trang chưa có trang tĩnh nào.</p>
      )}
    </SitePage>
  );
}

export function PageEditPage({ frame, id, form, errors }: { frame: AdminFrame; id: number | null; form: PageForm; errors: FieldErrors }) {
  const title = id === null ? 'Thêm trang tĩnh' : `Sửa trang “${form.title}”`;
  return (
    <SitePage frame={frame} title={title} errors={errors}>
      <form method="post" action={id === null ? `${PAGES_PATH}/moi` : `${PAGES_PATH}/${id}`} novalidate>
        <Csrf token={frame.csrf} />
        <Field name="title" label="Tiêu đề" value={form.title} errors={errors} required maxLength={200} />
        <Field name="slug" label="Đường dẫn" value={form.slug} errors={errors} maxLength={80} hint="Chữ thường không dấu và dấu gạch ngang, ví dụ lien-he. Bỏ trống để tạo từ tiêu đề." />
        <Field name="body" label="Nội dung (HTML)" value={form.body} errors={errors} required multiline={20} hint="Các thẻ không an toàn (script, style, sự kiện onclick…) được loại bỏ khi lưu." />
        <div class="form-actions">
          <button type="submit" class="primary">Lưu trang</button>
          <a href={PAGES_PATH}>Quay lại danh sách</a>
        </div>
      </form>
    </SitePage>
  );
}
