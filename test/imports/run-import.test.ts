import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedDemoIfEmpty } from '../../src/demo.js';
import { runImport } from '../../src/features/imports/run-import.js';
import type { ArticleRecord } from '../../src/features/imports/records.js';
import { findOldAddress } from '../../src/kernel/sites/old-addresses.js';
import { describeEachDb } from '../helpers/db.js';
import { FILES, rowCounts, sampleRecords, siteByCode } from './helpers.js';

const NOW = new Date('2026-11-26T07:00:00Z');
const HOST = 'honglinh.hatinh.gov.vn';

describeEachDb(
  'runImport: the sample file',
  async (db) => {
    await seedDemoIfEmpty(db, db.media);
    return { site: await siteByCode(db.db, 'bachonglinh') };
  },
  (get) => {
    test('imports every kind of record, public only what was published, with its old addresses', async () => {
      const { db, site } = get();
      const before = await rowCounts(db.db);
      const seen: number[] = [];
      const summary = await runImport(db.db, site, sampleRecords(), { filesDir: FILES, media: db.media, now: NOW, progress: (p) => seen.push(p.done) });
      assert.deepEqual(summary.imported, { category: 1, file: 2, document: 1, page: 2, article: 2, comment: 4, redirect: 1, counter: 1 });
      // "Tin tức - Sự kiện" is a category the demo site already has: reused, not duplicated.
      assert.deepEqual(summary.updated, { category: 1 });
      assert.deepEqual(summary.skipped, [{ kind: 'article', id: '103', reason: 'bài trong thùng rác (trash) không được đưa lên' }]);
      assert.equal(seen.at(-1), 16, 'progress reaches every record');
      const after = await rowCounts(db.db);
      assert.equal(after.articles! - before.articles!, 2);
      assert.equal(after.categories! - before.categories!, 1);
      assert.equal(after.comments! - before.comments!, 4);
      assert.equal(after.media! - before.media!, 1);
      assert.equal(after.document_files! - before.document_files!, 1);

      const id = (await findOldAddress(db.db, site.id, HOST, '/portal/pages/2019-05-05/Khai-mac-le-hoi-den-Cho-Cui-101.aspx'))!;
      assert.match(id.toPath, /^\/bai-viet\/khai-mac-le-hoi-den-cho-cui-nam-2019-\d+$/);
      const articleId = Number(id.toPath.split('-').pop());
      const a = await db.db.selectFrom('articles').selectAll().where('site_id', '=', site.id).where('id', '=', articleId).executeTakeFirstOrThrow();
      assert.equal(a.status, 'published');
      assert.equal(a.published_at, '2019-05-05T01:30:00.000Z', 'a time without offset is Vietnamese time');
      assert.equal(a.featured, 1);
      assert.ok(!a.body_html.includes('<script'), 'the body went through the sanitiser');
      const media = await db.db.selectFrom('media').selectAll().where('site_id', '=', site.id).where('id', '=', a.cover_media_id!).executeTakeFirstOrThrow();
      assert.ok(a.body_html.includes(`<img src="/media/${media.disk_path}"`), 'the inline image points at the imported file');
      assert.ok(JSON.parse(media.variants).length >= 2, 'the image has its responsive sizes');
      assert.ok(await db.media.head(media.disk_path), 'the file is in the store');
      const category = await db.db.selectFrom('categories').select(['name', 'parent_id']).where('site_id', '=', site.id).where('id', '=', a.category_id).executeTakeFirstOrThrow();
      assert.equal(category.name, 'Hoạt động của phường');
      assert.notEqual(category.parent_id, null);

      const draft = await db.db.selectFrom('articles').select('status').where('site_id', '=', site.id).where('title', '=', 'Kế hoạch tổ chức Tết Trung thu cho thiếu nhi').executeTakeFirstOrThrow();
      assert.equal(draft.status, 'draft');
      const indexed = await db.db.selectFrom('search_documents').select('article_id').where('site_id', '=', site.id).where('article_id', 'in', [articleId]).execute();
      assert.equal(indexed.length, 1, 'the published article is searchable');

      const comments = await db.db.selectFrom('comments').selectAll().where('site_id', '=', site.id).where('article_id', '=', articleId).orderBy('id').execute();
      assert.deepEqual(comments.map((c) => c.status), ['published', 'published', 'pending', 'spam']);
      assert.equal(comments[1]!.parent_id, comments[0]!.id, 'the answer keeps its thread');
      assert.equal(comments[2]!.hold_reason, 'moderation');
      assert.equal(comments[0]!.published_at, '2019-05-05T03:00:00.000Z');

      const views = await db.db.selectFrom('stats_article_totals').select('views').where('site_id', '=', site.id).where('article_id', '=', articleId).executeTakeFirstOrThrow();
      assert.equal(views.views, 1234);
      assert.equal((await siteByCode(db.db, 'bachonglinh')).counterBase, site.counterBase + 2_763_801);

      const file = await findOldAddress(db.db, site.id, HOST, 'https://honglinh.hatinh.gov.vn/Uploads/VanBan/QD-12-UBND.pdf');
      assert.match(file!.toPath, /^\/van-ban\/tai-ve\/\d+$/);
      assert.match((await findOldAddress(db.db, site.id, HOST, '/portal/Pages/Gioi-thieu.aspx'))!.toPath, /^\/trang\/gioi-thieu-chung$/);
      assert.equal((await findOldAddress(db.db, site.id, HOST, '/portal/pages/lien-he.aspx'))!.toPath, '/lien-he');
      assert.equal(await findOldAddress(db.db, site.id, 'other.example.vn', '/portal/pages/lien-he.aspx'), null, 'keyed by the old host');
      const pages = await db.db.selectFrom('pages').select(['slug', 'position']).where('site_id', '=', site.id).orderBy('position').execute();
      assert.deepEqual(pages.slice(-2).map((p) => p.slug), ['gioi-thieu-chung', 'lich-su-hinh-thanh'], 'a child page follows its parent');

      const audit = await db.db.selectFrom('audit_log').selectAll().where('site_id', '=', site.id).where('action', '=', 'import.run').execute();
      assert.equal(audit.length, 1);
      assert.equal(audit[0]!.user_id, null);
    });

    test('a re-run updates the same rows: nothing duplicated, the counter and views not added twice', async () => {
      const { db, site } = get();
      const before = await rowCounts(db.db);
      const records = sampleRecords().map((r) =>
        r.record.type === 'article' && r.record.id === '101' ? { ...r, record: { ...r.record, title: 'Khai mạc lễ hội đền Chợ Củi (cập nhật)', views: 1300 } as ArticleRecord } : r,
      );
      const summary = await runImport(db.db, site, records, { filesDir: FILES, media: db.media, now: NOW });
      assert.deepEqual(summary.imported, {});
      assert.deepEqual(summary.updated, { category: 2, file: 2, document: 1, page: 2, article: 2, comment: 4, redirect: 1, counter: 1 });
      const after = await rowCounts(db.db);
      assert.deepEqual({ ...after, audit_log: 0 }, { ...before, audit_log: 0 }, 'no table gained or lost a row but the audit log');
      assert.equal(after.audit_log, before.audit_log! + 1);
      const a = await db.db.selectFrom('articles').select(['id', 'title', 'slug']).where('site_id', '=', site.id).where('title', 'like', '%cập nhật%').execute();
      assert.equal(a.length, 1);
      const views = await db.db.selectFrom('stats_article_totals').select('views').where('site_id', '=', site.id).where('article_id', '=', a[0]!.id).executeTakeFirstOrThrow();
      assert.equal(views.views, 1300, 'only the difference is added');
      const fresh = await siteByCode(db.db, 'bachonglinh');
      const seeded = await db.db.selectFrom('import_items').select('entity_id').where('site_id', '=', site.id).where('kind', '=', 'counter').executeTakeFirstOrThrow();
      assert.equal(Number(seeded.entity_id), 2_763_801);
      assert.equal(fresh.counterBase, site.counterBase + 2_763_801, 'the counter is added once');
      const old = await findOldAddress(db.db, site.id, HOST, '/portal/pages/2019-05-05/x-101.aspx');
      assert.equal(old!.toPath, `/bai-viet/${a[0]!.slug}-${a[0]!.id}`, 'the old address follows the new slug');
    });

    test('a dry run reports what it would do and writes nothing', async () => {
      const { db } = get();
      const other = await siteByCode(db.db, 'namhonglinh');
      const before = await rowCounts(db.db);
      const stored = await countStored(db.media);
      const summary = await runImport(db.db, other, sampleRecords(), { filesDir: FILES, media: db.media, now: NOW, dryRun: true });
      assert.equal(summary.imported.article, 2);
      assert.deepEqual(await rowCounts(db.db), before);
      assert.equal(await countStored(db.media), stored, 'no file stored');
    });
  },
);

async function countStored(media: { list(prefix: string): AsyncIterable<string> }): Promise<number> {
  let n = 0;
  for await (const _ of media.list('')) n++;
  return n;
}
