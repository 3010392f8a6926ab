import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { OTHER_REFERRER, REFERRER_DOMAINS_PER_DAY } from '../../src/features/stats/writer.js';
import { loadConfig } from '../../src/config.js';
import { ROOT, NAM_HONG_LINH } from '../helpers/app.js';
import { describeEachDb, type TestDb } from '../helpers/db.js';
import { beacon, statsApp } from './helpers.js';

const NOW = Date.parse('2026-11-26T03:00:00.000Z');
const DAY = '2026-11-26';

async function referrers(db: TestDb, day = DAY): Promise<Map<string, number>> {
  const rows = await db.db.selectFrom('stats_referrers').select(['domain', 'hits']).where('site_id', '=', 1).where('day', '=', day).execute();
  return new Map(rows.map((r) => [r.domain, Number(r.hits)]));
}

describeEachDb('referring domains of the visitor statistics', async (db) => ({
  app: await statsApp(db, { now: () => new Date(NOW), env: { CONG_STATS_REFERRER_RETENTION_DAYS: '30' } }),
}), (get) => {
  const reset = () => get().db.db.deleteFrom('stats_referrers').execute();

  test('the referrer in the beacon counts only when the beacon comes from one of our pages', async () => {
    const { app, db } = get();
    await reset();
    const refused: Record<string, string>[] = [
      { referer: '' },
      { referer: 'https://spam.example/' },
      { referer: `http://${NAM_HONG_LINH}.evil.example/` },
      { referer: `http://${NAM_HONG_LINH}/`, 'sec-fetch-site': 'same-site' },
      { referer: `http://${NAM_HONG_LINH}/`, 'sec-fetch-site': 'none' },
    ];
    for (const [i, headers] of refused.entries()) {
      const r = await beacon(app, { ip: `198.51.100.${i}`, referrer: 'https://spam.example/mua-ngay', headers });
      assert.equal(r.statusCode, 200, 'the view itself is still answered');
    }
    await beacon(app, { ip: '198.51.100.50', referrer: 'https://zalo.me/x', headers: { 'sec-fetch-site': 'same-origin' } });
    await beacon(app, { ip: '198.51.100.51', referrer: 'https://www.google.com.vn/search?q=x' });
    await app.stats.flush();
    assert.deepEqual([...(await referrers(db))].sort(), [['google.com.vn', 1], ['zalo.me', 1]]);
  });

  test(`at most ${REFERRER_DOMAINS_PER_DAY} domains a day; the others count as "${OTHER_REFERRER}", known ones stay themselves`, async () => {
    const { app, db } = get();
    await reset();
    const hit = (domain: string, i: number) => beacon(app, { ip: `10.1.${i >> 8}.${i & 255}`, referrer: `https://${domain}/` });
    // Popular sites first and twice, so that they are the ones kept when a flush must choose.
    await hit('zalo.me', 1);
    await hit('zalo.me', 2);
    for (let i = 0; i < REFERRER_DOMAINS_PER_DAY + 5; i++) await hit(`rac-${i}.example`, 10 + i);
    await app.stats.flush();
    let refs = await referrers(db);
    assert.equal(refs.size, REFERRER_DOMAINS_PER_DAY + 1, 'the cap and "khác"');
    assert.equal(refs.get('zalo.me'), 2);
    assert.equal(refs.get(OTHER_REFERRER), 6);
    // A later flush: a known domain still counts as itself, a new one goes to "khác".
    await hit('zalo.me', 3);
    await hit('moi.example', 4);
    await app.stats.flush();
    refs = await referrers(db);
    assert.equal(refs.size, REFERRER_DOMAINS_PER_DAY + 1);
    assert.equal(refs.get('zalo.me'), 3);
    assert.equal(refs.get(OTHER_REFERRER), 7);
    assert.equal(refs.has('moi.example'), false);
  });

  test('the housekeeping deletes referrer counts older than CONG_STATS_REFERRER_RETENTION_DAYS, and only those', async () => {
    const { app, db } = get();
    await reset();
    const row = (site_id: number, day: string) => ({ site_id, day, domain: 'zalo.me', hits: 3 });
    await db.db.insertInto('stats_referrers').values([row(1, '2026-10-26'), row(1, '2026-10-27'), row(2, '2026-10-20'), row(2, DAY)]).execute();
    await app.stats.houseKeep();
    const left = await db.db.selectFrom('stats_referrers').select(['site_id', 'day']).orderBy('site_id').orderBy('day').execute();
    assert.deepEqual(left.map((r) => [r.site_id, r.day]), [[1, '2026-10-27'], [2, DAY]]);
  });

  test('the privacy note tells how long the referring domains are kept', async () => {
    const res = await get().app.inject({ url: '/thong-ke', headers: { host: NAM_HONG_LINH } });
    assert.match(res.body, /trang web dẫn đến \(chỉ tên miền, giữ 30 ngày\)/);
  });
}, async ({ app }: { app: FastifyInstance }) => {
  await app.close();
});

test('the retention is a config value, 400 days unless set', () => {
  assert.equal(loadConfig({}, ROOT).statsReferrerRetentionDays, 400);
  assert.equal(loadConfig({ CONG_STATS_REFERRER_RETENTION_DAYS: '90' }, ROOT).statsReferrerRetentionDays, 90);
  assert.throws(() => loadConfig({ CONG_STATS_REFERRER_RETENTION_DAYS: '0' }, ROOT));
});
