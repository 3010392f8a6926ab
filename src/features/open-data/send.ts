import type { FastifyReply, FastifyRequest } from 'fastify';
import { makeEntry } from '../../kernel/http/cache-entry.js';
import { pickEncoding } from '../../kernel/http/accept-encoding.js';
import { sendEntry } from '../../kernel/http/cache-reply.js';
import { PageCache, type Rendered } from '../../kernel/http/page-cache.js';
import { PUBLIC_HTML_CACHE } from '../../kernel/http/render.js';
import { contentDisposition } from './filenames.js';

export const JSON_TYPE = 'application/json; charset=utf-8';
export const CSV_TYPE = 'text/csv; charset=utf-8';

/** Like the public pages: browsers revalidate after a minute (ETag), shared caches keep 5 minutes. */
export const API_CACHE = PUBLIC_HTML_CACHE;
/** Answers with a query string are made for each request (see sendAnswer); caches keep them a minute. */
const QUERY_CACHE = 'public, max-age=60, s-maxage=60';

/**
 * Sends an API answer with an ETag (a 304 to If-None-Match), compressed as asked. A bare address
 * ("/api/v1/documents") is kept in the page cache like a page: answered before routing next time,
 * and dropped by any purge of the site (PageCache.dropWithEverySitePurge). Answers to a query
 * string (filters, later pages) are made for each request and kept only by browsers and CDNs, as
 * the filtered lists of the public pages are: their keys are endless, and the page cache is for pages.
 */
export async function sendAnswer(request: FastifyRequest, reply: FastifyReply, render: () => Promise<Rendered>): Promise<FastifyReply> {
  const want = pickEncoding(request.headers['accept-encoding']);
  if (!request.url.includes('?')) {
    const entry = await request.server.cong.pageCache.getOrRender(PageCache.key(request.site.id, request.url), render, want);
    return sendEntry(request, reply, entry);
  }
  return sendEntry(request, reply, await makeEntry(await render(), 0, want), QUERY_CACHE);
}

export function sendJson(request: FastifyRequest, reply: FastifyReply, body: () => Promise<unknown>): Promise<FastifyReply> {
  return sendAnswer(request, reply, async () => ({ status: 200, contentType: JSON_TYPE, body: JSON.stringify(await body()), cacheControl: API_CACHE }));
}

/** A CSV download named `filename` ("van-ban.csv"). */
export function sendCsv(request: FastifyRequest, reply: FastifyReply, filename: string, text: () => Promise<string>): Promise<FastifyReply> {
  return sendAnswer(request, reply, async () => ({
    status: 200,
    contentType: CSV_TYPE,
    body: await text(),
    cacheControl: API_CACHE,
    headers: { 'content-disposition': contentDisposition(filename) },
  }));
}
