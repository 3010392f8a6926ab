import type { ArticleSummary } from '../repo.js';
import type { ArticleRow, CategoryRow } from '../../../kernel/db/schema.js';
import { formatDateTime } from '../../../kernel/lib/format.js';
import type { PublicComment } from '../../comments/repo.js';
import { CommentsSection } from '../../comments/public/comments-section.js';
import { aggregateRatingLd, RatingBlock } from '../../ratings/rating-block.js';
import type { ResponsiveImage } from '../../media/present.js';
import type { Frame } from '../../../kernel/views/public/frame.js';
import { urls } from '../../../kernel/http/urls.js';
import { articlePaths } from '../paths.js';
import { TitleList } from './article-list.js';
import { Layout } from '../../../kernel/views/public/layout.js';
import { SanitizedBody } from '../../../kernel/views/public/trusted-html.js';

export function ArticlePage({ frame, article, category, related, comments, cover, ownStars }: {
  frame: Frame;
  article: ArticleRow;
  category: CategoryRow;
  related: ArticleSummary[];
  /** Published comments (src/features/comments); absent in the back-office preview. */
  comments?: PublicComment[];
  /** The cover image from the library, when the article has one. */
  cover?: ResponsiveImage;
  /** The reader's own rating (the uncached page after a vote without JavaScript); never on the cached page. */
  ownStars?: number;
}) {
  const path = urls.article(article);
  const url = frame.origin + path;
  const crumbs = [
    { name: 'Trang chủ', href: '/' },
    { name: category.name, href: urls.category(category.slug) },
    { name: article.title, href: path },
  ];
  return (
    <Layout
      frame={frame}
      meta={{
        title: article.title,
        description: article.sapo || undefined,
        canonicalPath: path,
        ogType: 'article',
        publishedTime: article.published_at,
        current: `cat:${category.slug}`,
        jsonLd: [{ ...newsArticleLd(frame, article, category, url), ...(cover ? { image: frame.origin + cover.src } : {}), ...aggregateRatingLd(article) }],
        // Rating and comment form (src/features/ratings, src/features/comments): script and styles.
        scripts: ['interact.js'],
        styles: ['interact.css'],
      }}
      crumbs={crumbs}
    >
      <article class="article" data-article-id={String(article.id)}>
        <header>
          <h1 class="article-title">{article.title}</h1>
          <p class="article-meta">
            <time dateTime={article.published_at}>{formatDateTime(article.published_at)}</time>
            {/* Filled in by the visit beacon's answer (per-visitor numbers stay out of cached HTML). */}
            {frame.counters?.showArticleViews && <span class="article-views" data-article-views hidden>Lượt xem: <span data-stat="views"></span></span>}
          </p>
          <ArticleTools url={url} title={article.title} savePath={articlePaths.save(article)} printPath={articlePaths.print(article)} />
        </header>
        <div class="article-content" data-font-target>
          {article.sapo && <p class="article-sapo">{article.sapo}</p>}
          {cover && <CoverImage image={cover} alt={article.cover_alt} />}
          <SanitizedBody className="article-body" html={article.body_html} />
          {(article.author || article.source) && (
            <p class="article-byline">
              {article.author && <span class="author">{article.author}</span>}
              {article.source && <span class="source">Nguồn: {article.source}</span>}
            </p>
          )}
        </div>
      </article>
      {/* Citizen interaction (src/features/ratings, src/features/comments): the rating block, then the comments. */}
      <RatingBlock article={article} archived={!!frame.site.archivedAt} ownStars={ownStars} />
      {comments && <CommentsSection frame={frame} article={article} comments={comments} />}
      {related.length > 0 && (
        <section class="related" aria-labelledby="tin-lien-quan">
          <h2 id="tin-lien-quan" class="section-title">Tin cùng chuyên mục</h2>
          <TitleList items={related} />
        </section>
      )}
    </Layout>
  );
}

/**
 * Save, print, share and text-size tools. Saving and printing are links that work without JS (the
 * PDF file, the print view); with JS, "In bài viết" prints this page at once. The other buttons
 * need JS and stay hidden without it. nofollow: crawlers have the article itself.
 */
function ArticleTools({ url, title, savePath, printPath }: { url: string; title: string; savePath: string; printPath: string }) {
  const u = encodeURIComponent(url);
  return (
    <div class="article-tools">
      <div class="font-size js-only" role="group" aria-label="Cỡ chữ">
        {/* The visible text starts the accessible name (WCAG 2.5.3, label in name). */}
        <button type="button" data-font="-1" title="Giảm cỡ chữ">A-<span class="visually-hidden"> (giảm cỡ chữ)</span></button>
        <button type="button" data-font="0" title="Cỡ chữ mặc định">A<span class="visually-hidden"> (cỡ chữ mặc định)</span></button>
        <button type="button" data-font="1" title="Tăng cỡ chữ">A+<span class="visually-hidden"> (tăng cỡ chữ)</span></button>
      </div>
      <ul class="keep" aria-label="Lưu và in">
        <li><a href={savePath} rel="nofollow" download>Lưu bài viết<span class="visually-hidden"> (tệp PDF)</span></a></li>
        <li><a href={printPath} rel="nofollow" data-print>In bài viết</a></li>
      </ul>
      <ul class="share" aria-label="Chia sẻ">
        <li><a href={`https://www.facebook.com/sharer/sharer.php?u=${u}`} rel="noopener noreferrer" target="_blank">Facebook<span class="visually-hidden"> (mở cửa sổ mới)</span></a></li>
        <li><a href={`https://zalo.me/share?url=${u}&title=${encodeURIComponent(title)}`} rel="noopener noreferrer" target="_blank">Zalo<span class="visually-hidden"> (mở cửa sổ mới)</span></a></li>
        <li class="js-only"><button type="button" data-copy-link={url}>Sao chép liên kết</button></li>
      </ul>
      <p class="copy-status visually-hidden" aria-live="polite" data-copy-status></p>
    </div>
  );
}

/** The cover: WebP copies first for browsers that take them, the original format otherwise. */
function CoverImage({ image, alt }: { image: ResponsiveImage; alt: string }) {
  return (
    <figure class="article-cover">
      <picture>
        {image.webpSrcset && <source type="image/webp" srcSet={image.webpSrcset} sizes={image.sizes} />}
        <img src={image.src} srcSet={image.srcset || undefined} sizes={image.srcset ? image.sizes : undefined} width={image.width || undefined} height={image.height || undefined} alt={alt} decoding="async" fetchPriority="high" />
      </picture>
    </figure>
  );
}

function newsArticleLd(frame: Frame, a: ArticleRow, category: CategoryRow, url: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.title.slice(0, 110),
    description: a.sapo || undefined,
    datePublished: a.published_at,
    dateModified: a.updated_at,
    articleSection: category.name,
    inLanguage: 'vi',
    mainEntityOfPage: url,
    author: a.author ? { '@type': 'Person', name: a.author } : { '@type': 'Organization', name: frame.site.name },
    publisher: { '@type': 'GovernmentOrganization', name: frame.site.settings.publisher.agency },
  };
}
