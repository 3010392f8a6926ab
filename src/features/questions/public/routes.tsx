import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Feed } from 'feed';
import { Type } from 'typebox';
import type { Rendered } from '../../../kernel/http/page-cache.js';
import { citizenLookup, citizenWrite, sendPage } from '../../../kernel/http/citizen.js';
import { quietlyLimitedTo } from '../../../kernel/http/limits.js';
import { pageNumber, QueryText, SlugIdParams } from '../../../kernel/http/route-schemas.js';
import { splitSlugId } from '../../../kernel/lib/ids.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { cached } from '../../../kernel/http/cached.js';
import { frameFor, htmlPage, HTML, originOf, permanentRedirect } from '../../../kernel/http/render.js';
import { parseQuery } from '../../../kernel/search/query.js';
import { submitQuestion } from '../commands/submit-question.js';
import { UNAVAILABLE_FORM, unlessOutage } from '../../../kernel/http/outage.js';
import { EMPTY_FORM, FORM, formFromBody, type QuestionForm, type FieldErrors } from '../input.js';
import { qaUrls } from '../labels.js';
import { QuestionLimiter } from '../limits.js';
import { countPublished, findByTrackingHash, findPublished, findTopicBySlug, lastPublishedChange, listPublished, listTopics, type Clauses } from '../repo.js';
import type { QuestionTopicRow } from '../../../kernel/db/tables/questions.js';
import { parseTrackingCode, trackingHash } from '../tracking.js';
import { AskPage, SentPage } from './ask-page.js';
import { ListPage } from './list-page.js';
import { LookupPage } from './lookup-page.js';
import { QaPage } from './qa-page.js';

/**
 * Public pages of Hỏi đáp (citizens' questions and answers).
 *
 *   GET  /hoi-dap, /hoi-dap/trang-<n>                   published Q&A, newest answer first (cached)
 *   GET  /hoi-dap/chu-de/<slug>[/trang-<n>]             the same for one topic (?chu_de=<slug> redirects here)
 *   GET  /hoi-dap?q=…                                   search (not in the page cache; works without JS)
 *   GET  /hoi-dap/<slug>-<id>                           one Q&A (301 to the canonical slug)
 *   GET  /hoi-dap/rss.xml                               feed of published answers
 *   GET|POST /hoi-dap/gui-cau-hoi                       the form (uncached; verification as for comments)
 *   GET|POST /hoi-dap/tra-cuu                           status by tracking code (the code travels in the body)
 */
export const PAGE_SIZE = 10;
const SEARCH_CACHE = 'public, max-age=60';
/** ?q= searches, ?trang= pages the search, ?chu_de= is an old spelling of a topic's address. */
const ListQuery = Type.Object({ q: QueryText, trang: QueryText, chu_de: QueryText });
/** A topic's page: "/hoi-dap/chu-de/<slug>" and "…/trang-<n>" (the page is read by pageOf). */
const TopicParams = Type.Object({ slug: Type.String(), page: Type.Optional(Type.String()) });

export const NOT_FOUND_CODE = 'Không tìm thấy câu hỏi với mã này. Vui lòng kiểm tra lại mã (gồm 8 ký tự sau “HD-”).';

