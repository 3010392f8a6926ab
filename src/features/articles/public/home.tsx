import type { ArticleSummary } from '../repo.js';
import type { CategoryRow } from '../../../kernel/db/schema.js';
import { formatDateTime } from '../../../kernel/lib/format.js';
import type { Frame } from '../../../kernel/views/public/frame.js';
import { urls } from '../../../kernel/http/urls.js';
import { ArticleItem, TitleList } from './article-list.js';
import { Layout } from '../../../kernel/views/public/layout.js';
import type { ResponsiveImage } from '../../media/present.js';
import { Picture } from '../../media/public/picture.js';

export interface HomeData {
  featured: ArticleSummary | null;
  latest: ArticleSummary[];
  blocks: { category: CategoryRow; items: ArticleSummary[] }[];
  /** Cover images of the articles shown, by media id (one query for the whole page). */
  covers: Map<number, ResponsiveImage>;
  /** The featured cover at its larger size. */
  featuredCover?: ResponsiveImage;
}

/** How wide the featured cover is shown: the content column (app.css `.featured-cover`). */
export const FEATURED_SIZES = '(max-width: 900px) 100vw, 40rem';

export function HomePage({ frame, data }: { frame: Frame; data: HomeData }) {
  const { featured, latest, blocks, covers, featuredCover } = data;
  const thumb = (a: ArticleSummary) => (a.cover_media_id === null ? undefined : covers.get(a.cover_media_id));
  return (
    <Layout
      frame={frame}
      meta={{ title: frame.site.name, canonicalPath: '/', description: `${frame.site.name} - ${frame.site.settings.tagline}`, current: 'home' }}
    >
      <h1 class="visually-hidden">{frame.site.name}</h1>
      {featured && (
        <section class="featured" aria-labelledby="tin-noi-bat">
          <h2 id="tin-noi-bat" class="section-title">Tin nổi bật</h2>
          <article class={featuredCover ? 'featured-article has-cover' : 'featured-article'}>
            {featuredCover && <Picture image={featuredCover} alt={featured.cover_alt} class="featured-cover" lazy={false} />}
            <h3 class="featured-title"><a href={urls.article(featured)}>{featured.title}</a></h3>
            <p class="item-date"><time dateTime={featured.published_at}>{formatDateTime(featured.published_at)}</time></p>
            <p class="featured-sapo">{featured.sapo}</p>
          </article>
        </section>
      )}
      <section aria-labelledby="tin-moi" class="latest">
        <h2 id="tin-moi" class="section-title">Tin mới nhất</h2>
        {latest.map((a) => <ArticleItem a={a} thumb={thumb(a)} />)}
      </section>
      <div class="blocks">
        {blocks.map(({ category, items }) => (
          <section class="block" aria-labelledby={`cm-${category.slug}`}>
            <h2 id={`cm-${category.slug}`} class="section-title">
              <a href={urls.category(category.slug)}>{category.name}</a>
            </h2>
            {items[0] && <ArticleItem a={items[0]} thumb={thumb(items[0])} />}
            <TitleList items={items.slice(1)} />
          </section>
        ))}
      </div>
    </Layout>
  );
}
