import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlib, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { localPurgeBus, type PurgeBus, type PurgeMessage } from './purge-bus.js';

/**
 * Public responses are the same for every visitor, so they are rendered once, compressed once
 * (gzip and brotli) and kept in memory, keyed by site, origin and path. Entries expire after
 * the page TTL (so server-rendered counters are at most that old) and are purged by the writes
 * that change them. Every purge is published on the purge bus, and the other instances' purges
 * received from it are done here too.
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
  /** Kept only when the body is not compressed; otherwise gunzipped for the rare client without gzip. */
  identity: Buffer | null;
  gzip: Buffer | null;
  br: Buffer | null;
  headers: Record<string, string>;
  expiresAt: number;
  bytes: number;
  /**
   * The headers the full pipeline (helmet, the site's CSP) put on the first response; cache hits
   * answered before routing send exactly these.
   */
  baseHeaders?: Record<string, string>;
  /** Complete header sets for the fast path, per encoding and for 304, built once. */
  rawHeaders?: Map<string, Record<string, string | number>>;
}

const COMPRESS_MIN_BYTES = 1024;

export class PageCache {
  private entries = new Map<string, CacheEntry>();
  private pending = new Map<string, Promise<CacheEntry>>();

  private bytes = 0;

  /** Bounded by bytes (compressed copies) as well as entries, so a crawler cannot grow it without limit. */
  constructor(
    private readonly ttlMs: number,
    private readonly bus: PurgeBus = localPurgeBus,
    private readonly maxEntries = 5000,
    private readonly maxBytes = 48 * 1024 * 1024,
  ) {
    bus.subscribe((m) => this.applyRemote(m));
  }

  static key(siteId: number, origin: string, path: string): string {
    return `${siteId}\n${origin}\n${path}`;
  }

  /** The cached entry, or the one `render` produces; concurrent misses render once. */
  /** A fresh entry or undefined; no rendering. */
  peek(key: string, now = Date.now()): CacheEntry | undefined {
    const hit = this.entries.get(key);
    return hit && hit.expiresAt > now ? hit : undefined;
  }

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
    this.delete(key);
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    // Map keeps insertion order: the first keys are the oldest.
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
    }
  }

  private delete(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.bytes -= e.bytes;
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Everything, e.g. after another instance changed the site table. */
  purgeAll(): void {
    for (const k of [...this.entries.keys()]) this.delete(k);
  }

  purgeSite(siteId: number): void {
    this.dropSite(siteId);
    this.bus.publish({ op: 'site', siteId });
  }

  /** Purges every path of a site that starts with the prefix (a category and its pages, feeds). */
  purgePrefix(siteId: number, prefix: string): void {
    this.dropPrefix(siteId, prefix);
    this.bus.publish({ op: 'prefix', siteId, prefix });
  }

  /** Purges the given paths of a site, on every origin it was served under. */
  purgePaths(siteId: number, paths: string[]): void {
    this.dropPaths(siteId, paths);
    this.bus.publish({ op: 'paths', siteId, paths });
  }

  /** Another instance's purge: done here, not published again. (A site-table reload is the SiteResolver's.) */
  private applyRemote(m: PurgeMessage): void {
    if (m.op === 'site') this.dropSite(m.siteId);
    else if (m.op === 'prefix') this.dropPrefix(m.siteId, m.prefix);
    else if (m.op === 'paths') this.dropPaths(m.siteId, m.paths);
  }

  private dropSite(siteId: number): void {
    const prefix = `${siteId}\n`;
    for (const k of [...this.entries.keys()]) if (k.startsWith(prefix)) this.delete(k);
  }

  private dropPrefix(siteId: number, prefix: string): void {
    const site = `${siteId}\n`;
    for (const k of [...this.entries.keys()]) {
      if (!k.startsWith(site)) continue;
      const path = k.slice(k.indexOf('\n', site.length) + 1);
      if (path === prefix || path.startsWith(`${prefix}/`)) this.delete(k);
    }
  }

  private dropPaths(siteId: number, paths: string[]): void {
    const prefix = `${siteId}\n`;
    const wanted = new Set(paths);
    for (const k of [...this.entries.keys()]) {
      if (!k.startsWith(prefix)) continue;
      const path = k.slice(k.indexOf('\n', prefix.length) + 1);
      if (wanted.has(path)) this.delete(k);
    }
  }
}

