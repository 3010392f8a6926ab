import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { AppError } from '../lib/errors.js';
import { HTML, renderHtml } from './render.js';

/** Small helpers shared by the citizens' endpoints (rating, comments, questions, polls, feedback). */

/** fetch() from interact.js asks for JSON; a plain form post wants a page. */
export function wantsJson(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('application/json');
}

/**
 * Another site's page must not make our visitors vote or comment. The pages carry no per-visitor
 * token (they are cached), so the browser's own signals decide (OWASP's "verifying origin with
 * standard headers"): Sec-Fetch-Site must not say cross-site, and the Origin must name this host;
 * without an Origin, the Referer must. `Origin: null` (a sandboxed frame, a data: URL, a redirect
 * through another origin) is refused: our pages' Referrer-Policy is `same-origin`
 * (kernel-plugins.ts), under which a browser names the origin of a same-origin post.
 */
export function assertSameSite(request: FastifyRequest): void {
  if (request.headers['sec-fetch-site'] === 'cross-site') throw new AppError('cross_site');
  const origin = request.headers.origin;
  const claimed = origin !== undefined ? origin : request.headers.referer;
  if (!claimed || !namesHost(claimed, request.host)) throw new AppError('cross_site');
}

/** Whether an http(s) URL or origin is on `host` (anything unparsable, "null" included, is not). */
function namesHost(url: string, host: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.host === host;
  } catch {
    return false;
  }
}

export function noStore(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex');
}

/**
 * The `preValidation` hook of every citizen write: its answer is never stored, and a post from
 * another site's page is refused before anything of it (its path included) is looked at.
 */
export async function citizenWrite(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  await citizenLookup(request, reply);
  // An archived site is read-only (issue 14): one refusal here covers every citizen form.
  if (request.site.archivedAt) throw new AppError('archived');
}

/** The same for a post that only looks something up (a question's tracking code): still answered on an archive. */
export async function citizenLookup(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  noStore(reply);
  assertSameSite(request);
}

/** An uncached page (the no-JS comment pages differ per visitor). */
export function sendPage(reply: FastifyReply, vnode: VNode, status = 200): FastifyReply {
  return noStore(reply).code(status).type(HTML).send(renderHtml(vnode));
}
