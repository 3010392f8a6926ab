import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Feed } from 'feed';
import { Type } from 'typebox';
import { AppError } from '../../../kernel/lib/errors.js';
import { frameFor, HTML, htmlPage, originOf, permanentRedirect, PUBLIC_HTML_CACHE, renderHtml } from '../../../kernel/http/render.js';
import { pickEncoding } from '../../../kernel/http/accept-encoding.js';
import { sendEntry } from '../../../kernel/http/cache-reply.js';
import { PageCache } from '../../../kernel/http/page-cache.js';
import { cached } from '../../../kernel/http/cached.js';
import { sendStoredFile } from '../../../kernel/http/stored-file.js';
import { IdParams, pageNumber, QueryText, SlugIdParams } from '../../../kernel/http/route-schemas.js';
import type { TypedRequest } from '../../../kernel/http/cached.js';
import { splitSlugId } from '../../../kernel/lib/ids.js';
import { parseQuery } from '../../../kernel/search/query.js';
import { attachmentHeader, downloadName } from '../files.js';
import { filterOptions, findDocument, findFile, listDocuments, listRelated, listFiles, listTypes, type DocumentFilter } from '../repo.js';
import { documentUrls } from '../urls.js';
import { DocumentPage } from './document-page.js';
import { DocumentListPage, type ListForm } from './list-page.js';

export const LIST_SIZE = 15;
/** Filtered lists are not kept in the page cache (its keys are paths); browsers and CDNs keep them a minute. */
const FILTERED_CACHE = 'public, max-age=60, s-maxage=60';

/** The list's filters; values it does not know are dropped, never refused. */
const ListQuery = Type.Object({ q: QueryText, loai: QueryText, co_quan: QueryText, linh_vuc: QueryText, nam: QueryText, trang: QueryText });

function param(v: string | undefined, max = 200): string {
  return (v ?? '').normalize('NFC').trim().slice(0, max);
}

/** Public pages of Văn bản (document library): list, document page, file download, RSS. */
export async function documentRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;

  async function renderList(request: TypedRequest<{ querystring: typeof ListQuery }>) {
    const site = request.site;
    const qs = request.query;
    const form: ListForm = { q: param(qs.q), type: param(qs.loai, 12), issuer: param(qs.co_quan), field: param(qs.linh_vuc), year: param(qs.nam, 4) };
    const [types, options] = await Promise.all([listTypes(ctx.db, site.id), filterOptions(ctx.db, site.id)]);
    const filter: DocumentFilter = {};
    // Unknown values (an old link, a hand-made URL) are dropped rather than matching nothing.
    const type = types.find((t) => String(t.id) === form.type);
    if (type) filter.typeId = type.id;
    else form.type = '';
    if (options.issuers.includes(form.issuer)) filter.issuer = form.issuer;
    else form.issuer = '';
    if (options.fields.includes(form.field)) filter.field = form.field;
    else form.field = '';
    if (options.years.includes(Number(form.year))) filter.year = Number(form.year);
    else form.year = '';
    const parsed = parseQuery(form.q);
    if (parsed.kind === 'invalid') form.error = parsed.message;
    if (parsed.kind === 'ok') filter.clauses = parsed.clauses;
    const page = pageNumber(qs.trang);
    const { items, total } = await listDocuments(ctx.db, site.id, filter, LIST_SIZE, (page - 1) * LIST_SIZE);
    const pages = Math.max(1, Math.ceil(total / LIST_SIZE));
    if (page > pages) throw new AppError('not_found');
    const frame = await frameFor(ctx, request);
    return renderHtml(<DocumentListPage frame={frame} form={form} types={types} options={options} items={items} total={total} page={page} pages={pages} />);
  }

  // The bare list is cached under its own key ("/van-ban?"), not under its path: the cache's fast
  // path answers by path alone, before routing, and would hand it to every filtered request too.
  // Filtered lists are rendered for every request: limited like the site search.
  app.get(documentUrls.list(), { preHandler: app.searchLimit, schema: { querystring: ListQuery } }, async (request, reply) => {
    if (request.url.includes('?')) return reply.header('cache-control', FILTERED_CACHE).type(HTML).send(await renderList(request));
    const key = PageCache.key(request.site.id, `${documentUrls.list()}?`);
    const entry = await ctx.pageCache.getOrRender(key, async () => ({ status: 200, contentType: HTML, body: await renderList(request), cacheControl: PUBLIC_HTML_CACHE }), pickEncoding(request.headers['accept-encoding']));
    return sendEntry(request, reply, entry);
  });

  app.get('/van-ban/:slugId', cached(app, { params: SlugIdParams }, async (request) => {
    const { slug, id } = splitSlugId(request.params.slugId);
    const site = request.site;
    const doc = await findDocument(ctx.db, site.id, id);
    if (!doc) throw new AppError('not_found');
    if (slug !== doc.slug) return permanentRedirect(documentUrls.document(doc));
    const [frame, files, related] = await Promise.all([frameFor(ctx, request), listFiles(ctx.db, site.id, doc.id), listRelated(ctx.db, site.id, doc.id)]);
    return htmlPage(<DocumentPage frame={frame} doc={doc} files={files} related={related} />, doc.updated_at);
  }));

  // Files of published documents only; downloaded, never shown inside our origin.
  app.get('/van-ban/tai-ve/:id', { schema: { params: IdParams } }, async (request, reply) => {
    const site = request.site;
    const file = await findFile(ctx.db, site.id, Number(request.params.id));
    const doc = file && (await findDocument(ctx.db, site.id, file.document_id));
    if (!file || !doc) throw new AppError('not_found');
    reply
      .header('content-disposition', attachmentHeader(downloadName(file.original_name, file.ext)))
      .header('x-content-type-options', 'nosniff');
    return sendStoredFile(request, reply, ctx.media, file.disk_path, { contentType: file.mime, cacheControl: 'public, max-age=300' });
  });

  app.get(documentUrls.feed(), cached(app, async (request) => {
    const site = request.site;
    const origin = originOf(request);
    const { items } = await listDocuments(ctx.db, site.id, {}, 20);
    const newest = items.reduce<string | null>((acc, d) => (acc && acc > d.updated_at ? acc : d.updated_at), null);
    const feed = new Feed({
      title: `Văn bản - ${site.name}`,
      description: `Văn bản mới ban hành - ${site.name}`,
      id: origin + documentUrls.list(),
      link: origin + documentUrls.list(),
      language: 'vi',
      copyright: `© ${site.settings.publisher.agency}`,
      updated: newest ? new Date(newest) : undefined,
      generator: 'Cổng',
      feedLinks: { rss: origin + documentUrls.feed() },
    });
    for (const d of items) {
      feed.addItem({
        title: `${d.type_name} số ${d.number}`,
        id: origin + documentUrls.document(d),
        link: origin + documentUrls.document(d),
        description: d.title,
        date: new Date(`${d.issued_on}T00:00:00+07:00`),
        category: d.field ? [{ name: d.field }] : undefined,
      });
    }
    return { status: 200, contentType: 'application/rss+xml; charset=utf-8', body: feed.rss2(), cacheControl: 'public, max-age=300', lastModified: newest };
  }));
}
