import { join } from 'node:path';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type { Config } from './config.js';
import { closeContext, createContext } from './kernel/context.js';
import type { DatabaseHandle } from './kernel/db/connection.js';
import { assetRoutes } from './kernel/http/asset-routes.js';
import { errorRoutes } from './kernel/http/error-routes.js';
import { feedRoutes } from './features/articles/public/feed-routes.js';
import { answerFromCache, PageCache } from './kernel/http/page-cache.js';
import { originOf } from './kernel/http/render.js';
import { publicRoutes } from './features/articles/public/routes.js';
import { contentSecurityPolicy } from './kernel/http/security.js';
import { widgetRoutes } from './features/sites/public/widget-routes.js';
import { themeRoutes } from './features/sites/public/theme-routes.js';
import { accountRoutes } from './features/back-office/account/routes.js';
import { articleAdminRoutes } from './features/articles/admin/routes.js';
import { auditRoutes } from './features/back-office/audit-routes.js';
import { authRoutes } from './features/back-office/auth/routes.js';
import { dashboardRoutes } from './features/back-office/dashboard.js';
import { adminSessionHooks } from './kernel/http/admin-scope.js';
import { userRoutes } from './features/back-office/users/routes.js';
import { mediaRoutes } from './features/media/admin/routes.js';
import { siteAdminRoutes } from './features/sites/admin/routes.js';
import { statsAdminRoutes } from './features/stats/admin/routes.js';
import { searchRoutes } from './features/search/public/routes.js';
import { statsRoutes } from './features/stats/public/routes.js';
import { interactRoutes } from './features/comments/public/interact-routes.js';
import { mediaPublicRoutes } from './features/media/public/routes.js';
import { commentAdminRoutes } from './features/comments/admin/routes.js';
import { documentRoutes } from './features/documents/public/routes.js';
import { documentAdminRoutes } from './features/documents/admin/routes.js';
import { questionRoutes } from './features/questions/public/routes.js';
import { questionAdminRoutes } from './features/questions/admin/routes.js';
import { scheduleRoutes } from './features/schedule/public/routes.js';
import { scheduleAdminRoutes } from './features/schedule/admin/routes.js';
import { pollRoutes } from './features/polls/public/routes.js';
import { pollAdminRoutes } from './features/polls/admin/routes.js';
import { procedureRoutes } from './features/procedures/public/routes.js';
import { procedureAdminRoutes } from './features/procedures/admin/routes.js';
import { organisationRoutes } from './features/organisation/public/routes.js';
import { organisationAdminRoutes } from './features/organisation/admin/routes.js';
import { JobRunner } from './kernel/jobs.js';
import { publishingJob } from './features/articles/scheduler.js';
import { statsJobs } from './features/stats/jobs.js';

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

  const ctx = await createContext({ config, database, now });
  app.decorate('cong', ctx);
  // onClose hooks run last-added first: this one (Redis) after the jobs' final runs below.
  app.addHook('onClose', async () => closeContext(ctx));
  // --- Jobs (interim wiring, to move to Feature.jobs): started when the app is ready, stopped
  // (running rounds awaited, then the final runs such as the statistics flush) when it closes.
  const jobs = new JobRunner(ctx.db, ctx.now, (err, job) => app.log.error({ err, job: job.name }, 'background job failed'));
  app.addHook('onReady', async () => jobs.start([publishingJob(ctx), ...statsJobs(app)]));
  app.addHook('onClose', async () => jobs.stop());
  // --- end of jobs
  app.decorateRequest('site', null as never);

  // First hook: which site, and — for a public page already in the cache — the answer itself,
  // before routing and the header plugins (their headers are stored with the entry).
  app.addHook('onRequest', async (request, reply) => {
    const site = ctx.sites.resolve(request.headers.host);
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
