import type { Site } from '../sites/site.js';

/**
 * The Content-Security-Policy of every page, public and back office: nothing inline, nothing third-party, except the
 * map tiles of the site's configured tile server and, when the site has one, the origin of the
 * national monitoring (EMC) script, for the script and what it sends. Built once per site.
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
  const emc = emcOrigin(site);
  csp = [
    "default-src 'self'",
    `script-src 'self'${emc}`,
    "style-src 'self'",
    `img-src 'self' data:${tiles}`,
    "media-src 'self'",
    `connect-src 'self'${emc}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // No form leaves the site, nor is redirected off it after posting (browsers check both).
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
  cache.set(site, csp);
  return csp;
}

/** " https://host[:port]" of the site's EMC script, or "" (none, or not an https URL: the form only stores those). */
function emcOrigin(site: Site): string {
  const url = site.settings.emcScriptUrl;
  if (!url) return '';
  try {
    const u = new URL(url);
    return u.protocol === 'https:' ? ` ${u.origin}` : '';
  } catch {
    return '';
  }
}
