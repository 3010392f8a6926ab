import type { ArticleSummary } from '../repo.js';
import type { CategoryRow } from '../../../kernel/db/schema.js';
import { formatDateTime } from '../../../kernel/lib/format.js';
import type { Frame } from '../../../kernel/views/public/frame.js';
import { urls } from '../../../kernel/http/urls.js';
import { ArticleItem, TitleList } from './article-list.js';
import { Layout } from '../../../kernel/views/public/layout.js';

export interface HomeData {
  featured: ArticleSummary | null;
  latest: ArticleSummary[];
  blocks: { category: CategoryRow; items: ArticleSummary[] }[];
}

export function HomePage({ frame, data }: { frame: Frame; data: HomeData }) {
  const { featured, latest, blocks } = data;
  return (
    <Layout
      frame={frame}
      meta={{ title: frame.site.name, canonicalPath: '/', description: `${frame.site.name} - ${frame.site.settings.tagline}`, current: 'home' }}
    >
      <h1 class="visually-hidden">{frame.site.name}</h1>
      {featured && (
        <section class="featured" aria-labelledby="tin-noi-bat">
          <h2 id="tin-noi-bat" class="section-title">Tin nổi bật</h2>
          <article class="featured-article">
            <h3 class="featured-title"><a href={urls.article(featured)}>{featured.title}</a></h3>
            <p class="item-date"><time dateTime={featured.published_at}>{formatDateTime(featured.published_at)}</time></p>
            <p class="featured-sapo">{featured.sapo}</p>
          </article>
        </section>
      )}
      <section aria-labelledby="tin-moi" class="latest">
        <h2 id="tin-moi" class="section-title">Tin mới nhất</h2>
        {latest.map((a) => <ArticleItem a={a} />)}
      </section>
      <div class="blocks">
        {blocks.map(({ category, items }) => (
          <section class="block" aria-labelledby={`cm-${category.slug}`}>
            <h2 id={`cm-${category.slug}`} class="section-title">
              <a href={urls.category(category.slug)}>{category.name}</a>
            </h2>
            {items[0] && <ArticleItem a={items[0]} />}
            <TitleList items={items.slice(1)} />
          </section>
        ))}
      </div>
    </Layout>
  );
}
