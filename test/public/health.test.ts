import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { after, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { buildTestApp, NAM_HONG_LINH, ROOT } from '../helpers/app.js';
import { describeEachDb, openTestDb, type TestDb } from '../helpers/db.js';
import { REDIS_URL } from '../helpers/cluster.js';
import { dropPrefix, redisMissing } from '../stats/helpers.js';

/**
 * /healthz and /readyz on a real socket: answered before Fastify (so before the site is resolved),
 * for any Host, never cached, without a cookie, and /readyz says 503 and which part fails when the
 * database is gone, a migration is missing or the configured Redis is unreachable.
 */
async function listen(app: FastifyInstance): Promise<number> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return (app.server.address() as { port: number }).port;
}

function probe(port: number, path: string, host = 'kho-biet.example', method = 'GET') {
  return fetch(`http://127.0.0.1:${port}${path}`, { method, headers: { host } });
}

async function readiness(port: number): Promise<{ status: number; body: unknown }> {
  const res = await probe(port, '/readyz');
  return { status: res.status, body: await res.json() };
}

describeEachDb('health and readiness probes', async (db) => {
  const app = await buildTestApp(db);
  return { app, port: await listen(app) };
}, (ctx) => {
  test('/healthz answers 200 for any Host, no-store, no cookie, not a page', async () => {
    for (const host of ['kho-biet.example', NAM_HONG_LINH, '']) {
      const res = await probe(ctx().port, '/healthz', host);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      assert.equal(res.headers.get('set-cookie'), null);
      assert.match(String(res.headers.get('content-type')), /^application\/json/);
      assert.deepEqual(await res.json(), { status: 'ok' });
    }
  });

  test('/readyz answers 200 when the database is reachable and every migration is applied; HEAD has no body', async () => {
    assert.deepEqual(await readiness(ctx().port), { status: 200, body: { status: 'ok' } });
    const head = await probe(ctx().port, '/readyz?lb=1', 'kho-biet.example', 'HEAD');
    assert.equal(head.status, 200);
    assert.equal((await head.arrayBuffer()).byteLength, 0);
  });

  test('probes are not rate limited, not cached and not counted as page views', async () => {
    const { app, port } = ctx();
    const cached = app.cong.pageCache.size;
    const answers = await Promise.all(Array.from({ length: 120 }, () => probe(port, '/readyz').then((r) => r.status)));
    assert.deepEqual(new Set(answers), new Set([200]));
    assert.equal(app.cong.pageCache.size, cached, 'nothing was put in the page cache');
    const metrics = await app.cong.metrics.scrape();
    assert.doesNotMatch(metrics, /cong_page_views_total\{/, 'no page view counted');
    assert.doesNotMatch(metrics, /route="\/readyz"/, 'never routed through Fastify');
  });

  test('a POST to /healthz is not a probe (it goes to the site, which has no such page)', async () => {
    const res = await fetch(`http://127.0.0.1:${ctx().port}/healthz`, { method: 'POST', headers: { host: NAM_HONG_LINH } });
    assert.equal(res.status, 404);
  });

  test('/readyz answers 503 naming the database once it is unreachable; /healthz still 200', async () => {
    const { app, port } = ctx();
    const other = app.cong.db;
    // The app's own connection pool closed under it: every query now fails.
    await other.destroy();
    assert.deepEqual(await readiness(port), { status: 503, body: { status: 'fail', failing: ['database'] } });
    assert.equal((await probe(port, '/healthz')).status, 200);
    assert.match(await app.cong.metrics.scrape(), /cong_readiness_failures_total\{part="database"\} [1-9]/);
  });
}, async ({ app }) => {
  await app.close();
});

describeEachDb('readiness with a migration missing', async (db) => db, (ctx) => {
  let missing: TestDb | null = null;
  let app: FastifyInstance | null = null;
  after(async () => {
    await app?.close();
    await missing?.cleanup();
  });

  test('/readyz answers 503 "migrations" when the database lacks the code\'s last migration, before any site exists', async () => {
    missing = await openTestDb(ctx().db.dialect, '0015-redirects');
    app = await buildTestApp(missing, { seed: false });
    const port = await listen(app);
    // No site at all: a page gets the "no site yet" answer, the probes are still answered.
    assert.equal((await probe(port, '/')).status, 503);
    assert.equal((await probe(port, '/healthz')).status, 200);
    assert.deepEqual(await readiness(port), { status: 503, body: { status: 'fail', failing: ['migrations'] } });
  });
});

/** A TCP relay to the real Redis that the test can cut and restore (a Redis that goes away). */
class RedisRelay {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  async open(): Promise<void> {
    const target = new URL(REDIS_URL);
    this.server = createServer((client) => {
      const upstream = connect(Number(target.port || 6379), target.hostname);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      const cut = () => { client.destroy(); upstream.destroy(); };
      client.on('close', cut);
      upstream.on('close', cut);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  async cut(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server!.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    await closed;
  }
}

describeEachDb('readiness with Redis configured', async (db) => {
  const missing = await redisMissing();
  if (missing) return { skip: missing, app: null, port: 0, relay: null, prefix: '' };
  const relay = new RedisRelay();
  await relay.open();
  const prefix = `congtest:${randomBytes(6).toString('hex')}:`;
  const config = { ...loadConfig({ CONG_DATA_DIR: db.dataDir }, ROOT), databaseUrl: null, redisUrl: `redis://127.0.0.1:${relay.port}`, redisPrefix: prefix };
  const app = await buildApp({ config, database: db, logger: false });
  await app.ready();
  return { skip: null, app, port: await listen(app), relay, prefix };
}, (ctx) => {
  test('/readyz answers 503 "redis" while Redis is unreachable, and 200 again once it is back', async (t) => {
    const { skip, port, relay } = ctx();
    if (skip || !relay) return t.skip(skip ?? 'no Redis');
    assert.deepEqual(await readiness(port), { status: 200, body: { status: 'ok' } });
    await relay.cut();
    assert.deepEqual(await readiness(port), { status: 503, body: { status: 'fail', failing: ['redis'] } });
    assert.equal((await probe(port, '/healthz')).status, 200, 'the process itself is fine');
    // The error comes with the first reconnection attempt, a moment after the connection closed.
    let scraped = await ctx().app!.cong.metrics.scrape();
    for (let i = 0; i < 50 && !/^cong_redis_errors_total [1-9]/m.test(scraped); i++) {
      await new Promise((r) => setTimeout(r, 100));
      scraped = await ctx().app!.cong.metrics.scrape();
    }
    assert.match(scraped, /^cong_redis_errors_total [1-9]/m, 'the lost connection is counted');
    assert.match(scraped, /^cong_readiness_failures_total\{part="redis"\} 1$/m);
    await relay.open();
    let back = await readiness(port);
    for (let i = 0; i < 60 && back.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 100));
      back = await readiness(port);
    }
    assert.deepEqual(back, { status: 200, body: { status: 'ok' } });
  });
}, async ({ app, relay, prefix }) => {
  await app?.close();
  await relay?.cut().catch(() => undefined);
  if (prefix) await dropPrefix(prefix);
});

test('only GET or HEAD of exactly /healthz or /readyz (with any query) is a probe', async () => {
  const { healthProbe } = await import('../../src/kernel/http/health.js');
  const probeOf = (method: string, url: string) => healthProbe({ method, url } as never);
  assert.equal(probeOf('GET', '/healthz'), 'healthz');
  assert.equal(probeOf('HEAD', '/readyz?from=lb'), 'readyz');
  assert.equal(probeOf('GET', '/healthz?'), 'healthz');
  for (const url of ['/healthzx', '/readyz/', '/healthz/../', '/ready', '/', '/bai-viet/healthz']) assert.equal(probeOf('GET', url), null, url);
  assert.equal(probeOf('POST', '/readyz'), null);
});
