import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { runImport } from '../../src/features/imports/run-import.js';
import { findOldAddress } from '../../src/kernel/sites/old-addresses.js';
import { buildTestApp, BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { FILES, sampleRecords, siteByCode } from './helpers.js';

const NOW = new Date('2026-11-26T07:00:00Z');

describeEachDb(
  'imported content on the public site',
  async (db) => {
    const app: FastifyInstance = await buildTestApp(db, { now: () => NOW });
    const site = await siteByCode(db.db, 'bachonglinh');
    await runImport(db.db, site, sampleRecords(), { filesDir: FILES, media: db.media, now: NOW, cache: app.cong.pageCache });
    return { app, site };
  },
  (get) => {
    const page = (url: string) => get().app.inject({ url, headers: { host: BAC_HONG_LINH } });

    test('the published article shows with its responsive image and its approved comments only', async () => {
      const { db, site } = get();
      const to = (await findOldAddress(db.db, site.id, 'honglinh.hatinh.gov.vn', '/portal/pages/2019-05-05/Khai-mac-le-hoi-den-Cho-Cui-101.aspx'))!.toPath;
      const r = await page(to);
      assert.equal(r.statusCode, 200);
      assert.match(r.body, /Khai mạc lễ hội đền Chợ Củi năm 2019/);
      assert.match(r.body, /<img src="\/media\/bachonglinh\/[^"]+-le-hoi-den-cho-cui\.jpg" alt="Lễ rước kiệu" srcset="[^"]+ 480w, [^"]+ 960w, [^"]+ 1200w"/);
      assert.match(r.body, /Lễ hội năm nay rất vui\./);
      assert.match(r.body, /Cảm ơn bạn đã theo dõi\./);
      assert.doesNotMatch(r.body, /Cho hỏi lịch rước kiệu/, 'a pending comment is not public');
      assert.doesNotMatch(r.body, /Mua hàng giá rẻ/, 'spam is not public');
      assert.doesNotMatch(r.body, /alert\(1\)/);
    });

    test('the draft is not public, the pages are', async () => {
      const { db, site } = get();
      const draft = await db.db.selectFrom('articles').select(['id', 'slug']).where('site_id', '=', site.id).where('status', '=', 'draft').where('title', 'like', 'Kế hoạch tổ chức Tết Trung thu%').executeTakeFirstOrThrow();
      assert.equal((await page(`/bai-viet/${draft.slug}-${draft.id}`)).statusCode, 404);
      const about = await page('/trang/gioi-thieu-chung');
      assert.equal(about.statusCode, 200);
      assert.match(about.body, /Phường Bắc Hồng Lĩnh được thành lập năm 2025\./);
      assert.equal((await page('/trang/lich-su-hinh-thanh')).statusCode, 200);
    });
  },
  ({ app }) => app.close(),
);
