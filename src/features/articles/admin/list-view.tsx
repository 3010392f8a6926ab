import type { AdminListRow } from '../admin-repo.js';
import type { CategoryRow } from '../../../kernel/db/schema.js';
import { formatDateTime } from '../../../kernel/lib/format.js';
import type { SiteMember } from '../../../kernel/access/users-repo.js';
import { AdminLayout, type AdminFrame } from '../../../kernel/views/admin/layout.js';
import { STATUS_NAMES, STATUSES } from './status.js';

export interface ListQuery {
  trang_thai?: string;
  chuyen_muc?: string;
  tac_gia?: string;
  tu?: string;
  den?: string;
  q?: string;
  sap_xep?: string;
}

export function ArticleListPage({ frame, rows, query, categories, authors, nextHref, firstHref, canCreate }: {
  frame: AdminFrame;
  rows: AdminListRow[];
  query: ListQuery;
  categories: CategoryRow[];
  authors: SiteMember[];
  nextHref: string | null;
  firstHref: string | null;
  canCreate: boolean;
}) {
  const catName = new Map(categories.map((c) => [c.id, c.name]));
  return (
    <AdminLayout frame={frame} title="Bài viết">
      <div class="page-head">
        <h1>Bài viết</h1>
        {canCreate && <a class="button primary" href="/quan-tri/bai-viet/moi">Viết bài mới</a>}
      </div>
      <form method="get" action="/quan-tri/bai-viet" class="filters" role="search" aria-label="Lọc bài viết">
        <div class="field">
          <label for="q">Tiêu đề có chứa</label>
          <input id="q" name="q" type="search" value={query.q ?? ''} maxLength={200} />
        </div>
        <div class="field">
          <label for="trang_thai">Trạng thái</label>
          <select id="trang_thai" name="trang_thai">
            <option value="">Tất cả</option>
            {STATUSES.map((s) => <option value={s} selected={query.trang_thai === s}>{STATUS_NAMES[s]}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="chuyen_muc">Chuyên mục</label>
          <select id="chuyen_muc" name="chuyen_muc">
            <option value="">Tất cả</option>
            {categories.map((c) => <option value={String(c.id)} selected={query.chuyen_muc === String(c.id)}>{c.name}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="tac_gia">Người viết</label>
          <select id="tac_gia" name="tac_gia">
            <option value="">Tất cả</option>
            {authors.map((u) => <option value={String(u.id)} selected={query.tac_gia === String(u.id)}>{u.display_name}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="tu">Xuất bản từ ngày</label>
          <input id="tu" name="tu" type="date" value={query.tu ?? ''} />
        </div>
        <div class="field">
          <label for="den">đến ngày</label>
          <input id="den" name="den" type="date" value={query.den ?? ''} />
        </div>
        <div class="field">
          <label for="sap_xep">Sắp xếp</label>
          <select id="sap_xep" name="sap_xep">
            <option value="">Sửa gần nhất</option>
            <option value="xuat-ban" selected={query.sap_xep === 'xuat-ban'}>Ngày xuất bản</option>
            <option value="tieu-de" selected={query.sap_xep === 'tieu-de'}>Tiêu đề (A–Z)</option>
          </select>
        </div>
        <button type="submit">Lọc</button>
      </form>
      {rows.length === 0 ? (
        <p class="empty">Không có bài viết nào phù hợp.</p>
      ) : (
        <table class="data-table">
          <caption class="visually-hidden">Danh sách bài viết</caption>
          <thead>
            <tr>
              <th scope="col">Tiêu đề</th>
              <th scope="col">Chuyên mục</th>
              <th scope="col">Người viết</th>
              <th scope="col">Trạng thái</th>
              <th scope="col">Xuất bản</th>
              <th scope="col">Sửa lần cuối</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td><a href={`/quan-tri/bai-viet/${r.id}`}>{r.title}</a></td>
                <td>{catName.get(r.category_id) ?? ''}</td>
                <td>{r.author_name ?? 'Dữ liệu cũ'}</td>
                <td><span class={`status status-${r.status}`}>{STATUS_NAMES[r.status]}</span></td>
                <td>{formatDateTime(r.published_at)}</td>
                <td>{formatDateTime(r.updated_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav class="pager" aria-label="Phân trang">
        {firstHref && <a href={firstHref}>« Về đầu danh sách</a>}
        {nextHref ? <a href={nextHref} rel="next">Trang sau »</a> : rows.length > 0 && <span class="muted">Đã hết danh sách.</span>}
      </nav>
    </AdminLayout>
  );
}
