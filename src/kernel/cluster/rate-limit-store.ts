import type { FastifyRateLimitOptions, FastifyRateLimitStore } from '@fastify/rate-limit';
import type { PrimaryService } from './host.js';
import type { PrimaryLink } from './link.js';

/**
 * @fastify/rate-limit's counts in a cluster without Redis: held by the primary, so that "60 a
 * minute" is 60 for the installation, not 60 per worker. The plugin builds its store with
 * `new Store(options)` and one child per limited route (`child(routeOptions)`), and calls
 * `incr(key, callback, timeWindow, max)` on each request (store/LocalStore.js of the plugin).
 */
type Incr = (error: Error | null, result?: { current: number; ttl: number }) => void;
type ChildOptions = Parameters<FastifyRateLimitStore['child']>[0];

export function clusterRateLimitStore(link: PrimaryLink): new (options: FastifyRateLimitOptions) => FastifyRateLimitStore {
  return class ClusterRateLimitStore implements FastifyRateLimitStore {
    constructor(_options: unknown, private readonly route = '') {}

    incr(key: string, callback: Incr, timeWindow: number, _max: number): void {
      link.call<{ current: number; ttl: number }>('rate-limit', 'incr', [`${this.route}${key}`, timeWindow]).then(
        (result) => callback(null, result),
        (err: Error) => callback(err),
      );
    }

    child(routeOptions: ChildOptions): ClusterRateLimitStore {
      // What the plugin passes is its merged limit options, the route under `routeInfo` (as its RedisStore reads it).
      const info = (routeOptions as unknown as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo ?? {};
      return new ClusterRateLimitStore(null, `${String(info.method ?? '')}${info.url ?? ''}-`);
    }
  };
}

/** The primary's fixed windows: the same counting as the plugin's LocalStore, for every worker. */
export class RateWindows {
  private readonly windows = new Map<string, { start: number; n: number; windowMs: number }>();

  constructor(private readonly clock: () => number = Date.now) {}

  incr(key: string, windowMs: number): { current: number; ttl: number } {
    const now = this.clock();
    let w = this.windows.get(key);
    if (!w || now - w.start >= windowMs) {
      if (this.windows.size > 100_000) this.sweep(now);
      w = { start: now, n: 0, windowMs };
      this.windows.set(key, w);
    }
    w.n += 1;
    return { current: w.n, ttl: windowMs - (now - w.start) };
  }

  private sweep(now: number): void {
    for (const [k, w] of this.windows) if (now - w.start >= w.windowMs) this.windows.delete(k);
  }
}

export function rateLimitService(windows = new RateWindows()): PrimaryService {
  return { name: 'rate-limit', methods: { incr: (key: string, windowMs: number) => windows.incr(key, windowMs) } };
}
