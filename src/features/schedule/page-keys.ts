import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pickEncoding } from '../../kernel/http/accept-encoding.js';
import { sendEntry } from '../../kernel/http/cache-reply.js';
import { PageCache, type Rendered } from '../../kernel/http/page-cache.js';

/**
 * The page cache keys responses by path alone, and answers hits before routing. Pages whose
 * content depends on the query (?tuan=…, ?linh-vuc=…) are therefore stored under a key of our own
 * that always contains "?": the early path-only lookup never finds them, and a write purges them
 * by these exact keys (PageCache.purgePaths compares the whole key path).
 */
export async function sendCachedAs(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  keyPath: string,
  render: () => Promise<Rendered>,
  /** Cache-Control computed now rather than when the copy was rendered (it may count down to a deadline). */
  cacheControl?: string,
) {
  if (!keyPath.includes('?')) throw new Error(`query cache key without "?": ${keyPath}`);
  const key = PageCache.key(request.site.id, keyPath);
  const entry = await app.cong.pageCache.getOrRender(key, render, pickEncoding(request.headers['accept-encoding']));
  return sendEntry(request, reply, entry, cacheControl);
}

/**
 * Sends a response that is not kept (searches, unreadable parameters): no pre-compression at the
 * cache's high levels, which would cost more than the render; the compress plugin handles it.
 */
export function sendFresh(reply: FastifyReply, r: Rendered): FastifyReply {
  reply.code(r.status).header('cache-control', r.cacheControl).type(r.contentType);
  for (const [k, v] of Object.entries(r.headers ?? {})) reply.header(k, v);
  return reply.send(r.body);
}

export const SCHEDULE_PATH = '/lich-cong-tac';
export const SCHEDULE_PRINT_PATH = '/lich-cong-tac/in';
export const SCHEDULE_FEED_PATH = '/lich-cong-tac.ics';

/** Cache keys of one week's pages: explicit (?tuan=W) and, while it is the current week, the bare URLs. */
export function weekKeys(weekKey: string): string[] {
  return [
    `${SCHEDULE_PATH}?tuan=${weekKey}`,
    `${SCHEDULE_PATH}?nay=${weekKey}`,
    `${SCHEDULE_PRINT_PATH}?tuan=${weekKey}`,
    `${SCHEDULE_PRINT_PATH}?nay=${weekKey}`,
  ];
}

/** The feed covers a window around the current week: its key names that week. */
export function feedKey(currentWeekKey: string): string {
  return `${SCHEDULE_FEED_PATH}?nay=${currentWeekKey}`;
}
