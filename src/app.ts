import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { closeContext, createContext, type AppContext } from './kernel/context.js';
import type { DatabaseHandle } from './kernel/db/connection.js';
import { assertUniqueFeatures, jobsOf, type Feature } from './kernel/feature.js';
import { adminSessionHooks } from './kernel/http/admin-scope.js';
import { registerKernel } from './kernel/http/kernel-plugins.js';
import { serverWithRawHits } from './kernel/http/raw-hits.js';
import { trustFunction } from './kernel/http/client-address.js';
import { JobRunner } from './kernel/jobs.js';
import { metricsEndpoint } from './kernel/metrics/endpoint.js';
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
  let context: AppContext | undefined;
  // One reading of CONG_TRUST_PROXY for Fastify and the raw hits alike.
  const trust = trustFunction(config.trustProxy);
  const app = Fastify({
    serverFactory: serverWithRawHits(() => context, trust, config.accessLog, { requestTimeoutMs: config.requestTimeoutSeconds * 1000, maxConnections: config.maxConnections }),
    logger: logger ? { level: config.logLevel } : false,
    // Access logs belong to the reverse proxy; per-request log lines cost more than serving a cached page.
    logController: new LogController({ disableRequestLogging: !config.accessLog }),
    trustProxy: trust,
    // Ward portals are small; anything bigger than a form post is refused early.
    bodyLimit: 256 * 1024,
    // A worker being replaced can still be handed a connection the primary dealt it a moment
    // before it stopped listening: serve it rather than answer 503 (its siblings take the next).
    return503OnClosing: config.workers <= 1,
  });

  const ctx = await createContext({ config, database, now, features });
  app.decorate('cong', ctx);
  context = ctx;
  // onClose hooks run last-added first: this one (Redis) after the jobs' final runs below.
  app.addHook('onClose', async () => closeContext(ctx));
  // One lifecycle for tests and `npm start`: the features' jobs start when the app is ready and
  // stop (running rounds awaited, then final runs such as the statistics flush) when it closes.
  const jobs = new JobRunner(ctx.db, ctx.now, (err, job) => app.log.error({ err, job: job.name }, 'background job failed'), (job, ok) => ctx.metrics.job(job.name, ok));
  app.addHook('onReady', async () => jobs.start(jobsOf(features, app)));
  app.addHook('onClose', async () => jobs.stop());

  metricsEndpoint(app);
  await registerKernel(app);
  for (const f of features) if (f.publicRoutes) await app.register(f.publicRoutes);
  // The back office: its own session, CSRF and no-store hooks, encapsulated under /quan-tri.
  await app.register(async (admin) => {
    await adminSessionHooks(admin);
    for (const f of features) await f.adminRoutes?.(admin);
  });
  return app;
}
