import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSites } from '../../src/features/sites/commands/create-sites.js';
import { buildTestApp } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { hotlineBlock } from './helpers.js';

const HOST = 'phuongmoi.hatinh.gov.vn';

describeEachDb(
  'a new site created from the template',
  async (db) => {
    await (await buildTestApp(db)).close(); // the demo sites first
    const r = await createSites(db.db, [{ line: 0, code: 'phuongmoi', name: 'Cổng thông tin điện tử phường Mới', hosts: HOST, model: 'namhonglinh' }], new Date('2026-01-15T01:00:00Z'));
    assert.ok(r.ok);
    return { app: await buildTestApp(db, { seed: false }), siteId: r.created[0]!.siteId };
  },
  (ctx) => {
    test('has every disclosure section, empty; its hotline block shows the national numbers; nothing of the model is copied', async () => {
      const { app, db, siteId } = ctx();
      const get = (url: string) => app.inject({ url, headers: { host: HOST } });
      const hub = (await get('/cong-khai-minh-bach')).body;
      for (const p of ['/thong-tin-cong-khai', '/tiep-cong-dan', '/nguoi-phat-ngon', '/tuyen-dung', '/pho-bien-phap-luat', '/duong-day-nong']) {
        const res = await get(p);
        assert.equal(res.statusCode, 200, p);
        assert.match(hub, new RegExp(`<a href="${p}">`), `the hub lists ${p}`);
        if (p !== '/duong-day-nong') assert.match(res.body, /class="empty"/, `${p} is empty`);
      }
      assert.doesNotMatch((await get('/thong-tin-cong-khai')).body, /Nguyễn Thị Thu Hà/);
      assert.deepEqual([...hotlineBlock((await get('/')).body).matchAll(/href="tel:(\d+)"/g)].map((m) => m[1]), ['112', '113', '114', '115']);
      const rows = await db.db.selectFrom('disclosure_notices').select('id').where('site_id', '=', siteId).execute();
      const settings = await db.db.selectFrom('disclosure_settings').select('key').where('site_id', '=', siteId).execute();
      assert.deepEqual([rows.length, settings.length], [0, 0]);
    });
  },
  async ({ app }) => app.close(),
);
