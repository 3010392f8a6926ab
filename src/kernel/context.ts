import { sessionStoreFor, type SessionStore } from './access/sessions.js';
import { makeCitizenServices, type CitizenServices } from './citizen/services.js';
import type { Config } from '../config.js';
import { primaryLink, type PrimaryLink } from './cluster/link.js';
import type { DatabaseHandle, Db, Dialect } from './db/connection.js';
import { sectionsOf, type Feature, type PublicSection } from './feature.js';
import { AssetStore } from './http/assets.js';
import { PageCache } from './http/page-cache.js';
import { purgeBusFor, type PurgeBus } from './http/purge-bus.js';
import { redisFor, type RedisClients } from './redis.js';
import { SiteResolver } from './sites/resolver.js';
import type { Site } from './sites/site.js';

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
  /** The clock; tests replace it. */
  now(): Date;
}

/**
 * Makes the context of one application, once: the Redis connections, the purge bus, the site
 * table (loaded), the page cache, the session store and the citizen services. `closeContext`
 * releases what it holds, when the application closes.
 */
export async function createContext({ config, database, now, features }: { config: Config; database: DatabaseHandle; now: () => Date; features: readonly Feature[] }): Promise<AppContext> {
  const redis = redisFor(config);
  const primary = redis ? null : primaryLink();
  try {
    const purges = await purgeBusFor(redis, primary);
    const pageCache = new PageCache(config.pageCacheSeconds * 1000, purges, { maxBytes: config.pageCacheMb * 1024 * 1024 });
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
      assets: new AssetStore(config.assetsDir),
      sessions: sessionStoreFor(redis, database.db),
      redis,
      primary,
      purges,
      citizen: await makeCitizenServices({ db: database.db, redis, primary, now }),
      now,
    };
  } catch (err) {
    await redis?.close();
    throw err;
  }
}

/** Stops listening to the purge bus and quits the Redis connections (the database is the caller's). */
export async function closeContext(ctx: AppContext): Promise<void> {
  await ctx.purges.close();
  await ctx.redis?.close();
}

declare module 'fastify' {
  interface FastifyInstance {
    cong: AppContext;
  }
  interface FastifyRequest {
    site: Site;
  }
}
