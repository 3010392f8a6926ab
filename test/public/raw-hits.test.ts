import assert from 'node:assert/strict';
import { request } from 'node:http';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { buildTestApp, NAM_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(port: number, path: string, headers: Record<string, string>, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { host: NAM_HONG_LINH, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const withoutDate = (h: Answer['headers']) => {
  const { date: _d, ...rest } = h;
  return rest;
};

describeEachDb('cache hits answered before Fastify, on a real socket', async (db) => {
  const app = await buildTestApp(db);
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, port: (app.server.address() as { port: number }).port };
}, (ctx) => {
  const gz = { 'accept-encoding': 'gzip' };

  test('the second request for a page is a raw hit with exactly the bytes and headers of the first', async () => {
    const { app, port } = ctx();
    const counters = app.cong.pageCache.counters;
    const first = await get(port, '/chuyen-muc/xay-dung-dang', gz);
    const before = counters.rawHits;
    const second = await get(port, '/chuyen-muc/xay-dung-dang', gz);
    assert.equal(counters.rawHits, before + 1, 'answered before Fastify');
    assert.equal(second.status, 200);
    assert.deepEqual(withoutDate(second.headers), withoutDate(first.headers));
    assert.ok(second.body.equals(first.body));
    assert.match(gunzipSync(second.body).toString(), /Xây dựng Đảng/);
    assert.match(String(second.headers['content-security-policy']), /default-src 'self'/);

    const head = await get(port, '/chuyen-muc/xay-dung-dang', gz, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.body.length, 0);
    assert.equal(head.headers['content-length'], first.headers['content-length']);
    const revalidated = await get(port, '/chuyen-muc/xay-dung-dang', { ...gz, 'if-none-match': String(first.headers.etag) });
    assert.equal(revalidated.status, 304);
    assert.equal(counters.rawHits, before + 3);
  });

  test('a query string, a POST, another site or a purged page go the full way', async () => {
    const { app, port } = ctx();
    const counters = app.cong.pageCache.counters;
    await get(port, '/chuyen-muc/xay-dung-dang', gz);
    const before = counters.rawHits;
    assert.equal((await get(port, '/chuyen-muc/xay-dung-dang?trang=2', gz)).status, 200);
    assert.equal((await get(port, '/chuyen-muc/xay-dung-dang', gz, 'POST')).status, 404);
    const other = await get(port, '/chuyen-muc/xay-dung-dang', { ...gz, host: 'bachonglinh.localhost' });
    assert.notEqual(other.status, 500);
    app.cong.pageCache.purgeSite(1);
    const renders = counters.renders;
    assert.equal((await get(port, '/chuyen-muc/xay-dung-dang', gz)).status, 200);
    assert.equal(counters.renders, renders + 1, 'rendered again after the purge');
    assert.equal(counters.rawHits, before, 'none of these was a raw hit');
  });
}, async ({ app }) => app.close());
