import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Feed } from 'feed';
import {
  findCategoryBySlug,
  lastContentChange,
  listCategories,
  listForSitemap,
  listPages,
  listPublished,
} from '../repo.js';
import type { CategoryRow } from '../../../kernel/db/schema.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { escapeHtml } from '../../../kernel/lib/html.js';
import { cached } from '../../../kernel/http/cached.js';
import { SlugParams } from '../../../kernel/http/route-schemas.js';
import { originOf } from '../../../kernel/http/render.js';
import { sitemapSourcesOf } from '../../../kernel/feature.js';
import { urls } from '../../../kernel/http/urls.js';

const FEED_SIZE = 20;
/** sitemaps.org allows 50,000 URLs per file. */
const SITEMAP_MAX = 50_000;

export async function feedRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;

  async function rss(request: FastifyRequest, category: CategoryRow | null) {
    const site = request.site;
    const origin = originOf(request);
    const t = ctx.now().toISOString();
    const [items, categories, changed] = await Promise.all([
      listPublished(ctx.db, site.id, t, { limit: FEED_SIZE, categoryId: category?.id }),
      listCategories(ctx.db, site.id),
      lastContentChange(ctx.db, site.id, t),
    ]);
    const names = new Map(categories.map((c) => [c.id, c.name]));
    const selfPath = category ? urls.categoryFeed(category.slug) : urls.feed();
    const feed = new Feed({
      title: category ? `${category.name} - ${site.name}` : site.name,
      description: category ? `Tin bài chuyên mục ${category.name}` : `Tin tức mới nhất của ${site.name}`,
      id: origin + (category ? urls.category(category.slug) : '/'),
      link: origin + (category ? urls.category(category.slug) : '/'),
      language: 'vi',
      copyright: `© ${site.settings.publisher.agency}`,
      updated: changed ? new Date(changed) : undefined,
      generator: 'Cổng',
      feedLinks: { rss: origin + selfPath },
    });
    for (const a of items) {
      feed.addItem({
        title: a.title,
        id: origin + urls.article(a),
        link: origin + urls.article(a),
        description: a.sapo,
        date: new Date(a.published_at),
        category: [{ name: names.get(a.category_id) ?? '' }],
      });
    }
    return {
      status: 200,
      contentType: 'application/rss+xml; charset=utf-8',
      body: feed.rss2(),
      cacheControl: 'public, max-age=300',
      lastModified: changed,
    };
  }

  app.get('/rss.xml', cached(app, (request) => rss(request, null)));
  app.get('/chuyen-muc/:slug/rss.xml', cached(app, { params: SlugParams }, async (request) => {
    const category = await findCategoryBySlug(ctx.db, request.site.id, request.params.slug);
    if (!category) throw new AppError('not_found');
    return rss(request, category);
  }));

  app.get('/sitemap.xml', cached(app, async (request) => {
    const site = request.site;
    const origin = originOf(request);
    const t = ctx.now().toISOString();
    const [articles, categories, pages, changed, sections] = await Promise.all([
      listForSitemap(ctx.db, site.id, t, SITEMAP_MAX - 5000),
      listCategories(ctx.db, site.id),
      listPages(ctx.db, site.id),
      lastContentChange(ctx.db, site.id, t),
      Promise.all(sitemapSourcesOf(ctx.features).map((source) => source(ctx.db, site.id))),
    ]);
    const entry = (path: string, lastmod?: string | null) =>
      `<url><loc>${escapeHtml(origin + path)}</loc>${lastmod ? `<lastmod>${lastmod.slice(0, 10)}</lastmod>` : ''}</url>`;
    const body = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
      entry('/', changed),
      ...categories.map((c) => entry(urls.category(c.slug))),
      ...pages.map((p) => entry(urls.page(p.slug), p.updated_at)),
      entry(urls.map()),
      ...sections.flat().slice(0, 4900).map((e) => entry(e.path, e.lastmod)),
      ...articles.map((a) => entry(urls.article(a), a.updated_at)),
      '</urlset>',
    ].join('\n');
    return { status: 200, contentType: 'application/xml; charset=utf-8', body, cacheControl: 'public, max-age=3600', lastModified: changed };
  }));

  app.get('/robots.txt', cached(app, async (request) => ({
    status: 200,
    contentType: 'text/plain; charset=utf-8',
    body: `User-agent: *\nAllow: /\nDisallow: /lien-ket\n\nSitemap: ${originOf(request)}${urls.sitemap()}\n`,
    cacheControl: 'public, max-age=86400',
  })));
}
