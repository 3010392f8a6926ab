import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { SiteResolver } from '../sites/resolver.js';
import type { PageCache } from './page-cache.js';

type Message =
  | { from: string; op: 'site'; siteId: number }
  | { from: string; op: 'prefix'; siteId: number; prefix: string }
  | { from: string; op: 'paths'; siteId: number; paths: string[] }
  | { from: string; op: 'sites' };

/**
 * With several instances behind one database, each keeps its own page cache and site table.
 * When REDIS_URL is set, every purge and every reload of the site table made on one instance is
 * published on a Redis channel and done on the others too, within milliseconds instead of
 * after the cache lifetime (a renamed site, a new colour, an unpublished article).
 */
export async function sharePurges(cache: PageCache, sites: SiteResolver, url: string, prefix: string): Promise<() => Promise<void>> {
  const me = randomBytes(8).toString('hex');
  const channel = `${prefix}page-purge`;
  const pub = new Redis(url, { maxRetriesPerRequest: 2 });
  const sub = new Redis(url, { maxRetriesPerRequest: 2 });
  const local = {
    site: cache.purgeSite.bind(cache),
    prefix: cache.purgePrefix.bind(cache),
    paths: cache.purgePaths.bind(cache),
    sites: sites.reload.bind(sites),
  };
  const publish = (m: Message) => void pub.publish(channel, JSON.stringify(m)).catch(() => undefined);

  cache.purgeSite = (siteId) => {
    local.site(siteId);
    publish({ from: me, op: 'site', siteId });
  };
  cache.purgePrefix = (siteId, p) => {
    local.prefix(siteId, p);
    publish({ from: me, op: 'prefix', siteId, prefix: p });
  };
  cache.purgePaths = (siteId, paths) => {
    local.paths(siteId, paths);
    publish({ from: me, op: 'paths', siteId, paths });
  };
  sites.reload = async () => {
    await local.sites();
    publish({ from: me, op: 'sites' });
  };

  sub.on('message', (_channel: string, raw: string) => {
    let m: Message;
    try {
      m = JSON.parse(raw) as Message;
    } catch {
      return;
    }
    if (m.from === me) return;
    if (m.op === 'site') local.site(m.siteId);
    else if (m.op === 'prefix') local.prefix(m.siteId, m.prefix);
    else if (m.op === 'paths') local.paths(m.siteId, m.paths);
    // Pages rendered while the table was still the old one must not stay: purge after the reload.
    else if (m.op === 'sites') void local.sites().then(() => cache.purgeAll(), () => undefined);
  });
  await sub.subscribe(channel);
  return async () => {
    await Promise.allSettled([pub.quit(), sub.quit()]);
  };
}
