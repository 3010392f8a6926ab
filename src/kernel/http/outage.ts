import type { RedisClients } from '../redis.js';

/**
 * A shared service out of reach: Redis configured but stopped or unreachable, or the database
 * restarting. Pages already rendered keep being served; what needs the service (a form's
 * verification and limits, a back-office session, an uncached page) answers 503 with this
 * message rather than a 500, and a form comes back with what the person typed.
 */
export const UNAVAILABLE_FORM = 'Hệ thống đang tạm gián đoạn nên chưa lưu được nội dung bạn gửi. Nội dung bạn đã nhập vẫn còn nguyên; vui lòng gửi lại sau ít phút.';

/** What ioredis rejects with when it cannot reach Redis (redis.ts makes it fail fast). */
const REDIS_DOWN = /Connection is closed|Stream isn't writeable|Command timed out|Reached the max retries per request|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT/;
/** PostgreSQL's connection classes (08: connection exception, 57P01-03: shutting down, starting). */
const PG_DOWN = /^(08|57P0[1-3])/;
const NET_DOWN = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH']);

/** True when `err` says that Redis or the database could not be reached (not that a query was wrong). */
export function isOutage(err: unknown, redis: RedisClients | null): boolean {
  return isDatabaseOutage(err) || isRedisOutage(err, redis);
}

export function isDatabaseOutage(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (NET_DOWN.has(code) || PG_DOWN.test(code))) return true;
  // pg's own words when the server went away under a query or a pooled client.
  return /Connection terminated|terminating connection|not queryable|the database system is (starting up|shutting down|in recovery mode)/.test(err.message);
}

export function isRedisOutage(err: unknown, redis: RedisClients | null): boolean {
  if (!redis || !(err instanceof Error)) return false;
  return err.name === 'MaxRetriesPerRequestError' || REDIS_DOWN.test(err.message) || (redis.client.status !== 'ready' && /redis|stream|connection/i.test(err.message));
}

/** `work`'s result, or null when it failed because of an outage (any other error is thrown on). */
export async function unlessOutage<T>(work: Promise<T>, redis: RedisClients | null): Promise<T | null> {
  try {
    return await work;
  } catch (err) {
    if (isOutage(err, redis)) return null;
    throw err;
  }
}
