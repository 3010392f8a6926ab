import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { checkPostgres } from '../helpers/db.js';
import { ClusterServer, clientPerWorker, freePort, request, type PinnedClient } from '../helpers/cluster.js';
import { DESKTOP, dropPrefix, redisMissing } from '../stats/helpers.js';

/**
 * With CONG_WORKERS=2 the primary serves CONG_METRICS_PORT and sums what each worker counted
 * (prom-client's AggregatorRegistry over the cluster channel): requests sent to each worker on
 * its own connection add up in one scrape. Real processes, on SQLite without Redis (the primary
 * flushes the statistics) and on PostgreSQL with Redis (the workers do).
 */
const SETUPS = [
  { name: 'SQLite, no Redis', postgres: false, redis: false },
  { name: 'PostgreSQL, Redis', postgres: true, redis: true },
];

function sample(text: string, series: string): number | null {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? null : Number(line.slice(series.length + 1));
}

for (const setup of SETUPS) {
  describe(`the primary serves the workers' metrics [${setup.name}]`, async () => {
    const own = <T>(p: Promise<T>) => new Promise<T>((resolve, reject) => void p.then(resolve, reject));
    const missing = [setup.postgres ? await own(checkPostgres()) : null, setup.redis ? await own(redisMissing()) : null].find(Boolean);
    if (missing && ((setup.postgres && process.env.CONG_REQUIRE_PG === '1') || (setup.redis && process.env.CONG_REQUIRE_REDIS === '1'))) throw new Error(missing);
    if (missing) {
      console.log(`# skipping "${setup.name}": ${missing}`);
      return;
    }
    const prefix = setup.redis ? `congtest:${randomBytes(6).toString('hex')}:` : null;
    let server: ClusterServer;
    let clients: PinnedClient[];
    let metricsPort: number;
    const scrape = async () => {
      const res = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
      assert.equal(res.status, 200);
      return res.text();
    };
    before(async () => {
      metricsPort = await freePort();
      server = await ClusterServer.start({ postgres: setup.postgres, redisPrefix: prefix, env: { CONG_METRICS_PORT: String(metricsPort), CONG_STATS_RATE_LIMIT: '0' } });
      clients = await clientPerWorker(server, 2);
    });
    after(async () => {
      for (const c of clients ?? []) c.agent.destroy();
      await server?.cleanup();
      if (prefix) await dropPrefix(prefix);
    });

    test('one scrape of the primary sums the requests and page views each worker answered', async () => {
      assert.equal(clients.length, 2, 'a connection to each worker');
      const [a, b] = clients as [PinnedClient, PinnedClient];
      const host = { host: 'namhonglinh.localhost' };
      for (const [client, times] of [[a, 3], [b, 2]] as const) {
        for (let i = 0; i < times; i++) {
          const res = await request(server.port, { path: '/chuyen-muc/xay-dung-dang', agent: client.agent, headers: host });
          assert.equal(res.status, 200);
        }
        const view = await request(server.port, { method: 'POST', path: '/thong-ke/ghi', agent: client.agent, headers: { ...host, 'content-type': 'application/json', 'user-agent': DESKTOP, 'x-forwarded-for': `10.9.0.${times}` }, body: '{}' });
        assert.equal(view.status, 200, view.body);
      }
      const text = await scrape();
      assert.equal(sample(text, 'cong_http_requests_total{method="GET",route="/chuyen-muc/:slug",status="200"}'), 5, 'three through one worker, two through the other');
      assert.equal(sample(text, 'cong_http_request_duration_seconds_count{route="/chuyen-muc/:slug"}'), 5);
      assert.equal(sample(text, 'cong_page_views_total{site="namhonglinh"}'), 2);
      assert.ok((sample(text, 'cong_page_cache_hits_total') ?? 0) >= 3, 'each worker rendered once, then answered from its cache');
      assert.ok((sample(text, 'cong_page_cache_misses_total') ?? 0) >= 2);
      assert.ok((sample(text, 'process_resident_memory_bytes') ?? 0) > 0);
    });

    test('the statistics flush lag is the worst worker\'s, and small while flushes succeed', async () => {
      await new Promise((r) => setTimeout(r, 1200));
      const lag = sample(await scrape(), 'cong_stats_flush_lag_seconds');
      assert.ok(lag !== null && lag >= 0 && lag < 3, `lag ${lag}`);
    });

    test('the public port has no /metrics, and the workers open no metrics port of their own', async () => {
      const res = await request(server.port, { path: '/metrics', headers: { host: 'namhonglinh.localhost' } });
      assert.equal(res.status, 404);
      assert.doesNotMatch(server.out, /EADDRINUSE/);
    });
  });
}
