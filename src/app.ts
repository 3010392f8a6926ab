import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { sessionStoreFor } from './kernel/access/sessions.js';
import type { AppContext } from './kernel/context.js';
import type { DatabaseHandle } from './kernel/db/connection.js';
import { assertUniqueFeatures, sectionsOf, type Feature } from './kernel/feature.js';
import { adminSessionHooks } from './kernel/http/admin-scope.js';
import { AssetStore } from './kernel/http/assets.js';
import { registerKernel } from './kernel/http/kernel-plugins.js';
import { PageCache } from './kernel/http/page-cache.js';
import { sharePurges } from './kernel/http/purge-bus.js';
import { SiteResolver } from './kernel/sites/resolver.js';
import { features as allFeatures } from './features/index.js';

export interface BuildOptions {
  config: Config;
  database: DatabaseHandle;
  now?: () => Date;
  logger?: boolean;
  /** The features to serve (default: every feature of src/features/index.ts). */
  features?: readonly Feature[];
}

/** Builds the whole application from a config object and an open, migrated database. */
export async function buildApp({ config, database, now = () => new Date(), logger = true, features = allFeatures }: BuildOptions): Promise<FastifyInstance> {
  assertUniqueFeatures(features);
  const app = Fastify({
    logger: logger ? { level: config.logLevel } : false,
    // Access logs belong to the reverse proxy; per-request log lines cost more than serving a cached page.
    logController: new LogController({ disableRequestLogging: !config.accessLog }),
    trustProxy: config.trustProxy,
    // Ward portals are small; anything bigger than a form post is refused early.
    bodyLimit: 256 * 1024,
  });

  const sites = new SiteResolver(database.db);
  await sites.reload();
  const ctx: AppContext = {
    config,
    features,
    sections: sectionsOf(features),
    db: database.db,
    dialect: database.dialect,
    sites,
    pageCache: new PageCache(config.pageCacheSeconds * 1000),
    assets: new AssetStore(config.assetsDir),
    sessions: sessionStoreFor(config, database.db),
    now,
  };
  app.decorate('cong', ctx);
  app.addHook('onClose', async () => ctx.sessions.close());
  if (config.redisUrl) {
    const stop = await sharePurges(ctx.pageCache, sites, config.redisUrl, config.redisPrefix);
    app.addHook('onClose', stop);
  }

  await registerKernel(app);
  for (const f of features) if (f.publicRoutes) await app.register(f.publicRoutes);
  // The back office: its own session, CSRF and no-store hooks, encapsulated under /quan-tri.
  await app.register(async (admin) => {
    await adminSessionHooks(admin);
    for (const f of features) await f.adminRoutes?.(admin);
  });
  return app;
}
