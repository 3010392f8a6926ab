import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { clusterRateLimitStore } from '../cluster/rate-limit-store.js';
import type { AppContext } from '../context.js';
import { assetRoutes } from './asset-routes.js';
import { errorRoutes } from './error-routes.js';
import { perMinute, RATE_LIMITED, SEARCHES_PER_MINUTE } from './limits.js';
import { answerFromCache } from './cache-reply.js';
import { PageCache } from './page-cache.js';
import { contentSecurityPolicy } from './security.js';
import { limitKeyOf } from './client-address.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The `preHandler` of every search-like page: one budget of SEARCHES_PER_MINUTE per address. */
    searchLimit: preHandlerAsyncHookHandler;
  }
}

/**
 * What every request goes through before a feature's route: the site it is for, the page cache's
 * fast path, the security headers, compression, cookies, form bodies, the error pages and the
 * client assets.
 */
/**
 * Where the rate limits count: in Redis when there is one (every instance), in the primary when
 * several workers serve without Redis, otherwise in this process (the plugin's own store).
 */
function rateLimitStore(ctx: AppContext) {
  // Redis down: the limits are not counted for a moment rather than every request failing.
  if (ctx.redis) return { redis: ctx.redis.client, nameSpace: `${ctx.redis.prefix}rate-limit:`, skipOnError: true };
  if (ctx.primary) return { store: clusterRateLimitStore(ctx.primary) };
  return {};
}

/**
 * The answer to a Host no site is configured for (RFC 9110 §15.5.20): one constant, never naming
 * the host asked for, cacheable by browsers and CDNs (it changes only when a site is configured).
 */
const MISDIRECTED = 'Tên miền này không thuộc trang thông tin điện tử nào trên máy chủ.\n';

function misdirected(reply: FastifyReply): FastifyReply {
  return reply.code(421).header('cache-control', 'public, max-age=300').type('text/plain; charset=utf-8').send(MISDIRECTED);
}

export async function registerKernel(app: FastifyInstance): Promise<void> {
  const ctx = app.cong;
  app.decorateRequest('site', null as never);

  // First hook: which site, and — for a public page already in the cache — the answer itself,
  // before routing and the header plugins (their headers are stored with the entry).
  app.addHook('onRequest', async (request, reply) => {
    const site = ctx.sites.resolve(request.headers.host);
    if (!site) {
      if (ctx.sites.isEmpty) return reply.code(503).type('text/plain; charset=utf-8').send('Chưa có trang thông tin nào được tạo.');
      return misdirected(reply);
    }
    request.site = site;
    // Only bare paths: a page whose content depends on its query (a list filtered by ?q=) must
    // reach its route, which decides what of it may come from the cache.
    if ((request.method === 'GET' || request.method === 'HEAD') && !request.url.includes('?')) {
      const entry = ctx.pageCache.peek(PageCache.key(site.id, request.url));
      if (entry && answerFromCache(request, reply, entry)) return reply;
    }
    reply.header('content-security-policy', contentSecurityPolicy(site));
  });

  // Referrer-Policy same-origin: other sites learn nothing of where a visitor came from (as with
  // helmet's no-referrer), while our own form posts carry their Origin (citizen.ts checks it).
  await app.register(helmet, { contentSecurityPolicy: false, crossOriginEmbedderPolicy: false, referrerPolicy: { policy: 'same-origin' } });
  // A refused client is remembered until its window ends (limit-blocks.ts); the error is made once.
  const refuse = (request: FastifyRequest, limit: { ttl: number; max: number }) => {
    ctx.limitBlocks.note(request, limit.ttl, limit.max);
    return RATE_LIMITED;
  };
  // An IPv6 client counts by its /64: a subscriber can take any address of it.
  await app.register(rateLimit, { global: false, errorResponseBuilder: refuse, keyGenerator: (request) => limitKeyOf(request.ip), ...rateLimitStore(ctx) });
  // One budget shared by every search-like page (limits.ts): one limiter, hence one store.
  app.decorate('searchLimit', app.rateLimit({ ...perMinute(SEARCHES_PER_MINUTE), keyGenerator: (request) => `search:${limitKeyOf(request.ip)}` }));
  await app.register(compress, { global: true, threshold: 1024 });
  await app.register(cookie);
  await app.register(formbody);

  await errorRoutes(app);
  await app.register(assetRoutes);
}
