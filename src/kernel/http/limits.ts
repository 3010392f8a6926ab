import { AppError } from '../lib/errors.js';

/**
 * Rate-limit presets (@fastify/rate-limit, per client address). Every public write and every
 * page that does work per request (search, filtered lists, the no-JS forms) has one.
 */

/** At most `max` requests a minute: the value of a route's `config.rateLimit`. */
export function perMinute(max: number): { max: number; timeWindow: string } {
  return { max, timeWindow: '1 minute' };
}

/** Route options limiting the route to `max` requests a minute. */
export function limitedTo(max: number) {
  return { config: { rateLimit: perMinute(max) } };
}

/** The same for endpoints every visitor's browser calls (rating, comments): no log line per request. */
export function quietlyLimitedTo(max: number) {
  return { logLevel: 'warn' as const, ...limitedTo(max) };
}

/**
 * What a limit throws once reached: one error made once. A script over its limit costs no stack
 * trace per request, and its answer is the site's kept 429 page (error-routes.tsx).
 */
export const RATE_LIMITED = new AppError('rate_limited');

/**
 * Searches a minute from one address, over every search-like page together (the site search and
 * every list with a `q` filter): each is a query per request, none can come from the page cache,
 * and one budget means a script cannot multiply it by spreading over the pages. Applied with the
 * `searchLimit` hook (kernel-plugins.ts) as a route's `preHandler`.
 */
export const SEARCHES_PER_MINUTE = 120;
