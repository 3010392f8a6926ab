import { sessionStoreFor, type SessionStore } from './access/sessions.js';
import { makeCitizenServices, type CitizenServices } from './citizen/services.js';
import type { Config } from '../config.js';
import type { DatabaseHandle, Db, Dialect } from './db/connection.js';
import { AssetStore } from './http/assets.js';
import { PageCache } from './http/page-cache.js';
import { redisFor, type RedisClients } from './redis.js';
import { SiteResolver } from './sites/resolver.js';
import type { Site } from './sites/site.js';

/** What the routes of every feature need, decorated on the Fastify instance as `app.cong`. */
export interface AppContext {
  config: Config;
  db: Db;
  dialect: Dialect;
  sites: SiteResolver;
  pageCache: PageCache;
  assets: AssetStore;
  /** Back-office sessions: in the database, or in Redis when REDIS_URL is set. */
  sessions: SessionStore;
  /** The process's one Redis client and one subscriber when REDIS_URL is set, otherwise null. */
  redis: RedisClients | null;
  /** What the citizen forms share: secrets, verification, rate-limit counters, visitor keys. */
  citizen: CitizenServices;
  /** The clock; tests replace it. */
  now(): Date;
}

/**
 * Makes the context of one application, once: the Redis connections, the site table (loaded),
 * the page cache, the session store and the citizen services. `closeContext` releases what it
 * holds, when the application closes.
 */
export async function createContext({ config, database, now }: { config: Config; database: DatabaseHandle; now: () => Date }): Promise<AppContext> {
  const redis = redisFor(config);
  try {
    const sites = new SiteResolver(database.db);
    await sites.reload();
    return {
      config,
      db: database.db,
      dialect: database.dialect,
      sites,
      pageCache: new PageCache(config.pageCacheSeconds * 1000),
      assets: new AssetStore(config.assetsDir),
      sessions: sessionStoreFor(redis, database.db),
      redis,
      citizen: await makeCitizenServices({ db: database.db, redis, now }),
      now,
    };
  } catch (err) {
    await redis?.close();
    throw err;
  }
}

/** Quits the Redis connections (the database is the caller's). */
export async function closeContext(ctx: AppContext): Promise<void> {
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
