import assert from 'node:assert/strict';
import { request } from 'node:http';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { LimitBlocks } from '../../src/kernel/http/limit-blocks.js';
import { PageCache } from '../../src/kernel/http/page-cache.js';
import { buildTestApp, NAM_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET from the given loopback address (each one is another client to the limits). */
function get(port: number, path: string, from = '127.0.0.1', method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = { host: NAM_HONG_LINH, 'accept-encoding': 'gzip', accept: 'text/html' };
    const req = request({ host: '127.0.0.1', port, path, method, localAddress: from, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const gz = { 'accept-encoding': 'gzip' };
const SEARCH = '/tim-kiem?q=nam+hong';
/** The search route's limit a minute (features/search/public/routes.tsx). */
const LIMIT = 120;

/** The headers that name the moment, or the remaining seconds, which may tick between two answers. */
function stable(h: Answer['headers']) {
  const { date: _d, 'retry-after': _r, 'x-ratelimit-reset': _x, ...rest } = h;
  return rest;
}

describeEachDb('a client over a rate limit, answered before Fastify', async (db) => {
  const app = await buildTestApp(db);
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, port: (app.server.address() as { port: number }).port };
}, (ctx) => {
  test('after the first 429 through the full pipeline, the next ones are raw answers with the same bytes and headers', async () => {
    const { app, port } = ctx();
    const counters = app.cong.pageCache.counters;
    const client = '127.0.0.2';
    for (let i = 0; i < LIMIT; i++) assert.equal((await get(port, `/tim-kiem?q=tu+${i}`, client)).status, 200);
    const first = await get(port, SEARCH, client);
    assert.equal(first.status, 429, 'the limit is reached');
    const raw0 = counters.rawHits;
    const renders = counters.renders;
    const second = await get(port, '/tim-kiem?q=something+else', client);
    assert.equal(second.status, 429);
    assert.equal(counters.rawHits, raw0 + 1, 'answered before Fastify');
    assert.equal(counters.renders, renders, 'nothing rendered');
    assert.deepEqual(stable(second.headers), stable(first.headers));
    assert.ok(second.body.equals(first.body));
    assert.match(gunzipSync(second.body).toString(), /<html lang="vi"/);
    for (const h of ['retry-after', 'x-ratelimit-reset']) {
      const a = Number(first.headers[h]);
      const b = Number(second.headers[h]);
      assert.ok(a > 0 && a <= 60 && b <= a && b >= a - 1, `${h}: ${a} then ${b}`);
    }
    assert.equal(second.headers['x-ratelimit-remaining'], '0');
    assert.equal(second.headers['x-ratelimit-limit'], String(LIMIT));
    const head = await get(port, SEARCH, client, 'HEAD');
    assert.equal(head.status, 429);
    assert.equal(head.body.length, 0);
  });

  test('the block is only for that client, that site and that address, and ends with the window', async () => {
    const { app, port } = ctx();
    const client = '127.0.0.3';
    for (let i = 0; i <= LIMIT; i++) await get(port, `/tim-kiem?q=x${i}`, client);
    assert.equal((await get(port, SEARCH, client)).status, 429);
    assert.equal((await get(port, SEARCH, '127.0.0.4')).status, 200, 'another client searches');
    assert.equal((await get(port, '/chuyen-muc/xay-dung-dang', client)).status, 200, 'the blocked client reads pages');
    const key = LimitBlocks.key(1, SEARCH, client);
    assert.equal(app.cong.limitBlocks.answer(key, undefined, {}, 'GET'), null, 'without the kept page: the full way');
    const errorPage = app.cong.pageCache.peek(PageCache.errorKey(1, 429));
    assert.ok(errorPage, 'the 429 page is kept for the site');
    assert.ok(app.cong.limitBlocks.answer(key, errorPage, gz, 'GET'), 'blocked now');
    assert.equal(app.cong.limitBlocks.answer(key, errorPage, gz, 'GET', Date.now() + 61_000), null, 'not after the window');
    assert.equal(app.cong.limitBlocks.answer(key, errorPage, gz, 'GET'), null, 'and forgotten');
  });

  test('a purge of the site (its frame changed) renders the 429 page again for a blocked client', async () => {
    const { app, port } = ctx();
    const client = '127.0.0.5';
    for (let i = 0; i <= LIMIT; i++) await get(port, `/tim-kiem?q=y${i}`, client);
    assert.equal((await get(port, SEARCH, client)).status, 429);
    app.cong.pageCache.purgeSite(1);
    const renders = app.cong.pageCache.counters.renders;
    const raw0 = app.cong.pageCache.counters.rawHits;
    assert.equal((await get(port, SEARCH, client)).status, 429);
    assert.equal(app.cong.pageCache.counters.renders, renders + 1);
    assert.equal(app.cong.pageCache.counters.rawHits, raw0, 'the full way, once');
    assert.equal((await get(port, SEARCH, client)).status, 429);
    assert.equal(app.cong.pageCache.counters.rawHits, raw0 + 1);
  });
}, async ({ app }) => app.close());
