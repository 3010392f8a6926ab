import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, brotliDecompress, constants as zlib, gunzip, gzip } from 'node:zlib';

/**
 * One cached response and its compressed copies. A miss compresses only the encoding its request
 * asked for, at a fast level, on libuv's thread pool (never on the event loop); the other
 * encoding is made the first time a request asks for it, and the best-compressed copies are made
 * in the background once the entry proves popular.
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

export type Encoding = 'br' | 'gzip';

export interface CacheEntry {
  status: number;
  contentType: string;
  cacheControl: string;
  etag: string;
  lastModified: string | null;
  /** The body of an entry that is not compressed (small, or not text); null otherwise. */
  identity: Buffer | null;
  gzip: Buffer | null;
  br: Buffer | null;
  /** Both copies at the highest levels (made, or being made). */
  best: boolean;
  headers: Record<string, string>;
  expiresAt: number;
  /** Memory held by the buffers, plus a fixed amount for the rest. */
  bytes: number;
  /** Requests answered from this entry. */
  hits: number;
  /** Set by the cache that stores the entry: called when its buffers change size. */
  resized?: (delta: number) => void;
  /** Set by the cache: when the entry last became its most recently used (page-cache.ts, `touch`). */
  movedAt?: number;
  /** Set by the cache: called once, when the entry has been asked for often enough to deserve the best copies. */
  popular?: () => void;
  /**
   * The rendered body of a compressed entry, until its first answer: a request that takes no
   * compression is answered with it rather than with a copy decompressed again.
   */
  plain?: Buffer;
  /** Copies being made, so that concurrent requests wait for one compression. */
  making?: Map<Encoding, Promise<Buffer>>;
  /**
   * The headers the full pipeline (helmet, the site's CSP) put on the first response; cache hits
   * answered before routing send exactly these.
   */
  baseHeaders?: Record<string, string>;
  /** Complete header sets for the fast path, per encoding and for 304, built once. */
  rawHeaders?: Map<string, string[]>;
}

const COMPRESS_MIN_BYTES = 1024;
const ENTRY_OVERHEAD_BYTES = 512;
/** Hits after which an entry gets its best-compressed copies. */
export const POPULAR_AFTER_HITS = 3;

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);
const brotliAsync = promisify(brotliCompress);
const unbrotliAsync = promisify(brotliDecompress);

/**
 * The bytes in memory of their own, exactly their size. zlib hands back a view of its 16 KB output
 * chunk when the result fits in one (a brotli copy of an 8 KB page holds 16 KB); a kept copy would
 * hold the whole chunk while the cache counts only its length.
 */
export function exactCopy(buf: Buffer): Buffer {
  if (buf.byteOffset === 0 && buf.buffer.byteLength === buf.length) return buf;
  // allocUnsafeSlow: never a slice of Node's shared 8 KB pool (which a small copy would pin).
  const own = Buffer.allocUnsafeSlow(buf.length);
  buf.copy(own);
  return own;
}

/**
 * Fast levels: well under a millisecond for a 30 KB page. For the demo article (32 KB), gzip 4
 * takes 0.33 ms for 8,468 bytes where level 6 took 0.46 ms for 8,274 (2 % smaller, 40 % more
 * work: a crawl spends an eighth of its CPU in zlib); brotli 4 takes 0.39 ms for 8,389. A page
 * read a few times gets the best copies in the background (`makeBest`).
 */
function compressFast(enc: Encoding, body: Buffer): Promise<Buffer> {
  if (enc === 'gzip') return gzipAsync(body, { level: 4 }).then(exactCopy);
  return brotliAsync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 4, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }).then(exactCopy);
}

/** The best levels (brotli 11 costs ~30 ms for a 30 KB page): only in the background, on the thread pool. */
function compressBest(enc: Encoding, body: Buffer): Promise<Buffer> {
  if (enc === 'gzip') return gzipAsync(body, { level: 9 }).then(exactCopy);
  return brotliAsync(body, {
    params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT },
  }).then(exactCopy);
}

