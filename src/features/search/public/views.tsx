import type { ArticleSummary } from '../../articles/repo.js';
import type { CategoryRow } from '../../../kernel/db/schema.js';
import { formatDate, formatDateTime, formatNumber } from '../../../kernel/lib/format.js';
import type { Frame } from '../../../kernel/views/public/frame.js';
import { urls } from '../../../kernel/http/urls.js';
import { Pagination, TitleList } from '../../articles/public/article-list.js';
import { Layout } from '../../../kernel/views/public/layout.js';
import { PAGE_SIZE, type SearchResults } from '../engine.js';
import type { TextPart } from '../highlight.js';
import { MAX_QUERY_LENGTH } from '../../../kernel/search/query.js';
import type { SectionResults } from '../../../kernel/search/groups.js';
import { SEARCH_PATH } from '../../../kernel/views/public/search-box.js';

/** The search page, /tim-kiem: the form with its filters, the count, the results, pagination. */

export interface SearchForm {
  q: string;
  category: string;
  from: string;
  to: string;
  errors: { q?: string; from?: string; to?: string };
}

export function searchHref(form: Pick<SearchForm, 'q' | 'category' | 'from' | 'to'>, page = 1): string {
  const p = new URLSearchParams({ q: form.q });
  if (form.category) p.set('chuyen_muc', form.category);
  if (form.from) p.set('tu', form.from);
  if (form.to) p.set('den', form.to);
  if (page > 1) p.set('trang', String(page));
  return `${SEARCH_PATH}?${p.toString()}`;
}

function Marked({ parts }: { parts: TextPart[] }) {
  return <>{parts.map((p) => (p.match ? <mark>{p.text}</mark> : p.text))}</>;
}

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? <p id={id} class="field-error">{message}</p> : null;
}

export function SearchPage({ frame, form, results, sections = [], latest }: {
  frame: Frame;
  form: SearchForm;
  results: SearchResults | null;
  sections?: SectionResults[];
  latest: ArticleSummary[];
}) {
  const title = results ? `Tìm kiếm: ${form.q}` : 'Tìm kiếm';
  return (
    <Layout
      frame={frame}
      meta={{ title, canonicalPath: SEARCH_PATH, noindex: true, description: `Tìm kiếm bài viết trên ${frame.site.name}` }}
      crumbs={[{ name: 'Trang chủ', href: '/' }, { name: 'Tìm kiếm', href: SEARCH_PATH }]}
    >
      <h1 class="page-title">Tìm kiếm</h1>
      <Filters form={form} categories={frame.categories} />
      {sections.map((s, i) => <SectionGroup group={s} index={i} />)}
      {results && (results.total > 0 || sections.length === 0) && <Results form={form} results={results} />}
      {latest.length > 0 && (
        <section aria-labelledby="bai-moi-nhat">
          <h2 id="bai-moi-nhat" class="section-title">Bài viết mới nhất</h2>
          <TitleList items={latest} />
        </section>
      )}
    </Layout>
  );
}

function Filters({ form, categories }: { form: SearchForm; categories: CategoryRow[] }) {
  const { errors } = form;
  return (
    <form role="search" action={SEARCH_PATH} method="get" class="search-form" aria-label="Tìm kiếm bài viết">
      <p class="field">
        <label for="q">Từ khoá</label>
        <input
          id="q" type="search" name="q" value={form.q} maxLength={MAX_QUERY_LENGTH}
          aria-invalid={errors.q ? 'true' : undefined} aria-describedby={errors.q ? 'q-loi' : 'q-goi-y'}
        />
        <FieldError id="q-loi" message={errors.q} />
        {!errors.q && <small id="q-goi-y" class="muted">Gõ có dấu hoặc không dấu; đặt cụm từ trong ngoặc kép để tìm đúng cụm, ví dụ "dân vận khéo".</small>}
      </p>
      <p class="field">
        <label for="chuyen-muc">Chuyên mục</label>
        <select id="chuyen-muc" name="chuyen_muc">
          <option value="">Tất cả chuyên mục</option>
          {categories.map((c) => <option value={c.slug} selected={c.slug === form.category}>{c.name}</option>)}
        </select>
      </p>
      <p class="field">
        <label for="tu">Từ ngày</label>
        <input id="tu" type="date" name="tu" value={form.from} aria-invalid={errors.from ? 'true' : undefined} aria-describedby={errors.from ? 'tu-loi' : undefined} />
        <FieldError id="tu-loi" message={errors.from} />
      </p>
      <p class="field">
        <label for="den">Đến ngày</label>
        <input id="den" type="date" name="den" value={form.to} aria-invalid={errors.to ? 'true' : undefined} aria-describedby={errors.to ? 'den-loi' : undefined} />
        <FieldError id="den-loi" message={errors.to} />
      </p>
      <p><button type="submit">Tìm kiếm</button></p>
    </form>
  );
}

/** A few matches from another section, above the news results. */
function SectionGroup({ group, index }: { group: SectionResults; index: number }) {
  const id = `ket-qua-muc-${index + 1}`;
  return (
    <section class="search-section" aria-labelledby={id}>
      <h2 id={id} class="section-title">{group.heading} ({formatNumber(group.total)})</h2>
      <ul class="list">
        {group.items.map((item) => (
          <li class="item">
            <h3 class="item-title"><a href={item.href}>{item.title}</a></h3>
            {item.meta && <p class="item-date">{item.meta}</p>}
          </li>
        ))}
      </ul>
      {group.moreHref && group.total > group.items.length && <p><a href={group.moreHref}>Xem tất cả {formatNumber(group.total)} kết quả trong mục {group.heading}</a></p>}
    </section>
  );
}

function Results({ form, results }: { form: SearchForm; results: SearchResults }) {
  const { total, capped, page, pages, hits } = results;
  if (total === 0) {
    return (
      <section class="search-empty" aria-labelledby="ket-qua">
        <h2 id="ket-qua" class="section-title">Không tìm thấy kết quả nào cho “{form.q}”</h2>
        <p>Hãy kiểm tra lại chính tả, thử từ khoá ngắn hơn hoặc khác đi, hoặc bỏ bớt bộ lọc chuyên mục và ngày.</p>
      </section>
    );
  }
  const first = (page - 1) * PAGE_SIZE + 1;
  return (
    <section class="search-results" aria-labelledby="ket-qua">
      <h2 id="ket-qua" class="section-title">Kết quả tìm kiếm</h2>
      <p class="search-count">
        Tìm thấy {capped ? 'hơn ' : ''}{formatNumber(total)} kết quả cho “{form.q}”
        {pages > 1 && ` · hiển thị ${formatNumber(first)}–${formatNumber(first + hits.length - 1)}, trang ${formatNumber(page)}/${formatNumber(pages)}`}
      </p>
      <ol class="list" start={first}>
        {hits.map((h) => (
          <li class="item">
            <h3 class="item-title"><a href={urls.article(h)}><Marked parts={h.titleParts} /></a></h3>
            <p class="item-date">
              <time dateTime={h.published_at} title={formatDateTime(h.published_at)}>{formatDate(h.published_at)}</time>
              {' · '}
              <a href={urls.category(h.category_slug)}>{h.category_name}</a>
            </p>
            {h.snippet.length > 0 && <p class="item-sapo"><Marked parts={h.snippet} /></p>}
          </li>
        ))}
      </ol>
      <Pagination page={page} pages={pages} href={(n) => searchHref(form, n)} />
    </section>
  );
}
