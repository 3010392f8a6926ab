import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { AppContext } from '../context.js';
import { hitFor } from './cache-reply.js';
import { answerHealth, healthProbe } from './health.js';
import { PageCache } from './page-cache.js';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/** The last value of a header a proxy may have appended to (as Fastify reads it). */
function lastEntry(value: string | string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = Array.isArray(value) ? value[value.length - 1]! : value;
  const i = v.lastIndexOf(',');
  return (i === -1 ? v : v.slice(i + 1)).trim();
}

/** The origin as `originOf` (render.ts) gives it for the same request through Fastify. */
function originOfRaw(req: IncomingMessage, trustProxy: boolean): string {
  const proto = (trustProxy && lastEntry(req.headers['x-forwarded-proto'])) || ((req.socket as TLSSocket).encrypted ? 'https' : 'http');
  const host = (trustProxy && lastEntry(req.headers['x-forwarded-host'])) || req.headers.host || '';
  return `${proto}://${host}`;
}

/**
 * The HTTP server of a real process: a request for a public page already in the cache is answered
 * here, before Fastify makes its request and reply objects, with exactly the bytes and headers the
 * full pipeline sent the first time (cache-reply.ts, `hitFor`); everything else goes to Fastify.
 * With access logging on, every request goes through Fastify (which logs it).
 */
export function serverWithRawHits(ctxOf: () => AppContext | undefined, trustProxy: boolean, accessLog: boolean): (handler: Listener) => Server {
  return (handler) => {
    const server = createServer((req, res) => {
      // Before any site, session or limit: a probe is answered for any Host (health.ts).
      const probe = healthProbe(req);
      if (probe) return void answerHealth(probe, ctxOf(), req, res);
      const ctx = accessLog ? undefined : ctxOf();
      if (ctx && (req.method === 'GET' || req.method === 'HEAD') && req.url && !req.url.includes('?')) {
        const site = ctx.sites.resolve(req.headers.host);
        const entry = site && ctx.pageCache.peek(PageCache.key(site.id, originOfRaw(req, trustProxy), req.url));
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
    // Fastify's own server would have these (its defaults).
    server.keepAliveTimeout = 72_000;
    return server;
  };
}
