import { randomBytes } from 'node:crypto';
import { IpcPurgeBus } from '../cluster/ipc-purge-bus.js';
import type { PrimaryLink } from '../cluster/link.js';
import type { RedisClients } from '../redis.js';

/**
 * With several instances behind one database, each keeps its own page cache and site table.
 * The page cache (PageCache) and the site table (SiteResolver) publish every purge and every
 * reload they make on this bus; the other instances apply them too (without publishing them
 * again), within milliseconds instead of after the cache lifetime (a renamed site, a new colour,
 * an unpublished article).
 */
export type PurgeMessage =
  | { op: 'site'; siteId: number }
  | { op: 'prefix'; siteId: number; prefix: string }
  | { op: 'paths'; siteId: number; paths: string[] }
  /** The site table was reloaded. */
  | { op: 'sites' };

export type PurgeHandler = (message: PurgeMessage) => void;

export interface PurgeBus {
  /** Tells the other instances; this one has already done it. */
  publish(message: PurgeMessage): void;
  /** `handler` receives the messages of the other instances, never this one's own. */
  subscribe(handler: PurgeHandler): void;
  close(): Promise<void>;
}

/** One instance (no REDIS_URL): there is nobody to tell, and nobody tells us anything. */
export class LocalPurgeBus implements PurgeBus {
  publish(_message: PurgeMessage): void {}
  subscribe(_handler: PurgeHandler): void {}
  async close(): Promise<void> {}
}

/** The default of PageCache and SiteResolver, and the bus of a single instance. */
export const localPurgeBus: PurgeBus = new LocalPurgeBus();

/**
 * On a Redis channel ("<prefix>page-purge"): published with the shared client, received on the
 * shared subscriber connection. Each message carries the id of the instance that sent it, so an
 * instance ignores its own.
 */
export class RedisPurgeBus implements PurgeBus {
  private readonly me = randomBytes(8).toString('hex');
  private readonly channel: string;
  private readonly handlers: PurgeHandler[] = [];

  private constructor(private readonly redis: RedisClients) {
    this.channel = `${redis.prefix}page-purge`;
  }

  /** Subscribed when it resolves. */
  static async connect(redis: RedisClients): Promise<RedisPurgeBus> {
    const bus = new RedisPurgeBus(redis);
    redis.subscriber.on('message', bus.receive);
    await redis.subscriber.subscribe(bus.channel);
    return bus;
  }

  publish(message: PurgeMessage): void {
    void this.redis.client.publish(this.channel, JSON.stringify({ from: this.me, ...message })).catch(() => undefined);
  }

  subscribe(handler: PurgeHandler): void {
    this.handlers.push(handler);
  }

  private readonly receive = (channel: string, raw: string): void => {
    if (channel !== this.channel) return;
    let m: PurgeMessage & { from?: string };
    try {
      m = JSON.parse(raw) as PurgeMessage & { from?: string };
    } catch {
      return;
    }
    if (m.from === this.me) return;
    for (const handler of this.handlers) handler(m);
  };

  async close(): Promise<void> {
    this.redis.subscriber.off('message', this.receive);
    this.handlers.length = 0;
    await this.redis.subscriber.unsubscribe(this.channel).catch(() => undefined);
  }
}

/**
 * The bus of the process: on Redis when it has its connections, otherwise through the primary
 * when this is one of several workers (IpcPurgeBus), otherwise local.
 */
export async function purgeBusFor(redis: RedisClients | null, primary: PrimaryLink | null = null): Promise<PurgeBus> {
  if (redis) return RedisPurgeBus.connect(redis);
  return primary ? new IpcPurgeBus(primary) : localPurgeBus;
}

/**
 * Tells every running instance that the site table changed, from a process that runs no bus of
 * its own (`cong create-site`): they reload it, so a new site answers on its hostnames at once.
 */
export async function announceSitesChanged(redis: RedisClients): Promise<void> {
  await redis.client.publish(`${redis.prefix}page-purge`, JSON.stringify({ from: 'cli', op: 'sites' }));
}
