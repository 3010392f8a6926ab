import assert from 'node:assert/strict';
import { request } from 'node:http';
import { connect } from 'node:net';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { buildTestApp, NAM_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { hitHeaders } from '../../src/kernel/http/raw-hits.js';

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

  test('header names in any case are read as Node reads them, and so is a header sent twice', async () => {
    const { app, port } = ctx();
    const counters = app.cong.pageCache.counters;
    const first = await get(port, '/chuyen-muc/xay-dung-dang', gz);
    const before = counters.rawHits;
    const raw = async (lines: string[]) => {
      const socket = connect(port, '127.0.0.1');
      socket.end(['GET /chuyen-muc/xay-dung-dang HTTP/1.1', ...lines, 'Connection: close', '', ''].join('\r\n'));
      const chunks: Buffer[] = [];
      for await (const c of socket) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('latin1');
    };
    const upper = await raw([`HOST: ${NAM_HONG_LINH}`, 'ACCEPT-ENCODING: gzip', `If-None-MATCH: ${first.headers.etag}`]);
    assert.match(upper, /^HTTP\/1\.1 304 /);
    assert.equal(counters.rawHits, before + 1);
    const gzipped = await raw([`Host: ${NAM_HONG_LINH}`, 'accept-Encoding: gzip']);
    assert.match(gzipped, /^HTTP\/1\.1 200 [^]*\r\ncontent-encoding: gzip\r\n/i);
    assert.equal(counters.rawHits, before + 2);
    // Node joins the two values ("identity, gzip"), and the answer is gzip, as it was before.
    const twice = await raw([`Host: ${NAM_HONG_LINH}`, 'Accept-Encoding: identity', 'Accept-Encoding: gzip']);
    assert.match(twice, /^HTTP\/1\.1 200 [^]*\r\ncontent-encoding: gzip\r\n/i);
    const identity = await raw([`Host: ${NAM_HONG_LINH}`, 'Accept-Encoding: identity', 'accept-encoding: identity']);
    assert.doesNotMatch(identity, /\r\ncontent-encoding:/i);
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

test('hitHeaders reads host, accept-encoding and the validators from the raw list, in any case, once each', () => {
  assert.deepEqual(hitHeaders(['Host', 'a.vn', 'User-Agent', 'x', 'ACCEPT-ENCODING', 'br', 'if-none-match', '"e"', 'If-Modified-Since', 'd']), {
    host: 'a.vn', 'accept-encoding': 'br', 'if-none-match': '"e"', 'if-modified-since': 'd',
  });
  // Names of the right length that are other headers are skipped.
  assert.deepEqual(hitHeaders(['Cookie', 'a=1', 'Hots', 'x', 'accept-language', 'vi', 'If-Match-Same', 'y', 'X-If-Modified-Sin', 'z']), {
    host: undefined, 'accept-encoding': undefined, 'if-none-match': undefined, 'if-modified-since': undefined,
  });
  assert.equal(hitHeaders(['Host', 'a.vn', 'host', 'b.vn']), null);
  assert.equal(hitHeaders(['If-None-Match', '"a"', 'If-None-Match', '"b"']), null);
  assert.equal(hitHeaders(['Accept-Encoding', 'gzip', 'accept-encoding', 'br']), null);
  assert.equal(hitHeaders(['if-modified-since', 'a', 'If-Modified-Since', 'b']), null);
});
