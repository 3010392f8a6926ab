import type { FastifyInstance } from 'fastify';
import { limitedTo } from '../../kernel/http/limits.js';
import { API_LIMIT } from './limits.js';

/**
 * Open data is for any web page to read: every GET and HEAD answer of the API (errors too, so a
 * script can read why) allows any origin, without credentials (the API reads no cookie), and
 * overrides helmet's same-origin resource policy. Other methods get no CORS header; the preflight
 * a browser sends before a conditional GET allows GET and HEAD only.
 */
export function openToEveryOrigin(api: FastifyInstance): void {
  api.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    reply
      .header('access-control-allow-origin', '*')
      .header('access-control-expose-headers', 'ETag, Last-Modified, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset')
      .header('cross-origin-resource-policy', 'cross-origin');
  });
  api.options('/*', { ...limitedTo(API_LIMIT) }, async (_request, reply) =>
    reply
      .code(204)
      .header('access-control-allow-origin', '*')
      .header('access-control-allow-methods', 'GET, HEAD')
      .header('access-control-allow-headers', 'If-None-Match, If-Modified-Since')
      .header('access-control-max-age', '86400')
      .header('cache-control', 'public, max-age=86400')
      .send(),
  );
}
