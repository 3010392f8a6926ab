import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AppContext } from '../context.js';
import { hitFor } from './cache-reply.js';
import type { TrustFunction } from './client-address.js';
import { PageCache } from './page-cache.js';
import { limitConnections, serverOptions, type ServerTimeouts } from './timeouts.js';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The HTTP server of a real process: a request for a public page already in the cache is answered
 * here, before Fastify makes its request and reply objects, with exactly the bytes and headers the
 * full pipeline sent the first time (cache-reply.ts, `hitFor`); everything else goes to Fastify.
 * With access logging on, every request goes through Fastify (which logs it). The key is the
 * site (from Host, as the kernel's hook resolves it) and the path; `clientAddress(req, trust)`
 * (client-address.ts) reads the client as Fastify's `request.ip` does.
 */
export function serverWithRawHits(ctxOf: () => AppContext | undefined, _trust: TrustFunction | false, accessLog: boolean, timeouts: ServerTimeouts): (handler: Listener) => Server {
  return (handler) => {
    const server = createServer(serverOptions(timeouts), (req, res) => {
      const ctx = accessLog ? undefined : ctxOf();
      if (ctx && (req.method === 'GET' || req.method === 'HEAD') && req.url && !req.url.includes('?')) {
        const site = ctx.sites.resolve(req.headers.host);
        const entry = site && ctx.pageCache.peek(PageCache.key(site.id, req.url));
        const hit = entry && hitFor(req.headers, req.method, entry);
        if (hit) {
          ctx.pageCache.counters.rawHits++;
          res.writeHead(hit.status, hit.headers);
          res.end(hit.body);
          return;
        }
      }
      handler(req, res);
    });
    limitConnections(server, timeouts);
    return server;
  };
}
