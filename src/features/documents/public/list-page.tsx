import type { Frame } from '../../../kernel/views/public/frame.js';
import { Pagination } from '../../articles/public/article-list.js';
import { Layout } from '../../../kernel/views/public/layout.js';
import type { DocumentTypeRow } from '../../../kernel/db/tables/documents.js';
import type { DocumentListItem } from '../repo.js';
import { shortDay, STATUS_NAMES } from '../present.js';
import { documentUrls } from '../urls.js';

/** The list's filters as typed (strings) and what the search box reported. */
export interface ListForm {
  q: string;
  type: string;
  issuer: string;
  field: string;
  year: string;
  error?: string;
}

export function listHref(form: ListForm, page = 1): string {
  const p = new URLSearchParams();
  if (form.q) p.set('q', form.q);
  if (form.type) p.set('loai', form.type);
  if (form.issuer) p.set('co_quan', form.issuer);
  if (form.field) p.set('linh_vuc', form.field);
  if (form.year) p.set('nam', form.year);
  if (page > 1) p.set('trang', String(page));
  const s = p.toString();
  return s ? `${documentUrls.list()}?${s}` : documentUrls.list();
}

export function DocumentListPage({ frame, form, types, options, items, total, page, pages }: {
  frame: Frame;
  form: ListForm;
  types: DocumentTypeRow[];
  options: { issuers: string[]; fields: string[]; years: number[] };
  items: DocumentListItem[];
  total: number;
  page: number;
  pages: number;
}) {
  const filtered = !!(form.q || form.type || form.issuer || form.field || form.year);
  return (
    <Layout
      frame={frame}
      meta={{ title: page > 1 ? `Văn bản - Trang ${page}` : 'Văn bản', canonicalPath: listHref(form, page), current: 'sec:van-ban', description: `Văn bản chỉ đạo, điều hành của ${frame.site.settings.publisher.agency}`, noindex: filtered }}
      crumbs={[{ name: 'Trang chủ', href: '/' }, { name: 'Văn bản', href: documentUrls.list() }]}
    >
      <h1 class="page-title">Văn bản</h1>
      <form action={documentUrls.list()} method="get" class="search-form document-filters" aria-label="Tìm và lọc văn bản">
        <p class="field">
          <label for="vb-q">Số, ký hiệu hoặc trích yếu</label>
          <input id="vb-q" type="search" name="q" value={form.q} maxLength={200} aria-invalid={form.error ? 'true' : undefined} aria-describedby={form.error ? 'vb-q-loi' : 'vb-q-goi-y'} />
          {form.error ? <span id="vb-q-loi" class="field-error">{form.error}</span> : <small id="vb-q-goi-y" class="muted">Ví dụ: 22-NQ/TW, "22 nq tw", QĐ-UBND, chuyển đổi số.</small>}
        </p>
        <p class="field">
          <label for="vb-loai">Loại văn bản</label>
          <select id="vb-loai" name="loai">
            <option value="">Tất cả</option>
            {types.map((t) => <option value={String(t.id)} selected={form.type === String(t.id)}>{t.name}</option>)}
          </select>
        </p>
        <p class="field">
          <label for="vb-co-quan">Cơ quan ban hành</label>
          <select id="vb-co-quan" name="co_quan">
            <option value="">Tất cả</option>
            {options.issuers.map((x) => <option value={x} selected={form.issuer === x}>{x}</option>)}
          </select>
        </p>
        <p class="field">
          <label for="vb-linh-vuc">Lĩnh vực</label>
          <select id="vb-linh-vuc" name="linh_vuc">
            <option value="">Tất cả</option>
            {options.fields.map((x) => <option value={x} selected={form.field === x}>{x}</option>)}
          </select>
        </p>
        <p class="field">
          <label for="vb-nam">Năm ban hành</label>
          <select id="vb-nam" name="nam">
            <option value="">Tất cả</option>
            {options.years.map((y) => <option value={String(y)} selected={form.year === String(y)}>{y}</option>)}
          </select>
        </p>
        <p><button type="submit">Tìm văn bản</button>{filtered && <> <a href={documentUrls.list()}>Bỏ lọc</a></>}</p>
      </form>
      <p class="muted">
        {total === 0 ? (filtered ? 'Không có văn bản nào phù hợp.' : 'Chưa có văn bản nào.') : `${total} văn bản${pages > 1 ? ` · Trang ${page}/${pages}` : ''}`}{' '}
        <a href={documentUrls.feed()}>RSS</a>
      </p>
      <ul class="document-list">
        {items.map((d) => <DocumentItem d={d} />)}
      </ul>
      <Pagination page={page} pages={pages} href={(n) => listHref(form, n)} />
    </Layout>
  );
}

export function DocumentItem({ d }: { d: DocumentListItem }) {
  return (
    <li class="document-item">
      <h2 class="item-title"><a href={documentUrls.document(d)}>{d.type_name} số {d.number}</a></h2>
      <p class="document-summary">{d.title}</p>
      <p class="item-date">
        Ban hành <time dateTime={d.issued_on}>{shortDay(d.issued_on)}</time> · {d.issuer}
        {' · '}<span class={`document-status status-${d.status}`}>{STATUS_NAMES[d.status]}</span>
      </p>
    </li>
  );
}
