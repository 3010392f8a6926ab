import type { Site } from '../sites/site.js';

/**
 * The Content-Security-Policy of public pages: nothing inline, nothing third-party, except the
 * map tiles of the site's configured tile server. Built once per site.
 */
const cache = new WeakMap<Site, string>();

export function contentSecurityPolicy(site: Site): string {
  let csp = cache.get(site);
  if (csp) return csp;
  let tiles = '';
  try {
    const u = new URL(site.settings.map.tileUrl.replace(/\{[a-z]\}/g, 'a'));
    tiles = ` ${u.protocol}//${u.hostname.replace(/^a\./, '*.')}`;
  } catch {
    // An unparsable tile URL only means no tiles; the static map still shows.
  }
  csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data:${tiles}`,
    "media-src 'self'",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // The links widget posts to /lien-ket, which redirects to another government site.
    "form-action 'self' https:",
    "frame-ancestors 'self'",
  ].join('; ');
  cache.set(site, csp);
  return csp;
}
