import type { FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { AppContext } from '../context.js';
import { siteOrigin } from '../sites/origin.js';
import type { Site } from '../sites/site.js';
import { loadFrame, type Frame, type SuccessorLink } from '../views/public/frame.js';
import type { Rendered } from './page-cache.js';

export const HTML = 'text/html; charset=utf-8';
/** Public HTML: browsers revalidate after a minute, shared caches (CDN) may keep it 5 minutes. */
export const PUBLIC_HTML_CACHE = 'public, max-age=60, s-maxage=300, stale-while-revalidate=60';

export function renderHtml(vnode: VNode): string {
  return `<!doctype html>${renderToString(vnode)}`;
}

/** The origin of the request's site, as configured (sites/origin.ts): never the Host or X-Forwarded-* asked with. */
export function originOf(request: FastifyRequest): string {
  return siteOrigin(request.site, request.server.cong.config.production, request.headers.host);
}

/** The frame of the request's site, shared by the pages rendered in the next few seconds (PageCache.siteValue). */
export function frameFor(ctx: AppContext, request: FastifyRequest): Promise<Frame> {
  const { site } = request;
  const origin = originOf(request);
  const successors = () => successorLinks(ctx, site, request.headers.host);
  return ctx.pageCache.siteValue(site.id, `frame ${origin}`, site, () => loadFrame(ctx.features, ctx.db, site, origin, ctx.assets, ctx.sections, ctx.now(), successors()));
}

/** The live sites an archived one names in its banner, at their configured home pages. */
function successorLinks(ctx: AppContext, site: Site, hostHeader: string | undefined): SuccessorLink[] {
  if (!site.archivedAt) return [];
  return site.successors.flatMap((id) => {
    const s = ctx.sites.byIdOrNull(id);
    return s ? [{ name: s.name, href: `${siteOrigin(s, ctx.config.production, hostHeader)}/` }] : [];
  });
}

export function htmlPage(vnode: VNode, lastModified?: string | null): Rendered {
  return { status: 200, contentType: HTML, body: renderHtml(vnode), cacheControl: PUBLIC_HTML_CACHE, lastModified };
}

export function permanentRedirect(location: string): Rendered {
  return {
    status: 301,
    contentType: 'text/plain; charset=utf-8',
    body: `Trang đã chuyển đến ${location}`,
    cacheControl: 'public, max-age=3600',
    headers: { location },
  };
}
