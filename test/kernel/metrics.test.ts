import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { freePort } from '../../bench/servers.js';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { seedDemoIfEmpty } from '../../src/demo.js';
import { NAM_HONG_LINH, ROOT } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';

/**
 * The Prometheus endpoint of one process, scraped on its real port (CONG_METRICS_PORT) after real
 * requests on the public port: what the operator's Prometheus and the shipped Grafana dashboard read.
 */
const gz = { 'accept-encoding': 'gzip' };

/** The value of one sample line (`name{labels} value`), or null when absent. */
function sample(text: string, series: string): number | null {
  for (const line of text.split('\n')) {
    if (line.startsWith(`${series} `)) return Number(line.slice(series.length + 1));
  }
  return null;
}

async function scrape(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/metrics`);
  assert.equal(res.status, 200);
  assert.match(String(res.headers.get('content-type')), /^text\/plain; version=0\.0\.4/);
  return res.text();
}

describeEachDb('Prometheus metrics on their own port', async (db) => {
  await seedDemoIfEmpty(db, db.media);
  const metricsPort = await freePort();
  const config = { ...loadConfig({ CONG_DATA_DIR: db.dataDir, CONG_METRICS_PORT: String(metricsPort), PORT: '0' }, ROOT), databaseUrl: null };
  const app: FastifyInstance = await buildApp({ config, database: db, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as { port: number }).port;
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`http://127.0.0.1:${port}${path}`, { headers: { host: NAM_HONG_LINH, ...headers } });
  return { app, port, metricsPort, get };
}, (ctx) => {
  test('/metrics is not served on the public port, and the metrics port serves nothing else', async () => {
    const { get, metricsPort } = ctx();
    assert.equal((await get('/metrics')).status, 404);
    assert.equal((await fetch(`http://127.0.0.1:${metricsPort}/`)).status, 404);
    assert.equal((await fetch(`http://127.0.0.1:${metricsPort}/metrics`, { method: 'POST' })).status, 404);
  });

  test('requests are counted by route pattern and status, with latency; cache hits, misses and sizes are read at scrape time', async () => {
    const { app, get, metricsPort } = ctx();
    const page = await get('/chuyen-muc/xay-dung-dang', gz);
    assert.equal(page.status, 200);
    await page.arrayBuffer();
    const rawBefore = app.cong.pageCache.counters.rawHits;
    await (await get('/chuyen-muc/xay-dung-dang', gz)).arrayBuffer();
    assert.equal(app.cong.pageCache.counters.rawHits, rawBefore + 1, 'the second one was a raw hit');
    await (await get('/khong-co-trang-nay-123', gz)).arrayBuffer();

    const text = await scrape(metricsPort);
    assert.ok((sample(text, 'cong_http_requests_total{method="GET",route="/chuyen-muc/:slug",status="200"}') ?? 0) >= 1, text.slice(0, 2000));
    assert.ok((sample(text, 'cong_http_request_duration_seconds_count{route="/chuyen-muc/:slug"}') ?? 0) >= 1);
    assert.ok((sample(text, 'cong_http_requests_total{method="GET",route="(unmatched)",status="404"}') ?? 0) >= 1, 'an unknown address has no route');
    assert.doesNotMatch(text, /xay-dung-dang|khong-co-trang-nay/, 'raw URLs never become labels');
    assert.equal(sample(text, 'cong_page_cache_raw_hits_total'), app.cong.pageCache.counters.rawHits);
    assert.ok(sample(text, 'cong_page_cache_hits_total')! >= sample(text, 'cong_page_cache_raw_hits_total')!);
    assert.ok(sample(text, 'cong_page_cache_misses_total')! >= 1);
    assert.equal(sample(text, 'cong_page_cache_entries'), app.cong.pageCache.size);
    assert.equal(sample(text, 'cong_page_cache_bytes'), app.cong.pageCache.bytes);
    assert.ok(sample(text, 'cong_render_duration_seconds_count')! >= 1);
    assert.ok(sample(text, 'cong_compression_duration_seconds_count{level="fast"}')! >= 1);
    assert.ok(sample(text, 'cong_db_query_duration_seconds_count')! >= 1);
    assert.equal(sample(text, 'cong_db_errors_total'), 0);
    assert.equal(sample(text, 'cong_redis_errors_total'), 0);
    assert.ok((sample(text, 'process_resident_memory_bytes') ?? 0) > 0, 'the process metrics too');
  });

  test('page views are counted per site code; jobs and the statistics flush lag are reported', async () => {
    const { get, app, metricsPort } = ctx();
    const beacon = await fetch(`http://127.0.0.1:${ctx().port}/thong-ke/ghi`, {
      method: 'POST',
      headers: { host: NAM_HONG_LINH, 'content-type': 'application/json', 'user-agent': 'Mozilla/5.0 (Linux; Android 10) Chrome/120 Mobile' },
      body: '{}',
    });
    assert.equal(beacon.status, 200);
    await (await get('/thong-ke/ghi.gif', { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0) Firefox/120', referer: `http://${NAM_HONG_LINH}/` })).arrayBuffer();
    await app.stats.flush();
    const text = await scrape(metricsPort);
    assert.equal(sample(text, 'cong_page_views_total{site="namhonglinh"}'), 2);
    assert.ok(sample(text, 'cong_job_runs_total{job="stats-flush"}')! >= 1);
    assert.equal(sample(text, 'cong_job_failures_total{job="stats-flush"}'), null, 'no failure: no series');
    const lag = sample(text, 'cong_stats_flush_lag_seconds');
    assert.ok(lag !== null && lag >= 0 && lag < 5, `flushed a moment ago: ${lag}`);
  });

  test('every metric the shipped Grafana dashboard queries is in the scrape output', async () => {
    const dashboard = JSON.parse(readFileSync(new URL('../../docs/grafana-dashboard.json', import.meta.url), 'utf8')) as { panels: { targets: { expr: string }[] }[] };
    const exprs = dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr));
    assert.ok(exprs.length >= 10);
    const text = await scrape(ctx().metricsPort);
    const present = new Set(text.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split(/[{ ]/, 1)[0]!));
    const queried = new Set(exprs.flatMap((e) => e.match(/\b(?:cong|process|nodejs)_[a-z0-9_]+/g) ?? []));
    for (const name of queried) {
      // A failure counter has no series before its first failure: its TYPE line proves the name.
      assert.ok(present.has(name) || text.includes(`# TYPE ${name} `), `${name} is scraped`);
    }
  });
}, async ({ app }) => {
  await app.close();
});
