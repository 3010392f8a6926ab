import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyRequest } from 'fastify';
import { countHit, type CacheEntry } from './cache-entry.js';
import { pickEncoding } from './accept-encoding.js';
import { flatHeaders, type Hit } from './cache-reply.js';

interface Block {
  /** When the limit's window ends (ms since the epoch): from then on the route answers again. */
  until: number;
  max: number;
  /** The headers of the full pipeline's 429 for this address that belong to the page (CSP, helmet). */
  headers: Record<string, string> | null;
  /**
   * The last complete header set sent, reused while the seconds left and the encoding are the
   * same: a client hammering a limit gets thousands of answers a second, and each fresh set of
   * twenty headers was garbage for the collector.
   */
  sent?: { seconds: number; enc: string | null; page: CacheEntry; headers: string[] };
}

/**
 * Clients over a rate limit, remembered until their limit's window ends, so that their next
 * requests for the same address are answered with the site's kept 429 page before Fastify
 * (raw-hits.ts): a script hammering a limited route then costs no more than a cached page. Only
 * GET and HEAD (a refused form post must still read its body), keyed by site, path (without the
 * query: the limit is the route's, whatever is searched) and the client's exact address — a key
 * at least as narrow as the limit's own, so a remembered block is never wider than the limit.
 * Bounded: past `maxBlocks` the expired go first, then the oldest.
 */
export class LimitBlocks {
  private readonly blocks = new Map<string, Block>();

  constructor(private readonly maxBlocks = 10_000) {}

  get size(): number {
    return this.blocks.size;
  }

  static key(siteId: number, url: string, ip: string | undefined): string {
    const q = url.indexOf('?');
    return `${siteId} ${q === -1 ? url : url.slice(0, q)} ${ip}`;
  }

  /** The rate limit refused this request; its window ends in `ttlMs` (the plugin's error builder). */
  note(request: FastifyRequest, ttlMs: number, max: number, now = Date.now()): void {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || !request.site || !(ttlMs > 0)) return;
    const key = LimitBlocks.key(request.site.id, request.url, request.ip);
    this.blocks.delete(key);
    if (this.blocks.size >= this.maxBlocks) this.makeRoom(now);
    this.blocks.set(key, { until: now + ttlMs, max, headers: null });
  }

  /** The full pipeline has answered the refused request with the site's kept 429 page and these page headers. */
  describe(request: FastifyRequest, headers: Record<string, string>): void {
    const block = request.site && this.blocks.get(LimitBlocks.key(request.site.id, request.url, request.ip));
    if (block) block.headers = headers;
  }

  /**
   * The answer for a request whose client is still over the limit: the kept 429 page (`page`),
   * or null when there is no block, its page is not known yet, or the copy asked for is not made.
   */
  answer(key: string, page: CacheEntry | undefined, requestHeaders: IncomingHttpHeaders, method: string, now = Date.now()): Hit | null {
    const block = this.blocks.get(key);
    if (!block) return null;
    if (block.until <= now) {
      this.blocks.delete(key);
      return null;
    }
    if (!block.headers || !page || page.status !== 429) return null;
    // The kept page answers clients that take HTML (error-routes.tsx); the others get JSON there.
    const accept = requestHeaders.accept;
    if (accept !== undefined && !accept.includes('text/html')) return null;
    const enc = page.identity ? null : pickEncoding(requestHeaders['accept-encoding']);
    const body = enc ? page[enc] : page.identity;
    if (!body) return null;
    countHit(page);
    const seconds = Math.ceil((block.until - now) / 1000);
    const sentBody = method === 'HEAD' ? undefined : body;
    const sent = block.sent;
    if (sent && sent.seconds === seconds && sent.enc === enc && sent.page === page) return { status: 429, headers: sent.headers, body: sentBody };
    const all: Record<string, string | number> = {
      ...block.headers,
      'x-ratelimit-limit': block.max,
      'x-ratelimit-remaining': 0,
      'x-ratelimit-reset': seconds,
      'retry-after': seconds,
      'cache-control': page.cacheControl,
      'content-type': page.contentType,
    };
    if (!page.identity) all.vary = 'Accept-Encoding';
    if (enc) all['content-encoding'] = enc;
    all['content-length'] = body.length;
    const headers = flatHeaders(all);
    block.sent = { seconds, enc, page, headers };
    return { status: 429, headers, body: sentBody };
  }

  private makeRoom(now: number): void {
    for (const [k, b] of this.blocks) if (b.until <= now) this.blocks.delete(k);
    for (const k of this.blocks.keys()) {
      if (this.blocks.size < this.maxBlocks) break;
      this.blocks.delete(k);
    }
  }
}
