import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { articleFromPath, deviceClass, referrerDomain, skipReason } from '../classify.js';
import { parseId } from '../../../kernel/lib/ids.js';
import { privacyRoute } from './privacy.js';
import { VisitCounter, type PageView } from '../service.js';
import { perMinute } from '../../../kernel/http/limits.js';
import { WINDOW_CAP } from '../window.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The visit counter (beacon, live numbers, flush jobs). */
    stats: VisitCounter;
  }
}

const n = { type: 'integer' } as const;
/** The beacon's answer, serialized from a schema (faster than JSON.stringify on the hot path). */
const COUNTERS = {
  response: { 200: { type: 'object', properties: { total: n, online: n, today: n, yesterday: n, month: n, views: n }, required: ['total', 'online', 'today', 'yesterday', 'month'] } },
} as const;

const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/**
 * The visit beacon and the live counters. Public pages are cached and identical for everyone, so
 * a page view is counted by a small request the page makes (POST /thong-ke/ghi from the script,
 * or the <noscript> pixel GET /thong-ke/ghi.gif); the answer carries the site's current numbers
 * for the widget. Bots, prefetches and other sites' pages are not counted. Nothing here is
 * cacheable, and the beacon does not write a log line per hit.
 */
export async function statsRoutes(app: FastifyInstance): Promise<void> {
  const ctx = app.cong;
  const counter = await VisitCounter.create({
    db: ctx.db,
    dialect: ctx.dialect,
    now: ctx.now,
    redis: ctx.redis,
    primary: ctx.primary,
    flushMs: ctx.config.statsFlushMs,
    referrerRetentionDays: ctx.config.statsReferrerRetentionDays,
    windowCap: WINDOW_CAP,
    onError: (err) => app.log.error({ err }, 'visitor statistics job failed'),
    onNotice: (message) => app.log.warn(message),
  });
  // Its flush and housekeeping are jobs (../jobs.ts): the last flush runs when the app closes.
  app.decorate('stats', counter);
  ctx.metrics.watchStatsFlush(() => counter.lastFlushedAt());
  ctx.metrics.watchLostPageViews(() => counter.lostHits);
  // The counter settings (imported base, what is counted) change with a purge of the whole site,
  // here or on another instance or worker: re-read them at once rather than after their lifetime.
  ctx.purges.subscribe((m) => {
    if (m.op === 'site') counter.settingsChanged(m.siteId);
  });

  const limit = ctx.config.statsRateLimit;
  // The hottest route: no request log line, and none of the HTML page's headers or compression.
  const opts = {
    logLevel: 'warn' as const,
    helmet: false as const,
    compress: false as const,
    bodyLimit: 4096,
    config: { rateLimit: limit > 0 ? perMinute(limit) : (false as const) },
  };

  const pageView = (request: FastifyRequest, articleId: number | null, referrer: unknown): PageView => {
    const ua = request.headers['user-agent'] ?? '';
    return { siteId: request.site.id, ip: request.ip, ua, device: deviceClass(ua), articleId, referrer: referrerDomain(referrer, request.hostname) };
  };
  const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store').header('x-content-type-options', 'nosniff').header('x-robots-tag', 'noindex');

  app.post('/thong-ke/ghi', { ...opts, schema: COUNTERS }, async (request, reply) => {
    noStore(reply);
    let body = request.body as unknown;
    if (typeof body === 'string') body = safeJson(body);
    const b = (body && typeof body === 'object' ? body : {}) as { a?: unknown; r?: unknown };
    const articleId = typeof b.a === 'number' || typeof b.a === 'string' ? articleIdOf(String(b.a)) : null;
    if (skipReason(request.headers)) return reply.send(await counter.read(request.site.id));
    const counters = await counter.count(pageView(request, articleId, fromOwnPage(request) ? b.r : null));
    ctx.metrics.pageView(request.site.code);
    return reply.send(counters);
  });

  // People without JavaScript: the layout's <noscript> image. The page it sits on is the Referer.
  app.get('/thong-ke/ghi.gif', opts, async (request, reply) => {
    noStore(reply).type('image/gif');
    if (skipReason(request.headers)) return reply.send(PIXEL);
    const page = sameSitePath(request.headers.referer, request.hostname);
    await counter.count(pageView(request, page ? articleFromPath(page) : null, null));
    ctx.metrics.pageView(request.site.code);
    return reply.send(PIXEL);
  });

  app.get('/thong-ke/so-lieu', { logLevel: 'warn', schema: COUNTERS }, async (request, reply) => {
    noStore(reply);
    return reply.send(await counter.read(request.site.id));
  });

  await privacyRoute(app);
}
// Not encapsulated (like fastify-plugin): the back office reads app.stats too.
(statsRoutes as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;

function articleIdOf(raw: string): number | null {
  const id = parseId(raw);
  return id !== null && id > 0 ? id : null;
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}

/**
 * The page's referrer (document.referrer, sent in the beacon's body) is kept only when the beacon
 * itself comes from one of our pages: its Referer header is a page of this site (what browsers
 * send under our Referrer-Policy same-origin) and, when the browser says, the request is
 * same-origin. Another site's page, or a form or script there, cannot make a browser send that,
 * so it cannot fill our referrer table; a script outside a browser can, within the per-address
 * rate limit and the daily cap of domains (writer.ts).
 */
function fromOwnPage(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return false;
  return sameSitePath(request.headers.referer, request.hostname) !== null;
}

function sameSitePath(referer: string | undefined, host: string): string | null {
  if (!referer) return null;
  try {
    const u = new URL(referer);
    return u.hostname === host ? u.pathname : null;
  } catch {
    return null;
  }
}
