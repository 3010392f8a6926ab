import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { listPublished } from '../../articles/repo.js';
import type { CategoryRow } from '../../../kernel/db/schema.js';
import { fromLocalTime } from '../../../kernel/lib/format.js';
import { escapeHtml } from '../../../kernel/lib/html.js';
import { frameFor, HTML, originOf, renderHtml } from '../../../kernel/http/render.js';
import { cached } from '../../../kernel/http/cached.js';
import { pageNumber, QueryText } from '../../../kernel/http/route-schemas.js';
import type { SearchFilters, SearchResults } from '../engine.js';
import { engineFor } from '../indexer.js';
import { parseQuery } from '../../../kernel/search/query.js';
import { SEARCH_PATH } from '../../../kernel/views/public/search-box.js';
import { searchGroupsOf } from '../../../kernel/feature.js';
import type { SectionResults } from '../../../kernel/search/groups.js';
import { SearchPage, type SearchForm } from './views.js';

/**
 * Results depend on the query, so they are not kept in the in-process page cache (its keys
 * are paths, and queries are unbounded); browsers and CDNs may keep a result page a minute.
 */
export const SEARCH_CACHE = 'public, max-age=60, s-maxage=60';

/** The search form: words, category, date range, page. What cannot be used is reported, never refused. */
const SearchQuery = Type.Object({ q: QueryText, chuyen_muc: QueryText, tu: QueryText, den: QueryText, trang: QueryText });

export async function searchRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;

  app.get(SEARCH_PATH, { preHandler: app.searchLimit, schema: { querystring: SearchQuery } }, async (request, reply) => {
    const site = request.site;
    const params = request.query;
    const now = ctx.now();
    const frame = await frameFor(ctx, request);
    const { form, filters, page } = readForm(params, frame.categories, now);
    const parsed = parseQuery(params.q);
    if (parsed.kind === 'invalid') form.errors.q = parsed.message;
    let results: SearchResults | null = null;
    if (parsed.kind === 'ok') results = await engineFor(ctx.dialect).search(ctx.db, site.id, parsed, filters, page);
    // Other sections (documents, answered questions…) on the first page, when no filter narrows it to news.
    const sections =
      parsed.kind === 'ok' && page === 1 && !form.category && !form.from && !form.to
        ? (await Promise.all(searchGroupsOf(ctx.features).map((s) => s(ctx.db, site.id, parsed, now, 5)))).filter((r): r is SectionResults => r !== null)
        : [];
    const found = (results?.total ?? 0) > 0 || sections.length > 0;
    const latest = !found ? await listPublished(ctx.db, site.id, now.toISOString(), { limit: 6 }) : [];
    return reply
      .header('cache-control', SEARCH_CACHE)
      .type(HTML)
      .send(renderHtml(<SearchPage frame={frame} form={form} results={results} sections={sections} latest={latest} />));
  });

  app.get('/opensearch.xml', cached(app, async (request) => {
    const site = request.site;
    const origin = originOf(request);
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
  <ShortName>${escapeHtml(shortName(site.name))}</ShortName>
  <Description>${escapeHtml(`Tìm kiếm bài viết trên ${site.name}`)}</Description>
  <InputEncoding>UTF-8</InputEncoding>
  <Language>vi</Language>
  <Image width="16" height="16" type="image/svg+xml">${escapeHtml(`${origin}${ctx.assets.url('favicon.svg')}`)}</Image>
  <Url type="text/html" method="get" template="${escapeHtml(`${origin}${SEARCH_PATH}`)}?q={searchTerms}"/>
  <Url type="application/opensearchdescription+xml" rel="self" template="${escapeHtml(`${origin}/opensearch.xml`)}"/>
</OpenSearchDescription>
`;
    return { status: 200, contentType: 'application/opensearchdescription+xml; charset=utf-8', body: xml, cacheControl: 'public, max-age=86400' };
  }));
}

/** OpenSearch allows 16 characters: "Cổng thông tin điện tử thị xã Hồng Lĩnh" → "thị xã Hồng Lĩnh". */
export function shortName(name: string): string {
  const rest = name.replace(/^Cổng thông tin điện tử\s+/iu, '');
  if ([...rest].length <= 16) return rest;
  let out = '';
  for (const w of rest.split(' ')) {
    if ([...(out ? `${out} ${w}` : w)].length > 16) break;
    out = out ? `${out} ${w}` : w;
  }
  return out || [...rest].slice(0, 16).join('');
}

function text(v: string | undefined): string {
  return (v ?? '').normalize('NFC').trim().slice(0, 1000);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A yyyy-mm-dd day in Vietnam, as the instant it starts (or ends); null when not a real date. */
function day(value: string, end: boolean): Date | null {
  const m = DATE.exec(value);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCFullYear() < 1900 || d.getUTCFullYear() > 2200) return null;
  const t = Date.parse(fromLocalTime(`${value}T00:00`));
  return new Date(end ? t + 86_400_000 - 1 : t);
}

/** The filters from the query string; what cannot be used is reported next to its field. */
function readForm(params: Static<typeof SearchQuery>, categories: CategoryRow[], now: Date) {
  const form: SearchForm = { q: text(params.q), category: text(params.chuyen_muc), from: text(params.tu), to: text(params.den), errors: {} };
  const filters: SearchFilters = { now };
  const category = categories.find((c) => c.slug === form.category);
  if (category) filters.categoryIds = withDescendants(category.id, categories);
  else form.category = '';
  const bad = 'Ngày không hợp lệ. Hãy chọn ngày trên lịch hoặc nhập theo dạng năm-tháng-ngày, ví dụ 2021-10-15.';
  let from = form.from ? day(form.from, false) : null;
  let to = form.to ? day(form.to, true) : null;
  if (form.from && !from) form.errors.from = bad;
  if (form.to && !to) form.errors.to = bad;
  if (from && to && from > to) {
    // Entered the wrong way round: search the range they meant.
    [from, to] = [day(form.to, false), day(form.from, true)];
    [form.from, form.to] = [form.to, form.from];
  }
  if (from) filters.from = from;
  if (to) filters.to = to;
  const page = pageNumber(params.trang, 100_000);
  return { form, filters, page };
}

function withDescendants(id: number, categories: CategoryRow[]): number[] {
  const out = [id];
  for (let i = 0; i < out.length; i++) for (const c of categories) if (c.parent_id === out[i] && !out.includes(c.id)) out.push(c.id);
  return out;
}