export function toEntry(r: Rendered, expiresAt: number): CacheEntry {
  const identity = typeof r.body === 'string' ? Buffer.from(r.body, 'utf8') : r.body;
  const compressible = identity.length >= COMPRESS_MIN_BYTES && /^(text\/|application\/(json|xml|rss\+xml|javascript)|image\/svg)/.test(r.contentType);
  const etag = `"${createHash('sha1').update(identity).digest('base64url').slice(0, 20)}"`;
  const gzip = compressible ? gzipSync(identity, { level: 9 }) : null;
  const br = compressible
    ? brotliCompressSync(identity, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: identity.length } })
    : null;
  return {
    status: r.status,
    contentType: r.contentType,
    cacheControl: r.cacheControl,
    etag,
    lastModified: r.lastModified ? new Date(r.lastModified).toUTCString() : null,
    identity: gzip ? null : identity,
    gzip,
    br,
    headers: r.headers ?? {},
    expiresAt,
    bytes: (gzip ? 0 : identity.length) + (gzip?.length ?? 0) + (br?.length ?? 0) + 512,
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

function bodyFor(entry: CacheEntry, enc: 'br' | 'gzip' | null): Buffer {
  if (enc === 'br') return entry.br!;
  if (enc === 'gzip') return entry.gzip!;
  return entry.identity ?? gunzipSync(entry.gzip!);
}

export function sendEntry(request: FastifyRequest, reply: FastifyReply, entry: CacheEntry): FastifyReply {
  if (!entry.baseHeaders) {
    // What helmet and the site hook set for this site, before anything entry-specific.
    const base: Record<string, string> = {};
    for (const [k, v] of Object.entries(reply.getHeaders())) if (typeof v === 'string') base[k] = v;
    entry.baseHeaders = base;
  }
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
  const body = bodyFor(entry, enc);
  if (enc) reply.header('content-encoding', enc);
  return reply.header('content-length', body.length).send(body);
}

/**
 * The fast path for cache hits, run before routing and the header plugins: the complete header
 * set of each variant is built once per entry and the bytes go straight to the socket. It only
 * answers entries that have been sent once through the full pipeline (so their headers are known).
 */
export function answerFromCache(request: FastifyRequest, reply: FastifyReply, entry: CacheEntry): boolean {
  if (!entry.baseHeaders || entry.status !== 200) return false;
  const fresh = notModified(request, entry);
  const enc = fresh ? null : entry.gzip ? pickEncoding(request.headers['accept-encoding']) : null;
  const variant = fresh ? '304' : (enc ?? 'identity');
  entry.rawHeaders ??= new Map();
  let headers = entry.rawHeaders.get(variant);
  if (!headers) {
    headers = { ...entry.baseHeaders, 'cache-control': entry.cacheControl, etag: entry.etag, ...entry.headers };
    if (entry.lastModified) headers['last-modified'] = entry.lastModified;
    if (!fresh) {
      headers['content-type'] = entry.contentType;
      if (entry.gzip) headers.vary = 'Accept-Encoding';
      if (enc) headers['content-encoding'] = enc;
      headers['content-length'] = bodyFor(entry, enc).length;
    }
    entry.rawHeaders.set(variant, headers);
  }
  reply.hijack();
  reply.raw.writeHead(fresh ? 304 : 200, headers);
  reply.raw.end(fresh || request.method === 'HEAD' ? undefined : bodyFor(entry, enc));
  return true;
}
