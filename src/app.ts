import { join } from 'node:path';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import type { DatabaseHandle } from './db/connection.js';
import { AssetStore } from './public/assets.js';
import { assetRoutes } from './public/asset-routes.js';
import { errorRoutes } from './public/error-routes.js';
import { feedRoutes } from './public/feed-routes.js';
import { answerFromCache, PageCache } from './public/page-cache.js';
import { originOf } from './public/render.js';
import { publicRoutes } from './public/routes.js';
import { contentSecurityPolicy } from './public/security.js';
import { widgetRoutes } from './public/widget-routes.js';
import { themeRoutes } from './public/theme-routes.js';
import { accountRoutes } from './admin/account/routes.js';
import { articleAdminRoutes } from './admin/articles/routes.js';
import { auditRoutes } from './admin/audit-routes.js';
import { authRoutes } from './admin/auth/routes.js';
import { dashboardRoutes } from './admin/dashboard.js';
import { adminSessionHooks } from './admin/plugin.js';
import { userRoutes } from './admin/users/routes.js';
import { mediaRoutes } from './admin/media/routes.js';
import { siteAdminRoutes } from './admin/site/routes.js';
import { statsAdminRoutes } from './admin/stats/routes.js';
import { searchRoutes } from './search/routes.js';
import { statsRoutes } from './stats/routes.js';
import { interactRoutes } from './interact/routes.js';
import { mediaPublicRoutes } from './media/public-routes.js';
import { commentAdminRoutes } from './admin/comments/routes.js';
import { documentRoutes } from './documents/routes.js';
import { documentAdminRoutes } from './admin/documents/routes.js';
import { questionRoutes } from './questions/routes.js';
import { questionAdminRoutes } from './admin/questions/routes.js';
import { scheduleRoutes } from './schedule/routes.js';
import { scheduleAdminRoutes } from './admin/schedule/routes.js';
import { pollRoutes } from './polls/routes.js';
import { pollAdminRoutes } from './admin/polls/routes.js';
import { procedureRoutes } from './procedures/routes.js';
import { procedureAdminRoutes } from './admin/procedures/routes.js';
import { organisationRoutes } from './organisation/routes.js';
import { organisationAdminRoutes } from './admin/organisation/routes.js';
import { sessionStoreFor } from './admin/auth/sessions.js';
import { sharePurges } from './public/shared-purge.js';
import { SiteResolver } from './sites/resolver.js';

export interface BuildOptions {
  config: Config;
  database: DatabaseHandle;
  now?: () => Date;
  logger?: boolean;
}

/** Builds the whole application from a config object and an open, migrated database. */
export async function buildApp({ config, database, now = () => new Date(), logger = true }: BuildOptions): Promise<FastifyInstance> {
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
  app.decorateRequest('site', null as never);

  // First hook: which site, and — for a public page already in the cache — the answer itself,
  // before routing and the header plugins (their headers are stored with the entry).
  app.addHook('onRequest', async (request, reply) => {
    const site = sites.resolve(request.headers.host);
    if (!site) {
      return reply.code(503).type('text/plain; charset=utf-8').send('Chưa có trang thông tin nào được tạo.');
    }
    request.site = site;
    // Only bare paths: a page whose content depends on its query (a list filtered by ?q=) must
    // reach its route, which decides what of it may come from the cache.
    if ((request.method === 'GET' || request.method === 'HEAD') && !request.url.includes('?')) {
      const entry = ctx.pageCache.peek(PageCache.key(site.id, originOf(request), request.url));
      if (entry && answerFromCache(request, reply, entry)) return reply;
    }
    reply.header('content-security-policy', contentSecurityPolicy(site));
  });

  await app.register(helmet, { contentSecurityPolicy: false, crossOriginEmbedderPolicy: false });
  await app.register(rateLimit, { global: false });
  await app.register(compress, { global: true, threshold: 1024 });
  await app.register(cookie);
  await app.register(formbody);
  await app.register(fastifyStatic, { root: join(config.dataDir, 'media'), serve: false });

  await errorRoutes(app);
  await app.register(assetRoutes);
  await app.register(publicRoutes);
  await app.register(feedRoutes);
  await app.register(widgetRoutes);
  await app.register(themeRoutes);
  await app.register(mediaPublicRoutes);
  await app.register(searchRoutes);
  await app.register(statsRoutes);
  await app.register(interactRoutes);
  await app.register(documentRoutes);
  await app.register(questionRoutes);
  await app.register(scheduleRoutes);
  await app.register(pollRoutes);
  await app.register(procedureRoutes);
  await app.register(organisationRoutes);
  // The back office: its own session, CSRF and no-store hooks, encapsulated under /quan-tri.
  await app.register(async (admin) => {
    await adminSessionHooks(admin);
    for (const routes of [authRoutes, dashboardRoutes, articleAdminRoutes, mediaRoutes, siteAdminRoutes, statsAdminRoutes, commentAdminRoutes, documentAdminRoutes, questionAdminRoutes, scheduleAdminRoutes, pollAdminRoutes, procedureAdminRoutes, organisationAdminRoutes, accountRoutes, userRoutes, auditRoutes]) {
      await routes(admin);
    }
  });
  return app;
}
