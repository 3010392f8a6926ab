import type * as IORedis from 'ioredis';
import { onFirstUse } from './lib/on-first-use.js';

/**
 * The Redis connections of one process, made once when REDIS_URL is set and shared by every
 * user: back-office sessions, visitor statistics, the citizen forms' replay store and limits,
 * and the purge bus. A connection that has subscribed to a channel can do nothing else, so there
 * are two: `client` for commands (auto-pipelined: commands issued in the same tick travel
 * together) and `subscriber` for the purge bus. When Redis stops, commands fail fast (see `open`)
 * and the callers degrade (http/outage.ts); ioredis reconnects by itself, at most a second apart. Nothing sets ioredis' `keyPrefix`: every user
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

/** Loaded only when a Redis is configured: ioredis is a tenth of an idle worker's memory. */
const ioredis = onFirstUse<typeof IORedis>('ioredis');

/** Longest a command may wait for Redis; a healthy Redis answers in well under a millisecond. */
export const COMMAND_TIMEOUT_MS = 1000;

/** Both connections to `url`; the subscriber connects on its first SUBSCRIBE. */
export function connectRedis(url: string, prefix: string): RedisClients {
  const { Redis } = ioredis();
  // Fail fast when Redis is down: a request waits at most COMMAND_TIMEOUT_MS for Redis, and once
  // the client has been ready a command sent while it is reconnecting is refused at once instead
  // of queueing (every form and page would otherwise hang on it). Until then it queues, so that
  // the process can start while the connection is being made.
  const open = (subscriber: boolean) =>
    new Redis(url, {
      maxRetriesPerRequest: subscriber ? 2 : 1,
      commandTimeout: subscriber ? undefined : COMMAND_TIMEOUT_MS,
      retryStrategy: (times) => Math.min(times * 100, 1000),
      enableAutoPipelining: !subscriber,
      lazyConnect: subscriber,
    });
  const client = open(false);
  client.once('ready', () => (client.options.enableOfflineQueue = false));
  const subscriber = open(true);
  // Without a listener ioredis prints every failed reconnection to the console. An outage is
  // reported by the context (a metric, a log line when it starts), by each request it fails
  // ("service unavailable", 503) and by the statistics (its start and end, the page views lost).
  for (const c of [client, subscriber]) c.on('error', () => undefined);
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
