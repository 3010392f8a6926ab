import type { Site } from './site.js';

/**
 * Where a site's absolute URLs (canonical, og:url, JSON-LD, feeds, sitemap, robots.txt, OpenSearch,
 * iCal) point: its configured primary host and scheme, never the request's Host or X-Forwarded-*
 * (a forged Host would otherwise land in every cached page, feed and sitemap).
 */

/** The names that reach the machine itself: outside production they reach a site without configuration. */
export function isLoopbackName(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** The scheme of a site's URLs: the configured one, else https in production and http elsewhere. */
export function schemeOf(site: Site, production: boolean): 'https' | 'http' {
  return site.scheme ?? (production ? 'https' : 'http');
}

/**
 * `https://phuongmoi.hatinh.gov.vn`. Outside production a loopback primary host
 * (`honglinh.localhost`, the demo's) keeps the port the request came on, so that the links of
 * `npm start` work at http://honglinh.localhost:3000/.
 */
export function siteOrigin(site: Site, production: boolean, hostHeader?: string): string {
  const scheme = schemeOf(site, production);
  const host = site.primaryHost ?? `${site.code}.localhost`;
  if (production || !isLoopbackName(host)) return `${scheme}://${host}`;
  const port = /:(\d+)$/.exec(hostHeader ?? '')?.[1];
  const defaultPort = scheme === 'https' ? '443' : '80';
  return `${scheme}://${host}${port && port !== defaultPort ? `:${port}` : ''}`;
}
