import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import {
  countPublished,
  findCategoryBySlug,
  findPage,
  findPublishedArticle,
  lastContentChange,
  listCategories,
  listFeatured,
  listPublished,
} from '../repo.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { cached } from '../../../kernel/http/cached.js';
import { frameFor, htmlPage, permanentRedirect } from '../../../kernel/http/render.js';
import { SlugIdParams, SlugParams } from '../../../kernel/http/route-schemas.js';
import { splitSlugId } from '../../../kernel/lib/ids.js';
import { urls } from '../../../kernel/http/urls.js';
import { homeQueryLead, MOVED_CACHE } from '../../../kernel/http/old-address-answer.js';
import { articleView } from './article-view.js';
import { CategoryPage } from './category.js';
import { FEATURED_SIZES, HomePage } from './home.js';
import { THUMB_SIZES } from './article-list.js';
import { coverOf, coversOf } from '../../media/cover.js';
import { StaticPage } from '../../pages/public/static-page.js';

export const PAGE_SIZE = 8;

/** "/chuyen-muc/<slug>" and its later pages "/chuyen-muc/<slug>/trang-<n>". */
const CategoryParams = Type.Object({ slug: Type.String(), page: Type.Optional(Type.String({ pattern: '^trang-\\d{1,6}$' })) });

export async function publicRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;
  const now = () => ctx.now().toISOString();

  const home = cached(app, async (request) => {
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
    const shown = latest.filter((a) => a.id !== top?.id).slice(0, 6);
    // Pictures: one query for every thumbnail of the page, one for the featured cover's larger sizes.
    const [covers, featuredCover] = await Promise.all([
      coversOf(ctx.db, site.id, [...shown, ...blocks.flatMap((b) => b.items.slice(0, 1))], THUMB_SIZES),
      top ? coverOf(ctx.db, { site_id: site.id, cover_media_id: top.cover_media_id }, FEATURED_SIZES) : undefined,
    ]);
    return htmlPage(
      <HomePage
        frame={frame}
        data={{ featured: top, latest: shown, blocks: blocks.filter((b) => b.items.length), covers, featuredCover }}
      />,
      changed,
    );
  });
  // The home route answers "/" whatever the query, and the page cache keys it by path alone: an
  // old WordPress address ("/?p=12") is answered here before the cache, and its 301 is not kept.
  app.get('/', async (request, reply) => {
    const lead = await homeQueryLead(ctx, request.site, request.headers.host, request.url);
    if (lead) return reply.code(301).header('cache-control', MOVED_CACHE).redirect(lead.location, 301);
    return home(request, reply);
  });

  const categoryPage = cached(app, { params: CategoryParams }, async (request) => {
    const { slug, page: pageParam } = request.params;
    const site = request.site;
    const page = pageParam === undefined ? 1 : Number(pageParam.slice('trang-'.length));
    if (pageParam !== undefined && page === 1) return permanentRedirect(urls.category(slug));
    if (page < 1) throw new AppError('not_found');
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
    const covers = await coversOf(ctx.db, site.id, items, THUMB_SIZES);
    return htmlPage(<CategoryPage frame={frame} category={category} items={items} covers={covers} page={page} pages={pages} total={total} />);
  });
  app.get('/chuyen-muc/:slug', categoryPage);
  app.get('/chuyen-muc/:slug/:page', categoryPage);

  app.get('/bai-viet/:slugId', cached(app, { params: SlugIdParams }, async (request) => {
    const { slug, id } = splitSlugId(request.params.slugId);
    const site = request.site;
    const t = now();
    const article = await findPublishedArticle(ctx.db, site.id, id, t);
    if (!article) throw new AppError('not_found');
    if (slug !== article.slug) return permanentRedirect(urls.article(article));
    return htmlPage(await articleView(ctx, request, article, t), article.updated_at);
  }));

  app.get('/trang/:slug', cached(app, { params: SlugParams }, async (request) => {
    const page = await findPage(ctx.db, request.site.id, request.params.slug);
    if (!page) throw new AppError('not_found');
    return htmlPage(<StaticPage frame={await frameFor(ctx, request)} page={page} />, page.updated_at);
  }));
}
