import type { ArticleSummary } from '../repo.js';
import type { CategoryRow } from '../../../kernel/db/schema.js';
import type { Frame } from '../../../kernel/views/public/frame.js';
import { urls } from '../../../kernel/http/urls.js';
import { ArticleItem, Pagination } from './article-list.js';
import { Layout } from '../../../kernel/views/public/layout.js';
import type { ResponsiveImage } from '../../media/present.js';

export function CategoryPage({ frame, category, items, covers, page, pages, total }: {
  frame: Frame;
  category: CategoryRow;
  items: ArticleSummary[];
  /** Cover images of the items, by media id. */
  covers: Map<number, ResponsiveImage>;
  page: number;
  pages: number;
  total: number;
}) {
  const title = page > 1 ? `${category.name} - Trang ${page}` : category.name;
  return (
    <Layout
      frame={frame}
      meta={{ title, canonicalPath: urls.category(category.slug, page), current: `cat:${category.slug}`, description: `Tin bài chuyên mục ${category.name} - ${frame.site.name}` }}
      crumbs={[{ name: 'Trang chủ', href: '/' }, { name: category.name, href: urls.category(category.slug) }]}
    >
      <h1 class="page-title">{category.name}</h1>
      <p class="muted">
        {total === 0 ? 'Chuyên mục chưa có bài viết.' : `${total} bài viết · Trang ${page}/${pages}`}{' '}
        <a href={urls.categoryFeed(category.slug)}>RSS</a>
      </p>
      <div class="list">{items.map((a) => <ArticleItem a={a} headingLevel={2} thumb={a.cover_media_id === null ? undefined : covers.get(a.cover_media_id)} />)}</div>
      <Pagination page={page} pages={pages} href={(n) => urls.category(category.slug, n)} />
    </Layout>
  );
}
