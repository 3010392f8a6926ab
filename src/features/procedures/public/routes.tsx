import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../../kernel/lib/errors.js';
import { cached } from '../../../kernel/http/cached.js';
import { frameFor, HTML, htmlPage, permanentRedirect, renderHtml } from '../../../kernel/http/render.js';
import { QueryText, SlugIdParams } from '../../../kernel/http/route-schemas.js';
import { splitSlugId } from '../../../kernel/lib/ids.js';
import { sendCachedAs, sendFresh } from '../../schedule/page-keys.js';
import { fieldBySlug, fieldSlug, LIST_PATH, procedureUrl } from '../fields.js';
import { findProcedure, listProcedures, searchTerms } from '../repo.js';
import { ProcedureListPage, ProcedurePage } from './procedure-pages.js';

/** Public pages of Thủ tục hành chính (administrative procedures). */
export async function procedureRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;

  app.get(LIST_PATH, { preHandler: app.searchLimit, schema: { querystring: Type.Object({ q: QueryText, 'linh-vuc': QueryText }) } }, async (request, reply) => {
    const query = request.query;
    const q = (query.q ?? '').normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, 200);
    const rawField = query['linh-vuc'] ?? '';
    const field = rawField ? fieldBySlug(rawField) : undefined;
    const message = rawField && !field ? 'Không có lĩnh vực này; đang hiển thị tất cả thủ tục.' : undefined;
    const render = async () => {
      const [all, rows] = await Promise.all([
        listProcedures(ctx.db, request.site.id),
        listProcedures(ctx.db, request.site.id, { field, terms: q ? searchTerms(q) : undefined }),
      ]);
      const fields = [...new Set(all.map((r) => r.field))];
      return htmlPage(<ProcedureListPage frame={await frameFor(ctx, request)} data={{ rows, field, q: q || undefined, fields, message }} />);
    };
    // Searches and unknown fields are answered fresh: their variants are endless.
    if (q || message) return sendFresh(reply, await render());
    return sendCachedAs(app, request, reply, field ? `${LIST_PATH}?linh-vuc=${fieldSlug(field)}` : `${LIST_PATH}?tat-ca`, render);
  });

  app.get(`${LIST_PATH}/:slugId`, cached(app, { params: SlugIdParams }, async (request) => {
    const { slug, id } = splitSlugId(request.params.slugId);
    const p = await findProcedure(ctx.db, request.site.id, id);
    if (!p || !p.published) throw new AppError('not_found');
    if (slug !== p.slug) return permanentRedirect(procedureUrl(p));
    return { status: 200, contentType: HTML, body: renderHtml(<ProcedurePage frame={await frameFor(ctx, request)} p={p} />), cacheControl: 'public, max-age=60, s-maxage=300, stale-while-revalidate=60', lastModified: p.updated_at };
  }));
}