export function isCompressible(contentType: string, length: number): boolean {
  return length >= COMPRESS_MIN_BYTES && /^(text\/|application\/(json|xml|rss\+xml|atom\+xml|javascript|opensearchdescription\+xml)|image\/svg)/.test(contentType);
}

function sizeOf(e: CacheEntry): number {
  return (e.identity?.length ?? 0) + (e.gzip?.length ?? 0) + (e.br?.length ?? 0) + ENTRY_OVERHEAD_BYTES;
}

function setCopy(entry: CacheEntry, enc: Encoding, body: Buffer): void {
  const before = entry.bytes;
  entry[enc] = body;
  entry.bytes = sizeOf(entry);
  entry.rawHeaders = undefined;
  entry.resized?.(entry.bytes - before);
}

/**
 * The entry for a rendered response, with the copy `want` asks for (none for a client that takes
 * no compression: it gets the body as rendered, and the entry keeps a gzip copy).
 */
export async function makeEntry(r: Rendered, expiresAt: number, want: Encoding | null, best = false): Promise<CacheEntry> {
  const body = typeof r.body === 'string' ? Buffer.from(r.body, 'utf8') : r.body;
  const compressible = isCompressible(r.contentType, body.length);
  const entry: CacheEntry = {
    status: r.status,
    contentType: r.contentType,
    cacheControl: r.cacheControl,
    etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`,
    lastModified: r.lastModified ? new Date(r.lastModified).toUTCString() : null,
    // A small body made from a string is a view of Node's shared 8 KB pool: kept, it would pin it.
    identity: compressible ? null : exactCopy(body),
    gzip: null,
    br: null,
    best,
    headers: r.headers ?? {},
    expiresAt,
    bytes: 0,
    hits: 0,
  };
  if (compressible) {
    if (best) {
      [entry.gzip, entry.br] = await Promise.all([compressBest('gzip', body), compressBest('br', body)]);
    } else {
      entry[want ?? 'gzip'] = await compressFast(want ?? 'gzip', body);
      if (!want) entry.plain = body;
    }
  }
  entry.bytes = sizeOf(entry);
  return entry;
}

/** The uncompressed body (decompressed on the thread pool when the entry keeps only copies). */
export function identityOf(entry: CacheEntry): Promise<Buffer> {
  if (entry.identity) return Promise.resolve(entry.identity);
  if (entry.gzip) return gunzipAsync(entry.gzip);
  return unbrotliAsync(entry.br!);
}

/** The copy in the given encoding, made now (at the fast level) when the entry does not hold it yet. */
export function copyOf(entry: CacheEntry, enc: Encoding): Promise<Buffer> {
  const have = entry[enc];
  if (have) return Promise.resolve(have);
  entry.making ??= new Map();
  let p = entry.making.get(enc);
  if (!p) {
    p = identityOf(entry)
      .then((body) => compressFast(enc, body))
      .then((copy) => {
        // A best copy may have landed meanwhile: keep it.
        if (!entry[enc]) setCopy(entry, enc, copy);
        return entry[enc]!;
      })
      .finally(() => entry.making?.delete(enc));
    entry.making.set(enc, p);
  }
  return p;
}

/** Replaces the copies with the best-compressed ones. */
export async function makeBest(entry: CacheEntry): Promise<void> {
  if (entry.best || entry.identity) return;
  entry.best = true;
  const body = await identityOf(entry);
  const [gz, br] = await Promise.all([compressBest('gzip', body), compressBest('br', body)]);
  setCopy(entry, 'gzip', gz);
  setCopy(entry, 'br', br);
}

/** Counts a request answered from the entry; the third asks for the best copies. */
export function countHit(entry: CacheEntry): void {
  if (++entry.hits === POPULAR_AFTER_HITS && !entry.best) entry.popular?.();
}
