import { Type } from 'typebox';
import { limitedTo } from '../../../kernel/http/limits.js';
import { originOf } from '../../../kernel/http/render.js';
import { urls } from '../../../kernel/http/urls.js';
import { listCategories, listPublished, type ArticleSummary } from '../../articles/repo.js';
import { choose, instantRange, listPage } from '../list.js';
import { Choice, Cursor, ErrorBody, From, Limit, PageOf, To } from '../schemas.js';
import { sendJson } from '../send.js';
import type { Api } from '../routes.js';
import { API_LIMIT } from '../limits.js';

const Article = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  summary: Type.String({ description: 'Sapo (tóm tắt).' }),
  category: Type.Union([Type.Object({ slug: Type.String(), name: Type.String() }), Type.Null()]),
  publishedAt: Type.String({ format: 'date-time' }),
  url: Type.String({ format: 'uri' }),
});

const Query = Type.Object(
  { from: From, to: To, category: Choice('Chuyên mục (slug, như trong /chuyen-muc/<slug>).'), cursor: Cursor, limit: Limit },
  { additionalProperties: false },
);

/** Tin bài: published articles, newest first. */
export function articleRoutes(api: Api): void {
  const ctx = api.cong;
  api.get(
    '/v1/articles',
    {
      ...limitedTo(API_LIMIT),
      schema: {
        summary: 'Tin bài đã đăng',
        description: 'Các bài viết đã xuất bản, mới nhất trước. Lọc theo khoảng ngày đăng và chuyên mục.',
        tags: ['Tin bài'],
        operationId: 'listArticles',
        querystring: Query,
        response: { 200: PageOf(Article), '4xx': ErrorBody },
      },
    },
    async (request, reply) =>
      sendJson(request, reply, async () => {
        const site = request.site;
        const q = request.query;
        const categories = await listCategories(ctx.db, site.id);
        const categoryId = choose('category', q.category, categories.map((c) => ({ slug: c.slug, value: c.id })), 'chuyên mục');
        const { since, before } = instantRange(q);
        const byId = new Map(categories.map((c) => [c.id, { slug: c.slug, name: c.name }]));
        const origin = originOf(request);
        const now = ctx.now().toISOString();
        return listPage<ArticleSummary>(request, q, {
          resource: 'articles',
          shape: ['text', 'id'],
          keyOf: (a) => [a.published_at, a.id],
          fetch: (after, n) =>
            listPublished(ctx.db, site.id, now, { categoryId, since, before, after: after ? { publishedAt: after[0] as string, id: after[1] as number } : undefined, limit: n }),
          present: (a) => ({
            id: a.id,
            title: a.title,
            summary: a.sapo,
            category: byId.get(a.category_id) ?? null,
            publishedAt: a.published_at,
            url: origin + urls.article(a),
          }),
        });
      }),
  );
}
