import type { ArticleSummary } from '../repo.js';
import { formatDate, formatDateTime } from '../../../kernel/lib/format.js';
import { urls } from '../../../kernel/http/urls.js';
import type { ResponsiveImage } from '../../media/present.js';
import { Picture } from '../../media/public/picture.js';

/** How wide a list thumbnail is shown (app.css `.item-thumb`). */
export const THUMB_SIZES = '(max-width: 600px) 7.5rem, 10rem';

/**
 * One article of a list. The thumbnail repeats what the title beside it says, so its alt is
 * empty (WCAG H67); the cover's own description is read on the article's page.
 */
export function ArticleItem({ a, headingLevel = 3, thumb }: { a: ArticleSummary; headingLevel?: 2 | 3; thumb?: ResponsiveImage }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article class={thumb ? 'item has-thumb' : 'item'}>
      {thumb && <Picture image={thumb} alt="" class="item-thumb" />}
      <H class="item-title"><a href={urls.article(a)}>{a.title}</a></H>
      <p class="item-date"><time dateTime={a.published_at}>{formatDateTime(a.published_at)}</time></p>
      {a.sapo && <p class="item-sapo">{a.sapo}</p>}
    </article>
  );
}

export function TitleList({ items }: { items: ArticleSummary[] }) {
  return (
    <ul class="title-list">
      {items.map((a) => (
        <li>
          <a href={urls.article(a)}>{a.title}</a>{' '}
          <time class="muted" dateTime={a.published_at}>({formatDate(a.published_at)})</time>
        </li>
      ))}
    </ul>
  );
}

/** Numbered pagination: « Trước 1 … 4 5 [6] 7 8 … 12 Sau » */
export function Pagination({ page, pages, href }: { page: number; pages: number; href: (n: number) => string }) {
  if (pages <= 1) return null;
  const shown = new Set<number>([1, pages]);
  for (let n = page - 2; n <= page + 2; n++) if (n >= 1 && n <= pages) shown.add(n);
  const list = [...shown].sort((a, b) => a - b);
  const out: preact.JSX.Element[] = [];
  list.forEach((n, i) => {
    if (i > 0 && n - list[i - 1]! > 1) out.push(<li class="gap" aria-hidden="true">…</li>);
    out.push(
      <li>
        {n === page ? (
          <span aria-current="page" class="current"><span class="visually-hidden">Trang </span>{n}</span>
        ) : (
          <a href={href(n)}><span class="visually-hidden">Trang </span>{n}</a>
        )}
      </li>,
    );
  });
  return (
    <nav class="pagination" aria-label="Phân trang">
      <ul>
        {page > 1 && <li><a href={href(page - 1)} rel="prev">« Trước</a></li>}
        {out}
        {page < pages && <li><a href={href(page + 1)} rel="next">Sau »</a></li>}
      </ul>
    </nav>
  );
}
