import { createRequire } from 'node:module';
import type * as IORedis from 'ioredis';

/**
 * The Redis connections of one process, made once when REDIS_URL is set and shared by every
 * user: back-office sessions, visitor statistics, the citizen forms' replay store and limits,
 * and the purge bus. A connection that has subscribed to a channel can do nothing else, so there
 * are two: `client` for commands (auto-pipelined: commands issued in the same tick travel
 * together) and `subscriber` for the purge bus. Nothing sets ioredis' `keyPrefix`: every user
 * writes `prefix` in front of its keys itself (Lua scripts get it in their KEYS).
 */
export interface RedisClients {
  readonly client: IORedis.Redis;
  readonly subscriber: IORedis.Redis;
  /** Put in front of every key and channel name (CONG_REDIS_PREFIX), so that installations can share a Redis. */
  readonly prefix: string;
  /** Quits both connections; later calls wait for the first. */
  close(): Promise<void>;
}

/** Both connections to `url`; the subscriber connects on its first SUBSCRIBE. */
export function connectRedis(url: string, prefix: string): RedisClients {
  // Loaded only when a Redis is configured: ioredis is a tenth of an idle worker's memory.
  const { Redis } = createRequire(import.meta.url)('ioredis') as typeof IORedis;
  const open = (subscriber: boolean) => new Redis(url, { maxRetriesPerRequest: 2, enableAutoPipelining: !subscriber, lazyConnect: subscriber });
  const client = open(false);
  const subscriber = open(true);
  let closing: Promise<void> | null = null;
  const quit = async (r: IORedis.Redis) => {
    // A connection never used (status "wait") would connect just to say QUIT.
    if (r.status === 'wait' || r.status === 'end') return r.disconnect();
    await r.quit().catch(() => r.disconnect());
  };
  return {
    client,
    subscriber,
    prefix,
    close: () => (closing ??= Promise.all([quit(client), quit(subscriber)]).then(() => undefined)),
  };
}

/** The process's connections when the configuration names a Redis, otherwise null. */
export function redisFor(config: { redisUrl: string | null; redisPrefix: string }): RedisClients | null {
  return config.redisUrl ? connectRedis(config.redisUrl, config.redisPrefix) : null;
}
