import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ERRORS, type ErrorCode } from '../lib/errors.js';
import { leadOf, MOVED_CACHE } from './old-address-answer.js';
import { frameFor, HTML, renderHtml } from './render.js';
import { pickEncoding } from './accept-encoding.js';
import { answerErrorFromCache, pageHeaders, sendEntry } from './cache-reply.js';
import { PageCache } from './page-cache.js';
import { makeEntry } from './cache-entry.js';
import { BareErrorPage, ErrorPage } from '../views/public/error-page.js';
import { takeFirstQueryValues } from './route-schemas.js';
import { AdminErrorPage } from '../views/admin/error-page.js';
import { perMinute } from './limits.js';
import { isOutage } from './outage.js';

/**
 * Error pages kept per site, one per status, so one code per status: a second 503 (the file store
 * down) must not be answered with the kept page of the first (the database down). The others,
 * rarer and sometimes with a message of their own, are rendered each time.
 */
const KEPT_ERROR_CODES: ReadonlySet<string> = new Set(['not_found', 'rate_limited', 'unavailable']);

/** One error handler: full context in the log, a Vietnamese message for people, 5xx details never shown. */
export async function errorRoutes(app: FastifyInstance): Promise<void> {
  const ctx = app.cong;
  /** 404s whose answer depends on the host asked: not kept under the site and path (old-address-answer.ts). */
  const byHost = new WeakSet<FastifyRequest>();

  async function respond(request: FastifyRequest, reply: FastifyReply, status: number, code: string, message: string) {
    reply.code(status).header('cache-control', 'no-store');
    const wantsHtml = (request.headers.accept ?? 'text/html').includes('text/html') && request.site;
    if (wantsHtml && request.url.startsWith('/quan-tri')) {
      return reply.type('text/html; charset=utf-8').send(renderHtml(<AdminErrorPage site={request.site} assets={ctx.assets} status={status} message={message} />));
    }
    if (wantsHtml) {
      try {
        const render = async () => {
          const frame = await frameFor(ctx, request);
          return { status, contentType: HTML, cacheControl: 'no-store', body: renderHtml(<ErrorPage frame={frame} status={status} message={message} />) };
        };
        const want = pickEncoding(request.headers['accept-encoding']);
        // The common answers are the same for every path of a site: rendered once per site, kept like
        // pages and purged with them, so that a client over its limit costs no more than a cached page.
        if (KEPT_ERROR_CODES.has(code) && message === ERRORS[code as ErrorCode]?.message) {
          const entry = await ctx.pageCache.errorPage(request.site.id, status, render, want);
          if (status === 404 && (request.method === 'GET' || request.method === 'HEAD') && !request.url.includes('?') && !byHost.has(request)) {
            ctx.pageCache.rememberNotFound(PageCache.key(request.site.id, request.url), entry, pageHeaders(reply));
          }
          if (status === 429) ctx.limitBlocks.describe(request, pageHeaders(reply));
          return answerErrorFromCache(request, reply, entry) ? reply : sendEntry(request, reply, entry);
        }
        return sendEntry(request, reply, await makeEntry(await render(), 0, want));
      } catch (err) {
        if (!isOutage(err, ctx.redis)) request.log.error({ err }, 'error page failed to render');
        return reply.type(HTML).send(renderHtml(<BareErrorPage siteName={request.site.name} message={message} />));
      }
    }
    return reply.type('application/json; charset=utf-8').send({ error: { code, message } });
  }

  /**
   * A 301 when the unknown public address moved: an old portal's address (host-aware), a category
   * or page that got a new slug, an old article id (old-address-answer.ts).
   */
  async function moved(request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || !request.site || request.url.startsWith('/quan-tri')) return false;
    const found = await leadOf(ctx, request.site, request.headers.host, request.url).catch(() => null);
    if (found?.hostDependent) byHost.add(request);
    if (!found?.lead) return false;
    reply.code(301).header('cache-control', MOVED_CACHE).redirect(found.lead.location, 301);
    return true;
  }

  // Route schemas (route-schemas.ts): a path that does not fit ("/bai-viet/abc") names nothing and
  // gets the same 404 as an unknown address, through the handler below (so a moved address still
  // redirects); other parts that do not fit are a 400. Query strings are made to fit first.
  app.setSchemaErrorFormatter((_errors, part) => new AppError(part === 'params' ? 'not_found' : 'bad_request'));
  app.addHook('onRoute', takeFirstQueryValues);

  app.setErrorHandler(async (err: FastifyError | AppError, request, reply) => {
    if (err instanceof AppError && err.status === 404 && (await moved(request, reply))) return reply;
    if (err instanceof AppError) {
      if (err.status >= 500) request.log.error({ err }, 'request failed');
      return respond(request, reply, err.status, err.code, err.message);
    }
    // Redis or the database out of reach: one line, not a stack per request, and a 503 that a
    // proxy may retry elsewhere and a person may retry later.
    if (isOutage(err, ctx.redis)) {
      request.log.warn({ reason: err.message }, 'service unavailable');
      reply.header('retry-after', '30');
      return respond(request, reply, 503, 'unavailable', ERRORS.unavailable.message);
    }
    const status = err.statusCode && err.statusCode >= 400 ? err.statusCode : 500;
    if (status >= 500) {
      request.log.error({ err }, 'request failed');
      return respond(request, reply, 500, 'internal', ERRORS.internal.message);
    }
    if (status === 429) return respond(request, reply, 429, 'rate_limited', ERRORS.rate_limited.message);
    if (status === 404) return respond(request, reply, 404, 'not_found', ERRORS.not_found.message);
    return respond(request, reply, status, 'bad_request', ERRORS.bad_request.message);
  });

  app.setNotFoundHandler({ preHandler: app.rateLimit(perMinute(120)) }, async (request, reply) => {
    if (await moved(request, reply)) return reply;
    return respond(request, reply, 404, 'not_found', ERRORS.not_found.message);
  });
}
