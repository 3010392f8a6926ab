import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { SEARCHES_PER_MINUTE } from '../../src/kernel/http/limits.js';
import { buildTestApp, NAM_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';

/**
 * Every search-like page shares the site search's limit (issue 16, item 9): a list filtered by
 * `q` runs a query per request and never comes from the page cache, so a script could otherwise
 * keep the database busy through /hoi-dap?q= or /thu-tuc-hanh-chinh?q=.
 */
describeEachDb('search-like pages share one rate limit per address', async (db) => {
  const app = await buildTestApp(db, { cacheSeconds: 0 });
  const topic = await db.db.selectFrom('question_topics').select('slug').where('site_id', '=', 1).orderBy('id').executeTakeFirst();
  return { app, topic: topic?.slug ?? null };
}, (get) => {
  const page = (url: string, ip: string) => get().app.inject({ url, remoteAddress: ip, headers: { host: NAM_HONG_LINH } });

  test('the limit is counted over /tim-kiem, /van-ban, /hoi-dap and /thu-tuc-hanh-chinh together; past it each answers 429', async () => {
    const { topic } = get();
    assert.ok(topic, 'the demo site has a question topic');
    const ip = '198.51.100.16';
    const lists = ['/tim-kiem?q=', '/van-ban?q=', '/hoi-dap?q=', '/thu-tuc-hanh-chinh?q=', `/hoi-dap/chu-de/${topic}?q=`];
    for (let i = 0; i < SEARCHES_PER_MINUTE; i++) {
      const url = `${lists[i % lists.length]}nam${i}`;
      assert.equal((await page(url, ip)).statusCode, 200, url);
    }
    // Each route, after only a fifth of the budget on it: the budget is one.
    for (const list of [...lists].reverse()) {
      const res = await page(`${list}hong`, ip);
      assert.equal(res.statusCode, 429, list);
      assert.match(res.body, /Bạn thao tác quá nhanh/);
      assert.ok(res.headers['retry-after'], 'Retry-After is sent');
    }
    assert.equal((await page('/hoi-dap?q=hong', '198.51.100.17')).statusCode, 200, 'another address has its own budget');
  });

  test('/hoi-dap?q= alone is limited (it had no limit at all)', async () => {
    const ip = '198.51.100.18';
    const codes: number[] = [];
    for (let i = 0; i <= SEARCHES_PER_MINUTE; i++) codes.push((await page(`/hoi-dap?q=x${i}`, ip)).statusCode);
    assert.deepEqual([...new Set(codes.slice(0, SEARCHES_PER_MINUTE))], [200]);
    assert.equal(codes[SEARCHES_PER_MINUTE], 429);
  });
}, async ({ app }: { app: FastifyInstance }) => {
  await app.close();
});
