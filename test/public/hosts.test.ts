import assert from 'node:assert/strict';
import { request } from 'node:http';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, NAM_HONG_LINH, BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';

const MISDIRECTED = 'Tên miền này không thuộc trang thông tin điện tử nào trên máy chủ.\n';
const TITLE_HL = /<title>Cổng thông tin điện tử phường Nam Hồng Lĩnh<\/title>/;
const TITLE_NHL = /<title>Cổng thông tin điện tử phường Bắc Hồng Lĩnh<\/title>/;

/** GET over a real socket (through the raw-hits server), with a Host of our choosing. */
function rawGet(port: number, path: string, host: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host, 'accept-encoding': 'gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        resolve({ status: res.statusCode!, headers: res.headers, body: (res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString() });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

async function listen(app: FastifyInstance): Promise<number> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return (app.server.address() as { port: number }).port;
}

describeEachDb('hosts in production: only configured hosts reach a site', async (db) => {
  const app = await buildTestApp(db, { env: { NODE_ENV: 'production' } });
  // A second configured name of the default site.
  await db.db.insertInto('site_hosts').values({ host: 'www.honglinh.test', site_id: 1 }).execute();
  await app.cong.sites.reload();
  return { app, port: await listen(app) };
}, (get) => {
  const inject = (host: string, url = '/') => get().app.inject({ url, headers: { host } });

  test('a host of no site gets a small constant 421 that never names it, cacheable', async () => {
    for (const host of ['attacker.example', 'attacker.example:8080', 'localhost', '127.0.0.1:3000', '[::1]', 'khongco.localhost', '']) {
      const res = await inject(host, '/robots.txt');
      assert.equal(res.statusCode, 421, host);
      assert.equal(res.body, MISDIRECTED, host);
      assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8');
      assert.equal(res.headers['cache-control'], 'public, max-age=300');
      assert.doesNotMatch(res.body, /attacker|localhost|127/);
    }
  });

  test('configured hosts are served, whatever their case, port or trailing dot', async () => {
    assert.match((await inject(NAM_HONG_LINH)).body, TITLE_HL);
    assert.match((await inject('WWW.HongLinh.Test.:443')).body, TITLE_HL);
    assert.match((await inject(`${BAC_HONG_LINH}:8443`)).body, TITLE_NHL);
  });

  test('random hosts make no page-cache entry and no render', async () => {
    const { app } = get();
    await inject(NAM_HONG_LINH, '/');
    const { size } = app.cong.pageCache;
    const renders = app.cong.pageCache.counters.renders;
    for (let i = 0; i < 50; i++) assert.equal((await inject(`x${i}.example`, `/chuyen-muc/xay-dung-dang`)).statusCode, 421);
    assert.equal(app.cong.pageCache.size, size);
    assert.equal(app.cong.pageCache.counters.renders, renders);
  });

  test('on a real socket: a foreign Host gets the 421, and two names of one site share one cache entry (raw hit)', async () => {
    const { app, port } = get();
    const foreign = await rawGet(port, '/', 'attacker.example');
    assert.equal(foreign.status, 421);
    assert.equal(foreign.body, MISDIRECTED);
    app.cong.pageCache.purgeSite(1);
    const first = await rawGet(port, '/chuyen-muc/kinh-te', NAM_HONG_LINH);
    const before = app.cong.pageCache.counters.rawHits;
    const second = await rawGet(port, '/chuyen-muc/kinh-te', 'www.honglinh.test');
    assert.equal(app.cong.pageCache.counters.rawHits, before + 1, 'the other name hits the same (site, path) entry before Fastify');
    assert.equal(second.body, first.body);
    assert.match(first.body, /<link rel="canonical" href="https:\/\/namhonglinh\.localhost\/chuyen-muc\/kinh-te"\/>/, 'https by default in production');
  });
}, async ({ app }: { app: FastifyInstance }) => {
  await app.close();
});

describeEachDb('hosts in development: loopback names reach the sites without configuration', async (db) => ({ app: await buildTestApp(db) }), (get) => {
  const inject = (host: string) => get().app.inject({ url: '/', headers: { host } });

  test('localhost, 127.0.0.1, [::1] and unknown *.localhost reach the default site; <code>.localhost its site', async () => {
    for (const host of ['localhost', 'localhost:3000', '127.0.0.1:3000', '[::1]:3000', 'khongco.localhost']) {
      const res = await inject(host);
      assert.equal(res.statusCode, 200, host);
      assert.match(res.body, TITLE_HL, host);
    }
    assert.match((await inject('bachonglinh.localhost:3000')).body, TITLE_NHL);
  });

  test('a non-loopback host of no site gets 421 here too', async () => {
    const res = await inject('attacker.example');
    assert.equal(res.statusCode, 421);
    assert.equal(res.body, MISDIRECTED);
  });

  test('the demo sites link to themselves with the port they were asked on, over http', async () => {
    const { app } = get();
    app.cong.pageCache.purgeSite(1);
    const res = await get().app.inject({ url: '/', headers: { host: 'localhost:3000' } });
    assert.match(res.body, /<link rel="canonical" href="http:\/\/namhonglinh\.localhost:3000\/"\/>/);
    app.cong.pageCache.purgeSite(1);
  });
}, async ({ app }: { app: FastifyInstance }) => {
  await app.close();
});
