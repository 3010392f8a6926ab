import type { AppContext } from '../context.js';
import { lookupOldAddress, oldAddressKey } from '../sites/old-addresses.js';
import { siteOrigin } from '../sites/origin.js';
import { findMove } from '../sites/redirects.js';
import { normaliseHost } from '../sites/resolver.js';
import type { Site } from '../sites/site.js';

/**
 * How long browsers and CDNs keep the 301 of a moved or old address: an hour, so that a
 * correction made in the back office shows soon. These 301s are never put in the page cache,
 * which is keyed by site and path: the same old path can lead to two places under two old hosts.
 */
export const MOVED_CACHE = 'public, max-age=3600';

export interface Lead {
  /** The Location of the 301: a path of the answering site, or an absolute URL of another site. */
  location: string;
  /** What named it: a recorded old address, a slug the site moved, or a feature's own (an old article id). */
  via: 'old-address' | 'move' | 'feature';
}

export interface LeadResult {
  lead: Lead | null;
  /** Without a lead: whether another old host has this address (then its 404 is not kept by path). */
  hostDependent: boolean;
}

/**
 * Where an address that `site` (answering `hostHeader`) has no page for leads now, as the public
 * side answers it:
 * 1. an old address recorded for the host asked, else one of the site's own (any of its hosts).
 *    These come first because they are keyed by host: a merged portal's old host is answered by
 *    its successor, and the successor's own slug moves must not capture the old portal's paths;
 * 2. a slug the site itself moved (its `redirects`), keeping the query;
 * 3. a feature's own old addresses (the old portal's article id an editor typed).
 * A target on another site is an absolute URL from that site's configured host and scheme.
 */
export async function leadOf(ctx: AppContext, site: Site, hostHeader: string | undefined, url: string): Promise<LeadResult> {
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const query = q === -1 ? '' : url.slice(q + 1);
  const found = await lookupOldAddress(ctx.db, site.id, normaliseHost(hostHeader), url);
  if (found.target) {
    const to = found.target.toSiteId === site.id ? site : ctx.sites.byIdOrNull(found.target.toSiteId);
    if (to) {
      const location = to === site ? found.target.toPath : siteOrigin(to, ctx.config.production, hostHeader) + found.target.toPath;
      return { lead: { location, via: 'old-address' }, hostDependent: found.hostDependent };
    }
  }
  const moved = await findMove(ctx.db, site.id, path);
  if (moved) return { lead: { location: query ? `${moved}?${query}` : moved, via: 'move' }, hostDependent: found.hostDependent };
  for (const f of ctx.features) {
    const to = await f.oldAddress?.(ctx.db, site, url, ctx.now());
    if (to) return { lead: { location: to, via: 'feature' }, hostDependent: found.hostDependent };
  }
  return { lead: null, hostDependent: found.hostDependent };
}

/**
 * An old address asked of the home page's route with a query (WordPress's "/?p=12",
 * "/?page_id=7", "/?cat=3"): the lead, or null, and then the home page answers as for "/" (a
 * query of tracking parameters only is not looked up).
 */
export async function homeQueryLead(ctx: AppContext, site: Site, hostHeader: string | undefined, url: string): Promise<Lead | null> {
  if (!url.includes('?') || oldAddressKey(url) === '/') return null;
  return (await leadOf(ctx, site, hostHeader, url)).lead;
}
