import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Public responses are the same for every visitor, so they are rendered once, compressed once
 * (gzip and brotli) and kept in memory, keyed by site, origin and path. Entries expire after
 * the page TTL (so server-rendered counters are at most that old) and are purged by the writes
 * that change them.
 */
export interface Rendered {
  status: number;
  contentType: string;
  body: string | Buffer;
  cacheControl: string;
  /** ISO time of the newest content on the page. */
  lastModified?: string | null;
  headers?: Record<string, string>;
}

export interface CacheEntry {
  status: number;
  contentType: string;
  cacheControl: string;
  etag: string;
  lastModified: string | null;
  identity: Buffer;
  gzip: Buffer | null;
  br: Buffer | null;
  headers: Record<string, string>;
  expiresAt: number;
}

const COMPRESS_MIN_BYTES = 1024;

export class PageCache {
  private entries = new Map<string, CacheEntry>();
  private pending = new Map<string, Promise<CacheEntry>>();

  constructor(private readonly ttlMs: number, private readonly maxEntries = 5000) {}

  static key(siteId: number, origin: string, path: string): string {
    return `${siteId}\n${origin}\n${path}`;
  }

  /** The cached entry, or the one `render` produces; concurrent misses render once. */
  async getOrRender(key: string, render: () => Promise<Rendered>, now = Date.now()): Promise<CacheEntry> {
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > now) return hit;
    const inflight = this.pending.get(key);
    if (inflight) return inflight;
    const p = render()
      .then((r) => {
        const entry = toEntry(r, now + this.ttlMs);
        if (this.ttlMs > 0 && r.status < 400) this.store(key, entry);
        return entry;
      })
      .finally(() => this.pending.delete(key));
    this.pending.set(key, p);
    return p;
  }

  private store(key: string, entry: CacheEntry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    // Map keeps insertion order: the first keys are the oldest.
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  purgeSite(siteId: number): void {
    const prefix = `${siteId}\n`;
    for (const k of this.entries.keys()) if (k.startsWith(prefix)) this.entries.delete(k);
  }

  /** Purges every path of a site that starts with the prefix (a category and its pages, feeds). */
  purgePrefix(siteId: number, prefix: string): void {
    const site = `${siteId}\n`;
    for (const k of this.entries.keys()) {
      if (!k.startsWith(site)) continue;
      const path = k.slice(k.indexOf('\n', site.length) + 1);
      if (path === prefix || path.startsWith(`${prefix}/`)) this.entries.delete(k);
    }
  }

  /** Purges the given paths of a site, on every origin it was served under. */
  purgePaths(siteId: number, paths: string[]): void {
    const prefix = `${siteId}\n`;
    const wanted = new Set(paths);
    for (const k of this.entries.keys()) {
      if (!k.startsWith(prefix)) continue;
      const path = k.slice(k.indexOf('\n', prefix.length) + 1);
      if (wanted.has(path)) this.entries.delete(k);
    }
  }
}

export function toEntry(r: Rendered, expiresAt: number): CacheEntry {
  const identity = typeof r.body === 'string' ? Buffer.from(r.body, 'utf8') : r.body;
  const compressible = identity.length >= COMPRESS_MIN_BYTES && /^(text\/|application\/(json|xml|rss\+xml|javascript)|image\/svg)/.test(r.contentType);
  const etag = `"${createHash('sha1').update(identity).digest('base64url').slice(0, 20)}"`;
  return {
    status: r.status,
    contentType: r.contentType,
    cacheControl: r.cacheControl,
    etag,
    lastModified: r.lastModified ? new Date(r.lastModified).toUTCString() : null,
    identity,
    gzip: compressible ? gzipSync(identity, { level: 9 }) : null,
    br: compressible
      ? brotliCompressSync(identity, {
          params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: identity.length },
        })
      : null,
    headers: r.headers ?? {},
    expiresAt,
  };
}

function notModified(request: FastifyRequest, entry: CacheEntry): boolean {
  const inm = request.headers['if-none-match'];
  if (inm !== undefined) {
    return inm === entry.etag || inm.split(',').some((t) => t.trim().replace(/^W\//, '') === entry.etag);
  }
  const ims = request.headers['if-modified-since'];
  if (ims && entry.lastModified) {
    const since = Date.parse(ims);
    return !Number.isNaN(since) && Date.parse(entry.lastModified) <= since;
  }
  return false;
}

function pickEncoding(accept: string | undefined): 'br' | 'gzip' | null {
  if (!accept) return null;
  const a = accept.toLowerCase();
  if (/\bbr\b(?!;q=0(\.0+)?\b)/.test(a)) return 'br';
  if (/\bgzip\b(?!;q=0(\.0+)?\b)/.test(a)) return 'gzip';
  return null;
}

export function sendEntry(request: FastifyRequest, reply: FastifyReply, entry: CacheEntry): FastifyReply {
  reply.header('cache-control', entry.cacheControl);
  reply.header('etag', entry.etag);
  if (entry.lastModified) reply.header('last-modified', entry.lastModified);
  for (const [k, v] of Object.entries(entry.headers)) reply.header(k, v);
  if (entry.status === 200 && notModified(request, entry)) {
    return reply.code(304).send();
  }
  reply.code(entry.status).header('content-type', entry.contentType);
  if (entry.gzip) reply.header('vary', 'Accept-Encoding');
  const enc = entry.gzip ? pickEncoding(request.headers['accept-encoding']) : null;
  const body = enc === 'br' ? entry.br! : enc === 'gzip' ? entry.gzip! : entry.identity;
  if (enc) reply.header('content-encoding', enc);
  return reply.header('content-length', body.length).send(body);
}
