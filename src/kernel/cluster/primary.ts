import cluster from 'node:cluster';
import type { Config } from '../../config.js';
import type { DatabaseHandle } from '../db/connection.js';
import type { Feature } from '../feature.js';
import { primaryMetrics } from '../metrics/endpoint.js';
import type { MetricsServer } from '../metrics/server.js';
import { SiteResolver } from '../sites/resolver.js';
import type { Site } from '../sites/site.js';
import { counterService } from './counters.js';
import { ServiceHost, type PrimaryService } from './host.js';
import { rateLimitService } from './rate-limit-store.js';
import { Supervisor } from './supervisor.js';

/**
 * The primary of CONG_WORKERS processes, once the database is migrated and seeded: it serves no
 * request itself. Without Redis it holds what must stay exact across workers (the form and rate
 * limit counters, the features' primary services such as the visit counts) and relays purges;
 * with Redis the workers share all of that there. SIGHUP restarts the workers one at a time;
 * SIGTERM (or SIGINT) drains them, makes the services' last writes, and exits 0.
 */
export async function servePrimary({ config, database, features }: { config: Config; database: DatabaseHandle; features: readonly Feature[] }): Promise<{ port: number; sites: Site[] }> {
  const log = (msg: string) => console.error(`[cong primary ${process.pid}] ${msg}`);
  const services: PrimaryService[] = [];
  if (!config.redisUrl) {
    services.push(counterService(), rateLimitService());
    const deps = { config, database, now: () => new Date(), onError: (err: unknown) => log(`background job failed: ${(err as Error).message}`) };
    for (const f of features) {
      const service = await f.primary?.(deps);
      if (service) services.push(service);
    }
  }
  let supervisor: Supervisor | null = null;
  const host = new ServiceHost(services, () => supervisor?.workers() ?? []);
  supervisor = new Supervisor(config.workers, host, log);
  let metrics: MetricsServer | null = null;

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log(`${signal}: stopping the workers`);
    await metrics?.close();
    await supervisor.stop();
    try {
      // The services' last writes (the visit counts), once no worker can count any more.
      await host.close();
      await database.close();
    } catch (err) {
      log(`the last writes failed: ${(err as Error).stack ?? String(err)}`);
      process.exit(1);
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGHUP', () => {
    log('SIGHUP: restarting the workers one at a time');
    void supervisor.reload();
  });

  cluster.setupPrimary({ silent: false });
  const port = await supervisor.start();
  // CONG_METRICS_PORT: served here, with every worker's registry summed at each scrape.
  metrics = await primaryMetrics(config, log);
  const sites = new SiteResolver(database.db);
  await sites.load();
  return { port, sites: sites.all() };
}
