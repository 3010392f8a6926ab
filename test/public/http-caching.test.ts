import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, NAM_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';

describeEachDb('HTTP caching and compression', async (db) => ({ app: await buildTestApp(db) }), (get) => {
  const req = (url: string, headers: Record<string, string> = {}) =>
    get().app.inject({ url, headers: { host: NAM_HONG_LINH, ...headers } });

  test('public pages declare Cache-Control, ETag and Last-Modified; a matching ETag gives 304', async () => {
    const res = await req('/chuyen-muc/xay-dung-dang');
    assert.equal(res.headers['cache-control'], 'public, max-age=60, s-maxage=300, stale-while-revalidate=60');
    const etag = res.headers.etag as string;
    assert.match(etag, /^"[\w-]+"$/);
    const again = await req('/chuyen-muc/xay-dung-dang', { 'if-none-match': etag });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    const changed = await req('/chuyen-muc/xay-dung-dang', { 'if-none-match': '"other"' });
    assert.equal(changed.statusCode, 200);
  });

  test('Last-Modified of an article is its update time; If-Modified-Since gives 304', async () => {
    const legacy = await req('/portal/pages/2021-10-15/x-614123.aspx');
    const res = await req(legacy.headers.location as string);
    assert.equal(res.headers['last-modified'], new Date('2021-10-15T01:30:00.000Z').toUTCString());
    const again = await req(legacy.headers.location as string, { 'if-modified-since': res.headers['last-modified'] as string });
    assert.equal(again.statusCode, 304);
  });

  test('text is served brotli or gzip compressed from the same cached bytes', async () => {
    const plain = await req('/');
    const br = await req('/', { 'accept-encoding': 'gzip, deflate, br' });
    const gz = await req('/', { 'accept-encoding': 'gzip' });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(br.headers.vary, 'Accept-Encoding');
    assert.equal(brotliDecompressSync(br.rawPayload).toString(), plain.body);
    assert.equal(gunzipSync(gz.rawPayload).toString(), plain.body);
    assert.ok(br.rawPayload.length < plain.rawPayload.length / 3);
    const refused = await req('/', { 'accept-encoding': 'br;q=0, gzip' });
    assert.equal(refused.headers['content-encoding'], 'gzip');
    // Weights and refusals as RFC 9110 reads them (test/kernel/accept-encoding.test.ts has the rest).
    const lighter = await req('/', { 'accept-encoding': 'br;q=0.5, gzip' });
    assert.equal(lighter.headers['content-encoding'], 'gzip');
    const none = await req('/', { 'accept-encoding': 'gzip, gzip;q=0' });
    assert.equal(none.headers['content-encoding'], undefined);
    assert.equal(none.body, plain.body);
    // The cache's answer is final: no other layer compresses what it sends as it is (a client
    // that takes only deflate gets the page as a cache hit before routing would send it).
    for (let i = 0; i < 2; i++) {
      const deflate = await req('/', { 'accept-encoding': 'deflate' });
      assert.equal(deflate.headers['content-encoding'], undefined);
      assert.equal(deflate.headers.vary, 'Accept-Encoding');
      assert.equal(deflate.body, plain.body);
    }
  });

  test('repeat requests come from the in-process cache until the site is purged', async () => {
    const { app, db } = get();
    const before = (await req('/trang/gioi-thieu')).body;
    await db.db.updateTable('pages').set({ title: 'Giới thiệu chung' }).where('site_id', '=', 1).where('slug', '=', 'gioi-thieu').execute();
    assert.equal((await req('/trang/gioi-thieu')).body, before, 'served from cache');
    app.cong.pageCache.purgePaths(1, ['/trang/gioi-thieu']);
    assert.match((await req('/trang/gioi-thieu')).body, /Giới thiệu chung/);
  });

  test('a cache hit answered before routing carries exactly the headers of the full pipeline', async () => {
    const { app } = get();
    app.cong.pageCache.purgeSite(1);
    const strip = (h: Record<string, unknown>) => {
      const { date, connection, 'keep-alive': _k, 'transfer-encoding': _t, ...rest } = h;
      return rest;
    };
    for (const enc of ['br', 'gzip', '']) {
      const first = await req('/chuyen-muc/kinh-te', { 'accept-encoding': enc });
      const hit = await req('/chuyen-muc/kinh-te', { 'accept-encoding': enc });
      assert.deepEqual(strip(hit.headers), strip(first.headers), `headers for "${enc}"`);
      assert.deepEqual(hit.rawPayload, first.rawPayload);
      assert.ok(hit.headers['x-frame-options'] && hit.headers['content-security-policy'] && hit.headers['strict-transport-security']);
    }
    const etag = (await req('/chuyen-muc/kinh-te')).headers.etag as string;
    const notModified = await req('/chuyen-muc/kinh-te', { 'if-none-match': etag });
    assert.equal(notModified.statusCode, 304);
    assert.equal(notModified.rawPayload.length, 0);
    const head = await get().app.inject({ method: 'HEAD', url: '/chuyen-muc/kinh-te', headers: { host: NAM_HONG_LINH, 'accept-encoding': 'gzip' } });
    assert.equal(head.statusCode, 200);
    assert.equal(head.rawPayload.length, 0);
  });

  test('a cached page never answers for the same path with a query: a list searched with ?q= reaches its route', async () => {
    const list = await req('/hoi-dap');
    assert.equal(list.statusCode, 200);
    assert.equal((await req('/hoi-dap')).body, list.body, 'the bare list comes from the cache');
    const searched = await req('/hoi-dap?q=zzzkhongcocauhoinao');
    assert.equal(searched.statusCode, 200);
    assert.notEqual(searched.body, list.body, 'the searched list is not the cached bare list');
    assert.match(searched.body, /zzzkhongcocauhoinao/);
    // A query the page ignores still gets the same page, through the route.
    const tracked = await req('/chuyen-muc/xay-dung-dang?utm_source=zalo');
    assert.equal(tracked.statusCode, 200);
    assert.equal(tracked.body, (await req('/chuyen-muc/xay-dung-dang')).body);
  });

  test('assets have content-hashed names and a one-year immutable Cache-Control', async () => {
    const home = (await req('/')).body;
    const css = /href="(\/assets\/app\.[0-9a-f]{10}\.css)"/.exec(home)?.[1];
    const js = /src="(\/assets\/app\.[0-9a-f]{10}\.js)"/.exec(home)?.[1];
    assert.ok(css && js);
    for (const url of [css, js]) {
      const res = await req(url, { 'accept-encoding': 'br' });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.equal(res.headers['content-encoding'], 'br');
    }
    assert.equal((await req('/assets/app.0000000000.css')).statusCode, 404);
  });

  test('security headers: a strict CSP without inline scripts, nosniff, frame protection', async () => {
    const res = await req('/');
    const csp = res.headers['content-security-policy'] as string;
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.match(csp, /object-src 'none'/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.doesNotMatch(res.body, /<script(?![^>]*(type="module" src=|type="application\/ld\+json"))/, 'no inline script');
  });
}, async ({ app }: { app: FastifyInstance }) => {
  await app.close();
});
