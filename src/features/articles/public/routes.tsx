import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  countPublished,
  findCategoryBySlug,
  findPage,
  findPublishedArticle,
  findPublishedByLegacyId,
  lastContentChange,
  listCategories,
  listFeatured,
  listPublished,
  listRelated,
} from '../repo.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { coverOf } from '../../media/cover.js';
import { responsiveImages } from '../../media/responsive-body.js';
import { linkDocumentNumbers } from '../../documents/linker.js';
import { listPublished as listComments } from '../../comments/repo.js';
import { PageCache, sendEntry, type Rendered } from '../../../kernel/http/page-cache.js';
import { frameFor, htmlPage, originOf, permanentRedirect } from '../../../kernel/http/render.js';
import { urls } from '../../../kernel/http/urls.js';
import { ArticlePage } from './article.js';
import { CategoryPage } from './category.js';
import { HomePage } from './home.js';
import { StaticPage } from '../../pages/public/static-page.js';

export const PAGE_SIZE = 8;

type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<Rendered>;

/** Wraps a renderer so that its output is served from, and stored in, the page cache. */
export function cached(app: FastifyInstance, render: Handler) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?', 1)[0]!;
    const key = PageCache.key(request.site.id, originOf(request), path);
    const entry = await app.cong.pageCache.getOrRender(key, () => render(request, reply));
    return sendEntry(request, reply, entry);
  };
}

export async function publicRoutes(app: FastifyInstance): Promise<void> {
  const ctx = app.cong;
  const now = () => ctx.now().toISOString();

  app.get('/', cached(app, async (request) => {
    const site = request.site;
    const t = now();
    const [frame, featured, latest, categories, changed] = await Promise.all([
      frameFor(ctx, request),
      listFeatured(ctx.db, site.id, t, 1),
      listPublished(ctx.db, site.id, t, { limit: 7 }),
      listCategories(ctx.db, site.id),
      lastContentChange(ctx.db, site.id, t),
    ]);
    const top = featured[0] ?? latest[0] ?? null;
    const blocks = await Promise.all(
      categories.map(async (category) => ({
        category,
        items: await listPublished(ctx.db, site.id, t, { categoryId: category.id, limit: 4 }),
      })),
    );
    return htmlPage(
      <HomePage
        frame={frame}
        data={{ featured: top, latest: latest.filter((a) => a.id !== top?.id).slice(0, 6), blocks: blocks.filter((b) => b.items.length) }}
      />,
      changed,
    );
  }));

  const categoryPage: Handler = async (request) => {
    const { slug, page: pageParam } = request.params as { slug: string; page?: string };
    const site = request.site;
    let page = 1;
    if (pageParam !== undefined) {
      const m = /^trang-(\d{1,6})$/.exec(pageParam);
      if (!m) throw new AppError('not_found');
      page = Number(m[1]);
      if (page === 1) return permanentRedirect(urls.category(slug));
      if (page < 1) throw new AppError('not_found');
    }
    const category = await findCategoryBySlug(ctx.db, site.id, slug);
    if (!category) throw new AppError('not_found');
    const t = now();
    const total = await countPublished(ctx.db, site.id, t, category.id);
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (page > pages) throw new AppError('not_found');
    const [frame, items] = await Promise.all([
      frameFor(ctx, request),
      listPublished(ctx.db, site.id, t, { categoryId: category.id, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    ]);
    return htmlPage(<CategoryPage frame={frame} category={category} items={items} page={page} pages={pages} total={total} />);
  };
  app.get('/chuyen-muc/:slug', cached(app, categoryPage));
  app.get('/chuyen-muc/:slug/:page', cached(app, categoryPage));

  app.get('/bai-viet/:slugId', cached(app, async (request) => {
    const { slugId } = request.params as { slugId: string };
    const m = /^(?:(.*)-)?(\d{1,12})$/.exec(slugId);
    if (!m) throw new AppError('not_found');
    const site = request.site;
    const t = now();
    const article = await findPublishedArticle(ctx.db, site.id, Number(m[2]), t);
    if (!article) throw new AppError('not_found');
    if (m[1] !== article.slug) return permanentRedirect(urls.article(article));
    const categories = await listCategories(ctx.db, site.id);
    const category = categories.find((c) => c.id === article.category_id)!;
    const [frame, related, comments, body_html, cover] = await Promise.all([frameFor(ctx, request), listRelated(ctx.db, article, t, 5), listComments(ctx.db, site.id, article.id), linkDocumentNumbers(ctx.db, site.id, article.body_html).then((html) => responsiveImages(ctx.db, site.id, html)), coverOf(ctx.db, article)]);
    return htmlPage(<ArticlePage frame={frame} article={{ ...article, body_html }} category={category} related={related} comments={comments} cover={cover} />, article.updated_at);
  }));

  app.get('/trang/:slug', cached(app, async (request) => {
    const { slug } = request.params as { slug: string };
    const page = await findPage(ctx.db, request.site.id, slug);
    if (!page) throw new AppError('not_found');
    return htmlPage(<StaticPage frame={await frameFor(ctx, request)} page={page} />, page.updated_at);
  }));

  // The original platform's URLs: /portal/pages/2021-10-15/Slug-614123.aspx → the article.
  app.get('/portal/pages/:date/:file', cached(app, async (request) => {
    const { file } = request.params as { date: string; file: string };
    const m = /-(\d{1,12})\.aspx$/i.exec(file);
    if (!m) throw new AppError('not_found');
    const found = await findPublishedByLegacyId(ctx.db, request.site.id, m[1]!, now());
    if (!found) throw new AppError('not_found');
    return permanentRedirect(urls.article(found));
  }));
}
