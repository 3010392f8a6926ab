import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { importWordpress } from '../../src/cli/commands/import-wordpress.js';
import { runImport } from '../../src/features/imports/run-import.js';
import { findOldAddress } from '../../src/kernel/sites/old-addresses.js';
import type { Site } from '../../src/kernel/sites/site.js';
import { buildTestApp, BAC_HONG_LINH, ROOT } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { rowCounts, siteByCode } from './helpers.js';

/**
 * The real WordPress export (test/fixtures/wordpress) through the WordPress source and the import
 * core into the demo's Nam Hồng Lĩnh ward: what citizens see afterwards, where the old addresses
 * lead, and that a second run changes nothing.
 */
const FIXTURE = join(ROOT, 'test/fixtures/wordpress');
const UPLOADS = join(FIXTURE, 'uploads');
const OLD = 'phuongbacha.example.vn';
const NOW = new Date('2026-11-26T07:00:00Z');

describeEachDb(
  'cong import wordpress: a real export into a ward site',
  async (db) => {
    const app = await buildTestApp(db);
    const site = await siteByCode(db.db, 'bachonglinh');
    const records = await importWordpress.records(join(FIXTURE, 'export.xml'), { filesDir: UPLOADS });
    const summary = await runImport(db.db, site, records, { filesDir: UPLOADS, media: db.media, now: NOW });
    return { app, site, summary, notes: records.notes };
  },
  (get) => {
    const old = async (address: string) => (await findOldAddress(get().db.db, get().site.id, OLD, address))?.toPath;
    const page = (app: FastifyInstance, url: string) => app.inject({ method: 'GET', url, headers: { host: BAC_HONG_LINH } });
    const article = async (site: Site, title: string) =>
      get().db.db.selectFrom('articles').selectAll().where('site_id', '=', site.id).where('title', '=', title).executeTakeFirstOrThrow();

    test('the summary counts what came in, and says what stayed out and why', () => {
      const { summary, notes } = get();
      assert.deepEqual(summary.imported, { category: 5, file: 5, page: 4, article: 11, comment: 5, redirect: 6 });
      assert.deepEqual(summary.updated, { category: 1 }, '"Tin tức" is a category the ward already has');
      assert.deepEqual(summary.skipped.map((s) => [s.kind, s.id]), [['article', '19'], ['article', '21'], ['comment', '8']]);
      assert.deepEqual(notes.map((n) => [n.kind, n.id]), [['article', '13'], ['page', '26']]);
    });

    test('published posts are public at their new address; drafts, pending and scheduled ones are not', async () => {
      const { app } = get();
      for (const id of ['9', '10', '11', '12', '13', '14', '15', '16']) {
        const path = await old(`/?p=${id}`);
        assert.match(path ?? '', /^\/bai-viet\/[a-z0-9-]+-\d+$/, `?p=${id}`);
        const res = await page(app, path!);
        assert.equal(res.statusCode, 200, path);
      }
      const ra = await page(app, (await old('/?p=9'))!);
      assert.match(ra.body, /Phường Bắc Hà ra quân tổng vệ sinh môi trường/);
      assert.match(ra.body, /Ủy ban nhân dân phường Bắc Hà tổ chức lễ ra quân/);
      for (const id of ['17', '18', '20']) {
        const res = await page(app, (await old(`/?p=${id}`))!);
        assert.equal(res.statusCode, 404, `?p=${id} is not public`);
      }
      const statuses = await Promise.all(['Dự thảo kế hoạch phòng chống lụt bão', 'Kết quả thu ngân sách sáu tháng đầu năm', 'Kỷ niệm 86 năm Cách mạng tháng Tám và Quốc khánh 2/9'].map((t) => article(get().site, t)));
      assert.deepEqual(statuses.map((a) => a.status), ['draft', 'draft', 'draft']);
      assert.equal(await old('/?p=19'), undefined, 'the private post was not imported');
    });

    test('every old address leads to the new place, for the old host only', async () => {
      const { site } = get();
      const ra = await article(site, 'Phường Bắc Hà ra quân tổng vệ sinh môi trường');
      assert.equal(ra.published_at, '2025-03-15T01:15:00.000Z');
      assert.equal(ra.author, 'Nguyễn Văn An');
      const path = `/bai-viet/${ra.slug}-${ra.id}`;
      assert.equal(await old('/?p=9'), path);
      assert.equal(await old('https://phuongbacha.example.vn/2025/03/15/phuong-bac-ha-ra-quan-tong-ve-sinh-moi-truong/'), path);
      assert.equal(await old('/category/tin-tuc/tin-trong-phuong/'), '/chuyen-muc/tin-trong-phuong');
      assert.equal(await old('/?cat=3'), '/chuyen-muc/tin-trong-phuong');
      assert.equal(await old('/tag/tiem-chung/'), `/tim-kiem?q=${encodeURIComponent('Tiêm chủng')}`);
      assert.equal(await old('/?page_id=24'), '/trang/lich-su');
      assert.equal(await old('/gioi-thieu/lich-su/'), '/trang/lich-su');
      assert.equal(await findOldAddress(get().db.db, site.id, 'other.example.vn', '/?p=9'), null);
    });

    test('the old host, now a host of the ward, answers each old address with a 301 to the new place', async () => {
      const { db, app, site } = get();
      await db.db.insertInto('site_hosts').values({ host: OLD, site_id: site.id }).execute();
      await app.cong.sites.reload();
      const moved = async (url: string) => {
        const res = await app.inject({ method: 'GET', url, headers: { host: OLD } });
        assert.equal(res.statusCode, 301, url);
        return res.headers.location;
      };
      const ra = await article(site, 'Phường Bắc Hà ra quân tổng vệ sinh môi trường');
      assert.equal(await moved('/?p=9'), `/bai-viet/${ra.slug}-${ra.id}`);
      assert.equal(await moved('/2025/03/15/phuong-bac-ha-ra-quan-tong-ve-sinh-moi-truong/'), `/bai-viet/${ra.slug}-${ra.id}`);
      assert.equal(await moved('/category/tin-tuc/tin-trong-phuong/'), '/chuyen-muc/tin-trong-phuong');
      assert.equal(await moved('/?page_id=24'), '/trang/lich-su');
      assert.match(String(await moved('/wp-content/uploads/2025/03/anh-ra-quan-ve-sinh-300x225.jpg')), /^\/media\/bachonglinh\/.*anh-ra-quan-ve-sinh\.jpg$/);
    });

    test('images are in the media library with their responsive sizes, and bodies point at them', async () => {
      const { db, site, app } = get();
      const hoiNghi = await article(site, 'Hội nghị tiếp xúc cử tri trước kỳ họp thứ 9');
      const cover = await db.db.selectFrom('media').selectAll().where('site_id', '=', site.id).where('id', '=', hoiNghi.cover_media_id!).executeTakeFirstOrThrow();
      assert.match(cover.disk_path, /hoi-nghi-tiep-xuc-cu-tri\.jpg$/);
      assert.deepEqual(JSON.parse(cover.variants).map((v: { width: number; format: string }) => `${v.width} ${v.format}`).sort(), ['1200 webp', '480 jpeg', '480 webp', '960 webp']);
      assert.ok(await db.media.head(cover.disk_path), 'the file is in the store');
      // The caption's image was WordPress's 300×200 copy: it now shows the library's image.
      assert.match(hoiNghi.body_html, new RegExp(`<figure><img src="/media/${cover.disk_path}" alt="Quang cảnh hội nghị"[^>]*><figcaption>Quang cảnh hội nghị tiếp xúc cử tri</figcaption></figure>`));
      assert.equal(await old('/wp-content/uploads/2025/04/hoi-nghi-tiep-xuc-cu-tri-1024x683.jpg'), `/media/${cover.disk_path}`);
      const res = await page(app, (await old('/?p=10'))!);
      assert.match(res.body, /srcset="[^"]*-480\./, 'the public page offers the responsive sizes');
    });

    test('approved comments are published in their threads; the pending one waits', async () => {
      const { db, site } = get();
      const ra = await article(site, 'Phường Bắc Hà ra quân tổng vệ sinh môi trường');
      const comments = await db.db.selectFrom('comments').selectAll().where('site_id', '=', site.id).where('article_id', '=', ra.id).orderBy('id').execute();
      assert.deepEqual(comments.map((c) => [c.author_name, c.status]), [['Lê Thị Hoa', 'published'], ['Nguyễn Văn An', 'published'], ['Phan Đức Thắng', 'published'], ['Võ Minh Tuấn', 'pending']]);
      assert.equal(comments[1]!.parent_id, comments[0]!.id);
      assert.equal(comments[2]!.parent_id, comments[1]!.id);
    });

    test('the category tree comes in as a tree', async () => {
      const { db, site } = get();
      const cats = await db.db.selectFrom('categories').select(['id', 'name', 'parent_id']).where('site_id', '=', site.id).execute();
      const byName = new Map(cats.map((c) => [c.name, c]));
      assert.equal(byName.get('Tổ dân phố')!.parent_id, byName.get('Tin trong phường')!.id);
      assert.equal(byName.get('Tin trong phường')!.parent_id, byName.get('Tin tức')!.id);
      const tdp = await article(site, 'Tổ dân phố 3 họp bàn làm đường giao thông');
      assert.equal(tdp.category_id, byName.get('Tổ dân phố')!.id);
    });

    test('a second run of the same export duplicates nothing', async () => {
      const { db, site } = get();
      const before = await rowCounts(db.db);
      const records = await importWordpress.records(join(FIXTURE, 'export.xml'), { filesDir: UPLOADS });
      const summary = await runImport(db.db, site, records, { filesDir: UPLOADS, media: db.media, now: NOW });
      assert.deepEqual(summary.imported, {});
      const after = await rowCounts(db.db);
      assert.deepEqual({ ...after, audit_log: 0 }, { ...before, audit_log: 0 });
    });
  },
  ({ app }) => app.close(),
);
