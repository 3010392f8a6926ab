import { sessionStoreFor, type SessionStore } from './access/sessions.js';
import { makeCitizenServices, type CitizenServices } from './citizen/services.js';
import type { Config } from '../config.js';
import { primaryLink, type PrimaryLink } from './cluster/link.js';
import type { DatabaseHandle, Db, Dialect } from './db/connection.js';
import { sectionsOf, type Feature, type PublicSection } from './feature.js';
import { AssetStore } from './http/assets.js';
import { LimitBlocks } from './http/limit-blocks.js';
import { DEFAULT_PAGE_CACHE_LIMITS, PageCache, type PageCacheLimits } from './http/page-cache.js';
import { AppMetrics } from './metrics/app-metrics.js';
import { purgeBusFor, type PurgeBus } from './http/purge-bus.js';
import { redisFor, type RedisClients } from './redis.js';
import { SiteResolver } from './sites/resolver.js';
import type { MediaStorage } from './storage/media-storage.js';
import { openMediaStorage } from './storage/open.js';
import type { Site } from './sites/site.js';
import { SecretBox } from './lib/secret-box.js';
import { loadSecretKey } from './lib/secret-key.js';

/** What the routes of every feature need, decorated on the Fastify instance as `app.cong`. */
export interface AppContext {
  config: Config;
  /** The features the app was built with (src/features/index.ts, or a test's list). */
  features: readonly Feature[];
  /** Their public sections, in order (derived from `features` once). */
  sections: readonly PublicSection[];
  db: Db;
  dialect: Dialect;
  sites: SiteResolver;
  pageCache: PageCache;
  /** Clients over a rate limit, answered before Fastify until their window ends. */
  limitBlocks: LimitBlocks;
  assets: AssetStore;
  /** Back-office sessions: in the database, or in Redis when REDIS_URL is set. */
  sessions: SessionStore;
  /** The process's one Redis client and one subscriber when REDIS_URL is set, otherwise null. */
  redis: RedisClients | null;
  /**
   * The line to the cluster's primary when this process is one of CONG_WORKERS workers and there
   * is no Redis (the primary then holds the counters every worker shares), otherwise null.
   */
  primary: PrimaryLink | null;
  /** Page-cache purges and site-table reloads, shared with the other instances (Redis) or workers (the primary). */
  purges: PurgeBus;
  /** What the citizen forms share: secrets, verification, rate-limit counters, visitor keys. */
  citizen: CitizenServices;
  /** Prometheus metrics (CONG_METRICS_PORT): the kernel and the features report here. */
  metrics: AppMetrics;
  /** Stops reporting this app's database queries to its metrics (the database outlives the app in tests). */
  stopObserving(): void;
  /** Uploaded media and document files: <dataDir>/media or an S3-compatible bucket. */
  media: MediaStorage;
  /** Seals and opens secrets stored in the database (TOTP secrets), with the key kept outside it. */
  secrets: SecretBox;
  /** The clock; tests replace it. */
  now(): Date;
}

/**
 * This process's part of the server's page cache: CONG_PAGE_CACHE_MB is what the whole server
 * may hold, shared out among its CONG_WORKERS processes, so that the server's memory does not grow
 * with the number of workers. Each worker caches the pages it is asked for: the pages everybody
 * reads are in every worker's part.
 */
export function pageCacheShare(config: Pick<Config, 'pageCacheMb' | 'workers'>): Partial<PageCacheLimits> {
  const workers = Math.max(1, config.workers);
  return { maxBytes: Math.floor((config.pageCacheMb * 1024 * 1024) / workers), maxEntries: Math.ceil(DEFAULT_PAGE_CACHE_LIMITS.maxEntries / workers) };
}

/**
 * Makes the context of one application, once: the Redis connections, the purge bus, the site
 * table (loaded), the page cache, the session store and the citizen services. `closeContext`
 * releases what it holds, when the application closes.
 */
export async function createContext({ config, database, now, features }: { config: Config; database: DatabaseHandle; now: () => Date; features: readonly Feature[] }): Promise<AppContext> {
  const redis = redisFor(config);
  const primary = redis ? null : primaryLink();
  const metrics = new AppMetrics(config.metricsPort !== null);
  for (const r of redis ? [redis.client, redis.subscriber] : []) countRedisErrors(r, metrics);
  const stopObserving = database.queries?.observe((seconds, failed) => metrics.query(seconds, failed));
  try {
    const purges = await purgeBusFor(redis, primary);
    const pageCache = new PageCache(config.pageCacheSeconds * 1000, purges, pageCacheShare(config), metrics);
    metrics.watchPageCache(pageCache);
    // Pages rendered while the table was still the old one must not stay: purge after the reload.
    const sites = new SiteResolver(database.db, purges, () => pageCache.purgeAll(), !config.production);
    await sites.load();
    return {
      config,
      features,
      sections: sectionsOf(features),
      db: database.db,
      dialect: database.dialect,
      sites,
      pageCache,
      limitBlocks: new LimitBlocks(),
      assets: new AssetStore(config.assetsDir),
      sessions: sessionStoreFor(redis, database.db),
      redis,
      primary,
      purges,
      citizen: await makeCitizenServices({ db: database.db, redis, primary, now }),
      metrics,
      stopObserving: stopObserving ?? (() => undefined),
      media: await openMediaStorage(config.media),
      secrets: new SecretBox(loadSecretKey(config.secretKey, config.dataDir)),
      now,
    };
  } catch (err) {
    stopObserving?.();
    await redis?.close();
    throw err;
  }
}

/**
 * Counts a Redis connection's errors for the metrics. A listener silences ioredis' own line per
 * error (one per reconnect attempt while Redis is down), so the first error of each outage is
 * written to the log here.
 */
function countRedisErrors(r: RedisClients['client'], metrics: AppMetrics): void {
  let down = false;
  r.on('ready', () => (down = false));
  r.on('error', (err: Error) => {
    metrics.redisErrors++;
    if (down) return;
    down = true;
    console.error(`[cong] Redis connection error (counted in cong_redis_errors_total until it is back): ${err.message}`);
  });
}

/** Stops listening to the purge bus and quits the Redis connections (the database is the caller's). */
export async function closeContext(ctx: AppContext): Promise<void> {
  ctx.stopObserving();
  await ctx.purges.close();
  await ctx.redis?.close();
  await ctx.media.close();
}

declare module 'fastify' {
  interface FastifyInstance {
    cong: AppContext;
  }
  interface FastifyRequest {
    site: Site;
  }
}
