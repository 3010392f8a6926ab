import type { ArticleRow } from '../../../kernel/db/schema.js';
import type { AssetManifest } from '../../../kernel/http/assets.js';
import { urls } from '../../../kernel/http/urls.js';
import { formatDateTime } from '../../../kernel/lib/format.js';
import { SanitizedBody } from '../../../kernel/views/public/trusted-html.js';

/**
 * "In bài viết" without JavaScript: the article alone (no menu, sidebar, comments), with its
 * address, for the browser's own Print command. Nghị định 42/2022 Điều 7 k1: information on a
 * portal can be printed and kept. With JavaScript, the button prints at once (src/client/app.ts).
 */
export function ArticlePrintPage({ siteName, assets, origin, article }: { siteName: string; assets: AssetManifest; origin: string; article: ArticleRow }) {
  const path = urls.article(article);
  const url = origin + path;
  return (
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`In bài viết: ${article.title} - ${siteName}`}</title>
        <link rel="canonical" href={url} />
        <link rel="icon" href={assets.url('favicon.svg')} type="image/svg+xml" />
        <link rel="stylesheet" href={assets.url('app.css')} />
        <script type="module" src={assets.url('app.js')} />
      </head>
      <body class="article-print">
        <header class="article-print-header">
          <p class="article-print-site">{siteName}</p>
        </header>
        <main id="noi-dung">
          <article class="article">
            <h1 class="article-title">{article.title}</h1>
            <p class="article-meta">
              <time dateTime={article.published_at}>{formatDateTime(article.published_at)}</time>
            </p>
            {article.sapo && <p class="article-sapo">{article.sapo}</p>}
            <SanitizedBody className="article-body" html={article.body_html} />
            {(article.author || article.source) && (
              <p class="article-byline">
                {article.author && <span class="author">{article.author}</span>}
                {article.source && <span class="source">Nguồn: {article.source}</span>}
              </p>
            )}
            <p class="article-print-address">Địa chỉ bài viết: <a href={url}>{url}</a></p>
          </article>
          <p class="article-print-tools no-print">
            <button type="button" class="js-only" data-print>In trang này</button>
            <span>Dùng lệnh In của trình duyệt (Ctrl+P) để in trang này.</span>
            <a href={path}>Quay lại bài viết</a>
          </p>
        </main>
      </body>
    </html>
  );
}
