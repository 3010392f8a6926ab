import type { IncomingHttpHeaders } from 'node:http';
import { isbot } from 'isbot';
import type { DeviceClass } from '../../kernel/db/tables/stats.js';
import { parseSlugId } from '../../kernel/lib/ids.js';

/**
 * Which requests count as a visit, and the coarse facts kept about one: the device class and the
 * referring site's domain. Nothing here is stored per visitor.
 */
export type Skip = 'bot' | 'prefetch' | 'cross-site';

function header(h: IncomingHttpHeaders, name: string): string {
  const v = h[name];
  return (Array.isArray(v) ? v.join(',') : v ?? '').toLowerCase();
}

// The bot pattern is one very long regular expression; the same few hundred user agents come
// back all the time, so answers are remembered (a bounded map, emptied when full).
const botCache = new Map<string, boolean>();

function isBot(ua: string): boolean {
  let b = botCache.get(ua);
  if (b === undefined) {
    if (botCache.size >= 5000) botCache.clear();
    botCache.set(ua, (b = isbot(ua)));
  }
  return b;
}

/** Why a request is not counted, or null when it is a person looking at a page. */
export function skipReason(h: IncomingHttpHeaders): Skip | null {
  const ua = h['user-agent'] ?? '';
  // Browsers always send a user agent; an empty one is a script.
  if (!ua || isBot(ua)) return 'bot';
  if (/prefetch|prerender|preview/.test(`${header(h, 'sec-purpose')} ${header(h, 'purpose')} ${header(h, 'x-purpose')} ${header(h, 'x-moz')}`)) return 'prefetch';
  // Another site embedding our beacon must not inflate our counters.
  if (header(h, 'sec-fetch-site') === 'cross-site') return 'cross-site';
  return null;
}

export function deviceClass(ua: string): DeviceClass {
  if (/ipad|tablet|kindle|silk|playbook|(android(?!.*mobile))/i.test(ua)) return 'tablet';
  if (/mobi|iphone|ipod|android|phone|opera mini|windows ce|blackberry/i.test(ua)) return 'mobile';
  return 'desktop';
}

const HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** The referring site's host name (without "www."), or null for none, our own site or junk. */
export function referrerDomain(raw: unknown, ownHost: string): string | null {
  if (typeof raw !== 'string' || !raw || raw.length > 2000) return null;
  let host: string;
  try {
    const u = new URL(raw);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    host = u.hostname.toLowerCase();
  } catch {
    return null;
  }
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (host === ownHost.toLowerCase()) return null;
  host = host.replace(/^www\./, '');
  return HOST.test(host) ? host : null;
}

/** The article a page address points at ("/bai-viet/<slug>-<id>"), for the no-JS pixel. */
export function articleFromPath(path: string): number | null {
  const segment = /^\/bai-viet\/([^/?#]*)(?:[?#]|$)/.exec(path)?.[1];
  return segment === undefined ? null : (parseSlugId(segment)?.id ?? null);
}
