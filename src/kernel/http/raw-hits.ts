import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
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
    const headers = hitHeaders(req.rawHeaders) ?? req.headers;
    const site = ctx.sites.resolve(headers.host);
    if (!site) return null;
    if (ctx.limitBlocks.size) {
      const page = ctx.pageCache.peek(PageCache.errorKey(site.id, 429));
      const limited = ctx.limitBlocks.answer(LimitBlocks.key(site.id, req.url, clientAddress(req, trust)), page, req.headers, req.method);
      if (limited) return limited;
    }
    if (req.url.includes('?')) return null;
    const entry = ctx.pageCache.peek(PageCache.key(site.id, req.url));
    return entry ? hitFor(headers, req.method, entry) : null;
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

/** The request headers a cache hit reads. */
type HitHeaders = Pick<IncomingHttpHeaders, 'host' | 'accept-encoding' | 'if-none-match' | 'if-modified-since'>;

const WANTED = ['host', 'accept-encoding', 'if-none-match', 'if-modified-since'] as const;
/** Where in WANTED a name of each length would be (the four lengths differ). */
const SLOT_BY_LENGTH = new Map<number, number>(WANTED.map((name, i) => [name.length, i]));
/** The values found, by slot: filled and read within one synchronous call. */
const found: (string | undefined)[] = [undefined, undefined, undefined, undefined];

/**
 * The headers a cache hit reads, straight from the list the parser made: Node builds
 * `req.headers` (an object of every header, names lowercased) on first use, which costs a cache
 * hit more than the lookup itself. A header sent twice, which `req.headers` would join or
 * choose from, is left to `req.headers` (null). The object has the same four fields in the same
 * order every time, so the code reading it sees one shape.
 */
export function hitHeaders(raw: string[]): HitHeaders | null {
  found.fill(undefined);
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    const slot = SLOT_BY_LENGTH.get(name.length);
    if (slot === undefined || name.toLowerCase() !== WANTED[slot]) continue;
    if (found[slot] !== undefined) return null;
    found[slot] = raw[i + 1]!;
  }
  return { host: found[0], 'accept-encoding': found[1], 'if-none-match': found[2], 'if-modified-since': found[3] };
}
