import type { SessionStore } from './access/sessions.js';
import type { Config } from '../config.js';
import type { Db, Dialect } from './db/connection.js';
import type { Feature, PublicSection } from './feature.js';
import type { AssetStore } from './http/assets.js';
import type { PageCache } from './http/page-cache.js';
import type { SiteResolver } from './sites/resolver.js';
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
  /** The clock; tests replace it. */
  now(): Date;
}

declare module 'fastify' {
  interface FastifyInstance {
    cong: AppContext;
  }
  interface FastifyRequest {
    site: Site;
  }
}
