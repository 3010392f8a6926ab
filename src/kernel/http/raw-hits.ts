import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AppContext } from '../context.js';
import { hitFor, type Hit } from './cache-reply.js';
import { clientAddress, type TrustFunction } from './client-address.js';
import { answerHealth, healthProbe } from './health.js';
import { LimitBlocks } from './limit-blocks.js';
import { PageCache } from './page-cache.js';
import { guardIdle, limitConnections, serverOptions, type ServerTimeouts } from './timeouts.js';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;
type RawRequest = IncomingMessage & { url: string; method: string };

/**
 * The HTTP server of a real process: a request for a public page already in the cache is answered
 * here, before Fastify makes its request and reply objects, with exactly the bytes and headers the
 * full pipeline sent the first time (cache-reply.ts, `hitFor`); so is a client still over a rate
 * limit it ran into (limit-blocks.ts). Everything else goes to Fastify. With access logging on,
 * every request goes through Fastify (which logs it). The key is the site (from Host, as the
 * kernel's hook resolves it) and the path; `clientAddress(req, trust)` (client-address.ts) reads
 * the client as Fastify's `request.ip` does.
 */
export function serverWithRawHits(ctxOf: () => AppContext | undefined, trust: TrustFunction | false, accessLog: boolean, timeouts: ServerTimeouts): (handler: Listener) => Server {
  const rawAnswer = (ctx: AppContext, req: RawRequest): Hit | null => {
    const site = ctx.sites.resolve(req.headers.host);
    if (!site) return null;
    if (ctx.limitBlocks.size) {
      const page = ctx.pageCache.peek(PageCache.errorKey(site.id, 429));
      const limited = ctx.limitBlocks.answer(LimitBlocks.key(site.id, req.url, clientAddress(req, trust)), page, req.headers, req.method);
      if (limited) return limited;
    }
    if (req.url.includes('?')) return null;
    const entry = ctx.pageCache.peek(PageCache.key(site.id, req.url));
    return entry ? hitFor(req.headers, req.method, entry) : null;
  };
  return (handler) => {
    const server = createServer(serverOptions(timeouts), (req, res) => {
      // Before any site, session or limit: a probe is answered for any Host (health.ts).
      const probe = healthProbe(req);
      if (probe) return void answerHealth(probe, ctxOf(), req, res);
      const ctx = accessLog ? undefined : ctxOf();
      if (ctx && (req.method === 'GET' || req.method === 'HEAD') && req.url) {
        const hit = rawAnswer(ctx, req as RawRequest);
        if (hit) {
          ctx.pageCache.counters.rawHits++;
          res.writeHead(hit.status, hit.headers);
          res.end(hit.body);
          // Bytes the kernel did not take yet wait on a client that may have stopped reading.
          if (res.writableLength > 0) guardIdle(req.socket);
          return;
        }
      }
      guardIdle(req.socket);
      handler(req, res);
    });
    limitConnections(server, timeouts);
    return server;
  };
}