export async function questionRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;
  // The verification step and limits of the comments (src/kernel/citizen): same secrets, same replay store.
  const { secrets, verification, counter, visitors } = app.cong.citizen;
  const limiter = new QuestionLimiter(counter, secrets.limiter);

  async function listPage(request: FastifyRequest, topic: QuestionTopicRow | null, page: number, raw: string): Promise<Rendered> {
    const site = request.site;
    let clauses: Clauses = [];
    let queryError: string | undefined;
    if (raw.trim()) {
      const parsed = parseQuery(raw);
      if (parsed.kind === 'ok') clauses = parsed.clauses;
      else if (parsed.kind === 'invalid') queryError = parsed.message;
    }
    const base = topic ? qaUrls.topic(topic.slug) : qaUrls.list();
    const filter = { topicId: topic?.id ?? null, clauses };
    const [frame, topics, total, changed] = await Promise.all([
      frameFor(ctx, request),
      listTopics(ctx.db, site.id),
      queryError ? 0 : countPublished(ctx.db, site.id, filter),
      lastPublishedChange(ctx.db, site.id),
    ]);
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (page > pages) throw new AppError('not_found');
    const items = queryError ? [] : await listPublished(ctx.db, site.id, { ...filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    const q = raw.trim();
    const href = (n: number) =>
      q ? `${base}?q=${encodeURIComponent(q)}${n > 1 ? `&trang=${n}` : ''}` : n === 1 ? base : `${base}/trang-${n}`;
    const d = { items, topics, topic, query: q, queryError, page, pages, total, href, canonicalPath: q ? base : href(page) };
    return htmlPage(<ListPage frame={frame} d={d} />, changed);
  }

  function pageOf(raw: string | undefined): number | 'first' | null {
    if (raw === undefined) return 1;
    const m = /^trang-(\d{1,6})$/.exec(raw);
    if (!m) return null;
    const n = Number(m[1]);
    return n === 1 ? 'first' : n >= 1 ? n : null;
  }

  /** Search (and ?chu_de=) come with a query string, which the page cache does not key on. */
  async function listWithQuery(request: FastifyRequest, reply: FastifyReply, topic: QuestionTopicRow | null, query: { q?: string; trang?: string }) {
    const r = await listPage(request, topic, pageNumber(query.trang), (query.q ?? '').normalize('NFC'));
    return reply.code(r.status).header('cache-control', SEARCH_CACHE).type(HTML).send(r.body);
  }

  const cachedList = cached(app, (request) => listPage(request, null, 1, ''));
  app.get('/hoi-dap', { preHandler: app.searchLimit, schema: { querystring: ListQuery } }, async (request, reply) => {
    const query = request.query;
    if (query.chu_de !== undefined) {
      const topic = await findTopicBySlug(ctx.db, request.site.id, query.chu_de);
      if (!topic) throw new AppError('not_found');
      const q = query.q ? `?q=${encodeURIComponent(query.q)}` : '';
      return reply.redirect(`${qaUrls.topic(topic.slug)}${q}`, 301);
    }
    if (query.q !== undefined || query.trang !== undefined) return listWithQuery(request, reply, null, query);
    return cachedList(request, reply);
  });

  const topicSchema = { params: TopicParams, querystring: ListQuery };
  const cachedTopic = cached(app, topicSchema, async (request) => {
    const { slug, page: p } = request.params;
    const page = pageOf(p);
    if (page === null) throw new AppError('not_found');
    const topic = await findTopicBySlug(ctx.db, request.site.id, slug);
    if (!topic) throw new AppError('not_found');
    if (page === 'first') return permanentRedirect(qaUrls.topic(topic.slug));
    return listPage(request, topic, page, '');
  });
  for (const path of ['/hoi-dap/chu-de/:slug', '/hoi-dap/chu-de/:slug/:page']) {
    app.get(path, { preHandler: app.searchLimit, schema: topicSchema }, async (request, reply) => {
      const query = request.query;
      if (query.q === undefined && query.trang === undefined) return cachedTopic.handler(request, reply);
      const topic = await findTopicBySlug(ctx.db, request.site.id, request.params.slug);
      if (!topic) throw new AppError('not_found');
      return listWithQuery(request, reply, topic, query);
    });
  }

  app.get('/hoi-dap/rss.xml', cached(app, async (request) => {
    const site = request.site;
    const origin = originOf(request);
    const [items, changed] = await Promise.all([listPublished(ctx.db, site.id, { limit: 20 }), lastPublishedChange(ctx.db, site.id)]);
    const feed = new Feed({
      title: `Hỏi đáp - ${site.name}`,
      description: `Câu hỏi của người dân và trả lời của ${site.name}`,
      id: origin + qaUrls.list(),
      link: origin + qaUrls.list(),
      language: 'vi',
      copyright: `© ${site.settings.publisher.agency}`,
      updated: changed ? new Date(changed) : undefined,
      generator: 'Cổng',
      feedLinks: { rss: origin + qaUrls.feed() },
    });
    for (const q of items) {
      feed.addItem({ title: q.title, id: origin + qaUrls.item(q), link: origin + qaUrls.item(q), description: q.body.slice(0, 300), date: new Date(q.answered_at ?? q.created_at) });
    }
    return { status: 200, contentType: 'application/rss+xml; charset=utf-8', body: feed.rss2(), cacheControl: 'public, max-age=300', lastModified: changed };
  }));

  // --- the form -----------------------------------------------------------------------------

  async function askPage(request: FastifyRequest, reply: FastifyReply, values: QuestionForm, errors: FieldErrors, status = 200) {
    const [frame, topics] = await Promise.all([frameFor(ctx, request), listTopics(ctx.db, request.site.id)]);
    const page = <AskPage frame={frame} values={values} errors={errors} topics={topics} question={verification.question(request.site.id)} />;
    return sendPage(reply, page, status);
  }

  app.get('/hoi-dap/gui-cau-hoi', quietlyLimitedTo(30), async (request, reply) => askPage(request, reply, EMPTY_FORM, {}));

  app.post('/hoi-dap/gui-cau-hoi', { ...quietlyLimitedTo(20), preValidation: citizenWrite }, async (request, reply) => {
    const now = ctx.now();
    const form = formFromBody(request.body);
    const result = await unlessOutage(submitQuestion(
      { db: ctx.db, verification, limiter, siteId: request.site.id, ip: request.ip, visitor: await visitors.hashOf(request, now.getTime()), now },
      form,
    ), ctx.redis);
    const typed = { ...form, honeypot: '', altcha: '', token: '', answer: '' };
    // Redis or the database out of reach: nothing was stored; the text comes back to be sent again.
    if (!result) return askPage(request, reply, typed, { [FORM]: UNAVAILABLE_FORM }, 503);
    if (!result.ok) return askPage(request, reply, typed, result.errors, 422);
    // Answered in place (no redirect): the code never appears in a URL, a log or the history.
    return sendPage(reply, <SentPage frame={await frameFor(ctx, request)} code={result.code} />);
  });

  // --- lookup by tracking code ----------------------------------------------------------------

  app.get('/hoi-dap/tra-cuu', cached(app, async (request) => htmlPage(<LookupPage frame={await frameFor(ctx, request)} code="" />)));

  app.post('/hoi-dap/tra-cuu', { ...quietlyLimitedTo(30), preValidation: citizenLookup }, async (request, reply) => {
    const raw = typeof (request.body as Record<string, unknown> | undefined)?.ma === 'string' ? ((request.body as Record<string, string>).ma ?? '').slice(0, 40) : '';
    const frame = await frameFor(ctx, request);
    const limited = await limiter.takeLookup(request.ip, ctx.now().getTime());
    if (limited) return sendPage(reply, <LookupPage frame={frame} code={raw} error={limited} />, 429);
    if (!raw.trim()) return sendPage(reply, <LookupPage frame={frame} code="" error="Vui lòng nhập mã tra cứu." />, 422);
    const code = parseTrackingCode(raw);
    const row = code ? await findByTrackingHash(ctx.db, request.site.id, trackingHash(request.site.id, code)) : undefined;
    if (!row) return sendPage(reply, <LookupPage frame={frame} code={raw} error={NOT_FOUND_CODE} />, 404);
    const result = {
      title: row.title,
      status: row.status,
      reject_reason: row.reject_reason,
      answer: row.answer,
      answered_at: row.answered_at,
      created_at: row.created_at,
      publicHref: row.published && row.status === 'answered' ? qaUrls.item(row) : null,
    };
    return sendPage(reply, <LookupPage frame={frame} code={raw} result={result} />);
  });

  // --- one Q&A, and the list's later pages ----------------------------------------------------

  app.get('/hoi-dap/:slugId', cached(app, { params: SlugIdParams }, async (request) => {
    const { slugId } = request.params;
    const page = pageOf(slugId);
    if (page === 'first') return permanentRedirect(qaUrls.list());
    if (typeof page === 'number') return listPage(request, null, page, '');
    const { slug, id } = splitSlugId(slugId);
    // Question slugs are plain ASCII; anything else in their place is not an address of ours.
    if (slug !== undefined && !/^[a-z0-9-]*$/.test(slug)) throw new AppError('not_found');
    const q = await findPublished(ctx.db, request.site.id, id);
    if (!q) throw new AppError('not_found');
    if (slug !== q.slug) return permanentRedirect(qaUrls.item(q));
    const topic = q.topic_id ? (await listTopics(ctx.db, request.site.id)).find((t) => t.id === q.topic_id) ?? null : null;
    return htmlPage(<QaPage frame={await frameFor(ctx, request)} q={q} topic={topic} />, q.updated_at);
  }));
}
