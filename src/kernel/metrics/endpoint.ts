import type { FastifyInstance } from 'fastify';
import { AggregatorRegistry } from 'prom-client';
import { serveMetrics, type MetricsServer } from './server.js';

/**
 * Wires the application's metrics: every request through Fastify is counted by its route
 * pattern; in one process the endpoint listens when the app is ready and closes with it; in a
 * worker of several the primary serves it and asks each worker for its registry over the
 * cluster's channel (prom-client's AggregatorRegistry, see primaryMetrics).
 */
export function metricsEndpoint(app: FastifyInstance): void {
  const { config, metrics } = app.cong;
  // Nothing reads them: no work per request.
  const port = config.metricsPort;
  if (port === null) return;
  app.addHook('onResponse', async (request, reply) => {
    metrics.request(request.method, request.routeOptions.url ?? '(unmatched)', reply.statusCode, reply.elapsedTime / 1000);
  });
  if (config.workers > 1) {
    // Answers the primary's requests with this worker's registry.
    new AggregatorRegistry();
    AggregatorRegistry.setRegistries([metrics.registry]);
    return;
  }
  let server: MetricsServer | null = null;
  app.addHook('onReady', async () => {
    server = await serveMetrics(config.metricsHost, port, async () => ({ contentType: metrics.registry.contentType, body: await metrics.scrape() }), (err) =>
      app.log.error({ err }, 'metrics scrape failed'),
    );
  });
  app.addHook('onClose', async () => server?.close());
}

/** The primary of CONG_WORKERS: the endpoint, with every worker's metrics summed (a lag: the worst). */
export function primaryMetrics(config: { metricsHost: string; metricsPort: number | null }, log: (msg: string) => void): Promise<MetricsServer | null> {
  if (config.metricsPort === null) return Promise.resolve(null);
  const aggregator = new AggregatorRegistry();
  return serveMetrics(config.metricsHost, config.metricsPort, async () => ({ contentType: aggregator.contentType, body: await aggregator.clusterMetrics() }), (err) =>
    log(`metrics scrape failed: ${(err as Error).message}`),
  );
}
