import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { seedDemoIfEmpty } from '../../src/demo.js';
import { feedRecords } from '../../src/features/imports/feed.js';
import { ImportError, runImport } from '../../src/features/imports/run-import.js';
import { findOldAddress } from '../../src/kernel/sites/old-addresses.js';
import { describeEachDb } from '../helpers/db.js';
import { FIXTURES, rowCounts, siteByCode } from './helpers.js';

const NOW = new Date('2026-11-26T07:00:00Z');
const FEEDS = join(FIXTURES, 'feeds');
const UPLOADS = join(FEEDS, 'uploads');
// cong-rss.xml is the project's own /rss.xml of the demo's Hồng Lĩnh site (Feed package output).
const feed = (name: string) => readFileSync(join(FEEDS, name), 'utf8');

test('a file that is not XML names its line; XML that is not a feed says so', () => {
  assert.throws(() => feedRecords('<?xml version="1.0"?>\n<rss>\n<channel><item></channel></rss>'), (e: unknown) => e instanceof ImportError && e.line === 3 && /^Dòng 3: tệp XML không hợp lệ/.test(e.message));
  assert.throws(() => feedRecords('<html><body/></html>'), /không phải nguồn tin RSS 2.0 hoặc Atom 1.0/);
});

describeEachDb(
  'cong import feed: RSS 2.0 and Atom 1.0',
  async (db) => {
    await seedDemoIfEmpty(db, db.media);
    return { site: await siteByCode(db.db, 'bachonglinh') };
  },
  (get) => {
    test("the project's own RSS imports every item once, and again without duplicates", async () => {
      const { db, site } = get();
      const first = await runImport(db.db, site, feedRecords(feed('cong-rss.xml')), { media: db.media, now: NOW });
      assert.equal(first.imported.article, 20);
      const counts = await rowCounts(db.db);
      const again = await runImport(db.db, site, feedRecords(feed('cong-rss.xml')), { media: db.media, now: NOW });
      assert.equal(again.updated.article, 20);
      assert.equal(again.imported.article, undefined);
      assert.equal((await rowCounts(db.db)).articles, counts.articles);
      const old = await findOldAddress(db.db, site.id, 'honglinh.localhost', 'http://honglinh.localhost/bai-viet/le-hoi-chua-long-dam-dau-xuan-binh-ngo-25');
      assert.match(old!.toPath, /^\/bai-viet\/le-hoi-chua-long-dam-dau-xuan-binh-ngo-\d+$/);
    });

    test('a WordPress feed: content:encoded bodies, categories, authors, images from the uploads folder only', async () => {
      const { db, site } = get();
      const without = await runImport(db.db, site, feedRecords(feed('wordpress-rss.xml')), { media: db.media, now: NOW, dryRun: true });
      assert.equal(without.imported.file, undefined, 'no folder: no image, nothing downloaded');
      const summary = await runImport(db.db, site, feedRecords(feed('wordpress-rss.xml'), UPLOADS), { filesDir: UPLOADS, media: db.media, now: NOW });
      assert.equal(summary.imported.article, 2);
      assert.equal(summary.imported.file, 2);
      const to = (await findOldAddress(db.db, site.id, 'thuanloc.example.vn', '/?p=128'))!.toPath;
      const id = Number(to.split('-').pop());
      const a = await db.db.selectFrom('articles').selectAll().where('site_id', '=', site.id).where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(a.author, 'Lê Minh Đức');
      assert.equal(a.published_at, '2025-05-30T01:30:00.000Z');
      assert.equal(a.status, 'published');
      assert.match(a.body_html, /<img src="\/media\/bachonglinh\/[^"]+-lam-duong\.jpg" alt="Người dân làm đường"/);
      assert.ok(!a.body_html.includes('wp:paragraph'), 'block-editor comments are gone');
      assert.equal(a.sapo, 'Sáng 30/5, hơn 300 người dân xã Thuận Lộc ra quân làm đường giao thông nông thôn.');
      const cats = await db.db.selectFrom('categories').select('name').where('site_id', '=', site.id).where('name', 'in', ['Nông thôn mới']).execute();
      assert.equal(cats.length, 1);
      const notice = (await findOldAddress(db.db, site.id, 'thuanloc.example.vn', 'https://thuanloc.example.vn/2025/06/01/lich-tiep-cong-dan-thang-6/'))!.toPath;
      const n = await db.db.selectFrom('articles').select('cover_media_id').where('site_id', '=', site.id).where('id', '=', Number(notice.split('-').pop())).executeTakeFirstOrThrow();
      const cover = await db.db.selectFrom('media').select(['mime', 'kind']).where('site_id', '=', site.id).where('id', '=', n.cover_media_id!).executeTakeFirstOrThrow();
      assert.deepEqual(cover, { mime: 'image/png', kind: 'image' }, 'the enclosure is the cover, typed by its bytes');
    });

    test('an Atom feed (RFC 4287): XHTML, HTML and text content, offsets kept, scripts removed', async () => {
      const { db, site } = get();
      const summary = await runImport(db.db, site, feedRecords(feed('rfc4287-atom.xml')), { media: db.media, now: NOW });
      assert.equal(summary.imported.article, 3);
      const rows = await db.db.selectFrom('articles').select(['title', 'body_html', 'published_at', 'author', 'sapo']).where('site_id', '=', site.id)
        .where('title', 'in', ['Atom draft-07 snapshot', 'Hội nghị tổng kết công tác năm 2024', 'Lịch cắt điện tuần 3 tháng 1']).orderBy('title').execute();
      const [draft07, notice, meeting] = [rows.find((r) => r.title.startsWith('Atom'))!, rows.find((r) => r.title.startsWith('Lịch'))!, rows.find((r) => r.title.startsWith('Hội'))!];
      assert.equal(draft07.body_html, '<p><i>[Update: The Atom draft is finished.]</i></p>');
      assert.equal(draft07.published_at, '2003-12-13T12:29:29.000Z');
      assert.equal(draft07.author, 'Mark Pilgrim');
      assert.equal(meeting.body_html, '<p>Sáng 9/1, UBND phường tổ chức <strong>hội nghị tổng kết</strong> công tác năm 2024.</p>');
      assert.equal(meeting.published_at, '2025-01-09T01:00:00.000Z');
      assert.equal(meeting.sapo, 'UBND phường tổng kết công tác năm 2024 & triển khai nhiệm vụ năm 2025.');
      assert.equal(notice.body_html, '<p>Điện lực thông báo lịch cắt điện &lt;tuần 3&gt; tháng 1.</p>');
      assert.equal((await findOldAddress(db.db, site.id, 'example.org', '/2005/04/02/atom'))!.toPath.startsWith('/bai-viet/atom-draft-07-snapshot-'), true);
    });
  },
);
