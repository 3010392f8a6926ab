import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { pickEncoding } from './accept-encoding.js';
import { copyOf, countHit, identityOf, type CacheEntry } from './cache-entry.js';

/** How a cached entry is answered: conditional requests, content negotiation, the fast path. */

function notModified(headers: IncomingHttpHeaders, entry: CacheEntry): boolean {
  const inm = headers['if-none-match'];
  if (inm !== undefined) {
    return inm === entry.etag || inm.split(',').some((t) => t.trim().replace(/^W\//, '') === entry.etag);
  }
  const ims = headers['if-modified-since'];
  if (ims && entry.lastModified) {
    const since = Date.parse(ims);
    return !Number.isNaN(since) && Date.parse(entry.lastModified) <= since;
  }
  return false;
}

function compressed(entry: CacheEntry): boolean {
  return entry.identity === null;
}

/** Sends a cached entry through the full pipeline; `cacheControl` overrides the stored one. */
export async function sendEntry(request: FastifyRequest, reply: FastifyReply, entry: CacheEntry, cacheControl?: string): Promise<FastifyReply> {
  if (!entry.baseHeaders) {
    // What helmet and the site hook set for this site, before anything entry-specific.
    const base: Record<string, string> = {};
    for (const [k, v] of Object.entries(reply.getHeaders())) if (typeof v === 'string') base[k] = v;
    entry.baseHeaders = base;
  }
  countHit(entry);
  reply.header('cache-control', cacheControl ?? entry.cacheControl);
  // Validators only for what may be revalidated: an error page is the same for every address.
  if (entry.status === 200) reply.header('etag', entry.etag);
  if (entry.lastModified) reply.header('last-modified', entry.lastModified);
  for (const [k, v] of Object.entries(entry.headers)) reply.header(k, v);
  if (entry.status === 200 && notModified(request.headers, entry)) {
    return reply.code(304).send();
  }
  reply.code(entry.status).header('content-type', entry.contentType);
  let body: Buffer;
  if (compressed(entry)) {
    reply.header('vary', 'Accept-Encoding');
    const enc = pickEncoding(request.headers['accept-encoding']);
    body = enc ? await copyOf(entry, enc) : (entry.plain ?? (await identityOf(entry)));
    entry.plain = undefined;
    if (enc) reply.header('content-encoding', enc);
    // The answer is decided (as a cache hit before routing decides it): @fastify/compress, which
    // reads Accept-Encoding its own way, must not compress it again (its documented switch).
    else request.headers['x-no-compression'] = '1';
  } else {
    body = entry.identity!;
  }
  return reply.header('content-length', body.length).send(body);
}

/**
 * A complete answer from the cache: status, every header, the bytes (none for 304 and HEAD). The
 * headers are a flat list of names and string values, as `writeHead` takes them: Node then checks
 * each pair without walking an object's keys or turning a number into text on every answer.
 */
export interface Hit {
  status: number;
  headers: string[];
  body: Buffer | undefined;
}

/** `{ name: value }` as the flat list of a Hit, values as text. */
export function flatHeaders(headers: Record<string, string | number>): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(headers)) out.push(name, String(value));
  return out;
}

/**
 * The fast path for cache hits, run before routing and the header plugins (and, on a real server,
 * before Fastify itself: raw-hits.ts): the complete header set of each variant is built once per
 * entry and the bytes go straight to the socket. It only answers entries that have been sent once
 * through the full pipeline (so their headers are known) and that hold the copy asked for — pages,
 * and the site's 404 page kept under an unknown address; anything else goes the full way.
 */
export function hitFor(requestHeaders: IncomingHttpHeaders, method: string, entry: CacheEntry): Hit | null {
  if (!entry.baseHeaders || (entry.status !== 200 && entry.status !== 404)) return null;
  const fresh = entry.status === 200 && notModified(requestHeaders, entry);
  const enc = fresh || !compressed(entry) ? null : pickEncoding(requestHeaders['accept-encoding']);
  const body = fresh ? null : enc ? entry[enc] : entry.identity;
  if (!fresh && !body) return null;
  countHit(entry);
  const variant = fresh ? '304' : (enc ?? 'identity');
  entry.rawHeaders ??= new Map();
  let headers = entry.rawHeaders.get(variant);
  if (!headers) {
    const all: Record<string, string | number> = { ...entry.baseHeaders, 'cache-control': entry.cacheControl, ...entry.headers };
    if (entry.status === 200) all.etag = entry.etag;
    if (entry.lastModified) all['last-modified'] = entry.lastModified;
    if (body) {
      all['content-type'] = entry.contentType;
      if (compressed(entry)) all.vary = 'Accept-Encoding';
      if (enc) all['content-encoding'] = enc;
      all['content-length'] = body.length;
    }
    headers = flatHeaders(all);
    entry.rawHeaders.set(variant, headers);
  }
  return { status: fresh ? 304 : entry.status, headers, body: fresh || method === 'HEAD' ? undefined : body! };
}

/** The fast path inside Fastify (tests' inject, access logging on): see hitFor. */
export function answerFromCache(request: FastifyRequest, reply: FastifyReply, entry: CacheEntry): boolean {
  const hit = hitFor(request.headers, request.method, entry);
  if (!hit) return false;
  request.server.cong.pageCache.counters.hits++;
  reply.hijack();
  reply.raw.writeHead(hit.status, hit.headers);
  reply.raw.end(hit.body);
  return true;
}

/**
 * Answers with a kept error page straight to the socket, like a cache hit: the headers already on
 * the reply (security headers, the limit's Retry-After) plus the entry's own. Returns false when
 * the copy asked for is not made yet (the caller sends it the full way, which makes it).
 */
export function answerErrorFromCache(request: FastifyRequest, reply: FastifyReply, entry: CacheEntry): boolean {
  const enc = compressed(entry) ? pickEncoding(request.headers['accept-encoding']) : null;
  const body = enc ? entry[enc] : entry.identity;
  if (!body) return false;
  countHit(entry);
  const headers: Record<string, string | number | string[]> = {};
  for (const [k, v] of Object.entries(reply.getHeaders())) if (v !== undefined) headers[k] = v;
  headers['cache-control'] = entry.cacheControl;
  headers['content-type'] = entry.contentType;
  if (compressed(entry)) headers.vary = 'Accept-Encoding';
  if (enc) headers['content-encoding'] = enc;
  headers['content-length'] = body.length;
  reply.hijack();
  reply.raw.writeHead(entry.status, headers);
  reply.raw.end(request.method === 'HEAD' ? undefined : body);
  return true;
}

/** The headers of the full pipeline that belong to the page rather than to this one request. */
export function pageHeaders(reply: FastifyReply): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(reply.getHeaders())) {
    if (typeof v === 'string' && !k.startsWith('x-ratelimit') && k !== 'retry-after') out[k] = v;
  }
  return out;
}
