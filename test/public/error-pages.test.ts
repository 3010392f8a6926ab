import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { PageCache } from '../../src/kernel/http/page-cache.js';
import { buildTestApp, NAM_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';

describeEachDb('error pages kept per site', async (db) => ({ app: await buildTestApp(db) }), (get) => {
  const req = (url: string, headers: Record<string, string> = {}) => get().app.inject({ url, headers: { host: NAM_HONG_LINH, ...headers } });
  const errorEntry = (app: FastifyInstance, status: number) => app.cong.pageCache.peek(PageCache.errorKey(1, status));

  test('a 404 is rendered once for the site: two unknown addresses get the same page, never stored in the browser', async () => {
    const { app } = get();
    app.cong.pageCache.purgeSite(1);
    const a = await req('/khong-co-trang-nay');
    const b = await req('/chuyen-muc/khong-co/trang-khac', { 'accept-encoding': 'gzip' });
    assert.equal(a.statusCode, 404);
    assert.equal(b.statusCode, 404);
    assert.equal(a.headers['cache-control'], 'no-store');
    assert.match(a.body, /Không tìm thấy trang bạn yêu cầu\./);
    assert.match(a.body, /Hồng Lĩnh/);
    assert.equal(b.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(b.rawPayload).toString(), a.body, 'the same page for both addresses');
    assert.equal(a.headers.etag, undefined, 'no validator on an error page');
    assert.equal(b.headers.etag, undefined);
    const kept = errorEntry(app, 404);
    assert.ok(kept, 'kept under the site');
    const atAddress = app.cong.pageCache.peek(PageCache.key(1, '/khong-co-trang-nay'));
    assert.ok(atAddress && atAddress.gzip === kept.gzip && atAddress.bytes < 1024, 'an address holds the same bytes, not a copy');
  });

  test("the kept 404 follows the site's frame: purging the site renders it again with the new name", async () => {
    const { app, db } = get();
    await req('/khong-co-1');
    const old = await db.db.selectFrom('sites').select('name').where('id', '=', 1).executeTakeFirstOrThrow();
    try {
      await db.db.updateTable('sites').set({ name: 'Phường Bắc Hồng Lĩnh' }).where('id', '=', 1).execute();
      assert.doesNotMatch((await req('/khong-co-2')).body, /Phường Bắc Hồng Lĩnh/, 'kept until purged');
      await app.cong.sites.reload();
      app.cong.pageCache.purgeSite(1);
      assert.match((await req('/khong-co-3')).body, /Phường Bắc Hồng Lĩnh/);
    } finally {
      await db.db.updateTable('sites').set({ name: old.name }).where('id', '=', 1).execute();
      await app.cong.sites.reload();
      app.cong.pageCache.purgeSite(1);
    }
  });

  test('an unknown address asked for again is answered before routing, until a purge of that address', async () => {
    const { app } = get();
    const gz = { 'accept-encoding': 'gzip' };
    const first = await req('/khong-co-5', gz);
    assert.equal(first.statusCode, 404);
    assert.ok(first.headers['x-ratelimit-limit'], 'the first answer went through the 404 route and its limit');
    const again = await req('/khong-co-5', gz);
    assert.equal(again.statusCode, 404);
    assert.equal(again.headers['x-ratelimit-limit'], undefined, 'answered before routing');
    assert.equal(again.body, first.body);
    assert.equal(again.headers['x-frame-options'], first.headers['x-frame-options'], 'with the security headers of the full pipeline');
    assert.equal(again.headers['content-security-policy'], first.headers['content-security-policy']);
    assert.equal((await req('/khong-co-5', { ...gz, 'if-none-match': errorEntry(app, 404)!.etag })).statusCode, 404, 'never a 304 for a 404');
    app.cong.pageCache.purgePaths(1, ['/khong-co-5']);
    assert.ok((await req('/khong-co-5', gz)).headers['x-ratelimit-limit'], 'after the purge it reaches the route again');
  });

  test('a moved address still answers 301 before any kept 404', async () => {
    await req('/khong-co-4');
    const res = await req('/portal/pages/2021-10-15/x-614123.aspx');
    assert.equal(res.statusCode, 301);
  });

  test('answers over the search limit are one kept 429 page, with the limit headers of each answer', async () => {
    const { app } = get();
    const codes: number[] = [];
    let last = await req('/tim-kiem?q=a');
    for (let i = 0; i < 125 && last.statusCode !== 429; i++) {
      last = await req(`/tim-kiem?q=x${i}`);
      codes.push(last.statusCode);
    }
    assert.equal(last.statusCode, 429, 'the search limit was reached');
    const again = await req('/tim-kiem?q=khac', { 'accept-encoding': 'gzip' });
    assert.equal(again.statusCode, 429);
    assert.match(last.body, /Bạn thao tác quá nhanh/);
    assert.equal(gunzipSync(again.rawPayload).toString(), last.body);
    assert.ok(again.headers['retry-after'], 'Retry-After is still sent');
    assert.ok(errorEntry(app, 429));
  });
});
