import type { FastifyReply, FastifyRequest } from 'fastify';
import { queryValue } from './route-schemas.js';

/**
 * Confirmations after post/redirect/get: the redirect names a message by a short key
 * ("/quan-tri/bai-viet/5?tb=da-luu") and the page it lands on shows that message. Each feature
 * keeps its own messages as data; only a table's own keys are shown, so a hand-made ?tb= cannot
 * put words of its choosing on the page.
 */
export type FlashMessages = Readonly<Record<string, string>>;

/** The query key that carries the confirmation ("thông báo"). */
export const FLASH_KEY = 'tb';

/** The message the request's ?tb= names (or the one of another query key), if the table has it. */
export function flash(request: FastifyRequest, messages: FlashMessages, key = FLASH_KEY): string | undefined {
  const name = queryValue(request, key);
  return name !== undefined && Object.hasOwn(messages, name) ? messages[name] : undefined;
}

/** `path` showing the confirmation `key`: "?tb=<key>", or "&tb=<key>" after a query. */
export function withFlash(path: string, key: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}${FLASH_KEY}=${key}`;
}

/** The 303 that ends a successful post, to `path` with the confirmation `key` when given. */
export function redirectWithFlash(reply: FastifyReply, path: string, key?: string): FastifyReply {
  return reply.redirect(key ? withFlash(path, key) : path, 303);
}
