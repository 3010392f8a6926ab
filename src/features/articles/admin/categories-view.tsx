import { subtreeIds, treeOrder } from '../category-tree.js';
import type { CategoryForm } from '../commands/save-category.js';
import type { CategoryRow } from '../../../kernel/db/schema.js';
import { formatNumber } from '../../../kernel/lib/format.js';
import { urls } from '../../../kernel/http/urls.js';
import type { AdminFrame } from '../../../kernel/views/admin/layout.js';
import { Csrf, Field, type FieldErrors } from '../../../kernel/views/admin/forms.js';
import { BASE, RowActions, SitePage } from '../../sites/admin/shared.js';

const PATH = `${BASE}/chuyen-muc`;

function CategoryFields({ form, errors, categories, editingId }: { form: CategoryForm; errors: FieldErrors; categories: CategoryRow[]; editingId: number | null }) {
  const excluded = editingId === null ? new Set<number>() : subtreeIds(categories, editingId);
  return (
    <>
      <Field name="name" label="Tên chuyên mục" value={form.name} errors={errors} required maxLength={120} />
      <Field name="slug" label="Đường dẫn" value={form.slug} errors={errors} maxLength={80} hint="Chữ thường không dấu và dấu gạch ngang, ví dụ tin-tuc. Bỏ trống để tạo từ tên chuyên mục." />
      <Field name="parent_id" label="Thuộc chuyên mục" errors={errors}>
        <select id="f-parent_id" name="parent_id" aria-invalid={errors.parent_id ? 'true' : undefined} aria-describedby={errors.parent_id ? 'f-parent_id-error' : undefined}>
          <option value="">(Chuyên mục gốc)</option>
          {treeOrder(categories)
            .filter((e) => !excluded.has(e.row.id))
            .map((e) => <option value={String(e.row.id)} selected={form.parent_id === String(e.row.id)}>{`${'— '.repeat(e.depth)}${e.row.name}`}</option>)}
        </select>
      </Field>
    </>
  );
}

export function CategoriesPage({ frame, categories, counts, form, errors, notice }: {
  frame: AdminFrame; categories: CategoryRow[]; counts: Map<number, number>; form: CategoryForm; errors: FieldErrors; notice?: string;
}) {
  const tree = treeOrder(categories);
  const siblingsOf = (parent: number | null) => tree.filter((e) => e.row.parent_id === parent).map((e) => e.row.id);
  return (
    <SitePage frame={frame} title="Chuyên mục" notice={notice} errors={errors}>
      {tree.length ? (
        <table class="data-table">
          <caption class="visually-hidden">Cây chuyên mục, theo thứ tự hiển thị</caption>
          <thead><tr><th scope="col">Tên chuyên mục</th><th scope="col">Đường dẫn</th><th scope="col">Số bài viết</th><th scope="col">Thao tác</th></tr></thead>
          <tbody>
            {tree.map(({ row, depth }) => {
              const sibs = siblingsOf(row.parent_id);
              return (
                <tr>
                  <th scope="row">{depth > 0 && <span aria-hidden="true">{'— '.repeat(depth)}</span>}{row.name}</th>
                  <td><a href={urls.category(row.slug)}>{row.slug}</a></td>
                  <td>{formatNumber(counts.get(row.id) ?? 0)}</td>
                  <RowActions path={PATH} id={row.id} name={row.name} csrf={frame.csrf} first={sibs[0] === row.id} last={sibs[sibs.length - 1] === row.id} />
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p class="empty">Trang chưa có chuyên mục nào.</p>
      )}
      <section class="status-panel" aria-labelledby="them-chuyen-muc">
        <h2 id="them-chuyen-muc">Thêm chuyên mục</h2>
        <form method="post" action={PATH} novalidate>
          <Csrf token={frame.csrf} />
          <CategoryFields form={form} errors={errors} categories={categories} editingId={null} />
          <button type="submit" class="primary">Thêm chuyên mục</button>
        </form>
      </section>
    </SitePage>
  );
}

export function CategoryEditPage({ frame, category, categories, form, errors }: { frame: AdminFrame; category: CategoryRow; categories: CategoryRow[]; form: CategoryForm; errors: FieldErrors }) {
  return (
    <SitePage frame={frame} title={`Sửa chuyên mục “${category.name}”`} errors={errors}>
      <form method="post" action={`${PATH}/${category.id}`} novalidate>
        <Csrf token={frame.csrf} />
        <CategoryFields form={form} errors={errors} categories={categories} editingId={category.id} />
        <p class="hint">Đổi đường dẫn làm địa chỉ cũ của chuyên mục không còn truy cập được.</p>
        <div class="form-actions">
          <button type="submit" class="primary">Lưu chuyên mục</button>
          <a href={PATH}>Quay lại danh sách</a>
        </div>
      </form>
    </SitePage>
  );
}
