import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { seedDemoIfEmpty } from '../../src/demo.js';
import { PageCache } from '../../src/kernel/http/page-cache.js';
import { AdminClient, makeUser } from '../helpers/admin.js';
import { NAM_HONG_LINH, ROOT } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { redisMissing, REDIS_URL, testPrefix } from '../stats/helpers.js';


async function until(cond: () => Promise<boolean>, what: string): Promise<void> {
  const end = Date.now() + 3000;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Two instances behind one database and Redis: a change made on one is seen on the other at once. */
describeEachDb('page cache purges and site changes shared through Redis', async (db) => {
  const missing = await redisMissing();
  if (missing && process.env.CONG_REQUIRE_REDIS === '1') throw new Error(missing);
  if (missing) return { skip: missing };
  await seedDemoIfEmpty(db, db.media);
  const config = { ...loadConfig({ CONG_DATA_DIR: db.dataDir, REDIS_URL, CONG_REDIS_PREFIX: testPrefix(), CONG_PAGE_CACHE_SECONDS: '600' }, ROOT), databaseUrl: null };
  const build = async () => {
    const app = await buildApp({ config, database: db, logger: false });
    await app.ready();
    return app;
  };
  const [a, b] = [await build(), await build()];
  await makeUser(db.db, 'quantri', [{ siteId: 1, role: 'site_admin' }]);
  return { a, b };
}, (get) => {
  const page = (app: FastifyInstance, url: string) => app.inject({ url, headers: { host: NAM_HONG_LINH } });

  test('a purge on one instance empties the same entries on the other', async (t) => {
    const g = get();
    if ('skip' in g) return t.skip(g.skip as string);
    const { a, b } = g;
    await page(b, '/chuyen-muc/thong-bao');
    await page(b, '/chuyen-muc/kinh-te');
    const key = (path: string) => PageCache.key(1, path);
    assert.ok(b.cong.pageCache.peek(key('/chuyen-muc/thong-bao')), 'cached on the other instance');
    a.cong.pageCache.purgePaths(1, ['/chuyen-muc/thong-bao']);
    await until(async () => !b.cong.pageCache.peek(key('/chuyen-muc/thong-bao')), 'the purge to reach the other instance');
    assert.ok(b.cong.pageCache.peek(key('/chuyen-muc/kinh-te')), 'other pages stay cached');
  });

  test('a new site colour saved on one instance shows on the other\'s cached pages at once', async (t) => {
    const g = get();
    if ('skip' in g) return t.skip(g.skip as string);
    const { a, b } = g;
    const before = (await page(b, '/')).body;
    assert.doesNotMatch(before, /giao-dien\.css/);
    const admin = await AdminClient.login(a, NAM_HONG_LINH, 'quantri');
    assert.equal((await admin.post('/quan-tri/trang-web/giao-dien', { color: '#0b4f9c', logo_media_id: '', banner_media_id: '' })).statusCode, 303);
    await until(async () => /giao-dien\.css\?v=/.test((await page(b, '/')).body), 'the other instance to show the new theme');
    const css = /href="(\/giao-dien\.css\?v=[^"]+)"/.exec((await page(b, '/')).body)![1]!;
    assert.match((await page(b, css)).body, /--red: #0b4f9c/);
  });
}, async (g) => {
  if ('skip' in g) return;
  await g.a.close();
  await g.b.close();
});
