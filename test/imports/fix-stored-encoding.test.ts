import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedDemoIfEmpty } from '../../src/demo.js';
import { fixSiteEncoding } from '../../src/features/imports/fix-stored-encoding.js';
import { describeEachDb } from '../helpers/db.js';

/** fixSiteEncoding in process: the tables the demo leaves empty, clashing document numbers, tenancy. */
const NOW = new Date('2026-12-02T10:00:00.000Z');

describeEachDb(
  'fixing stored legacy encodings',
  async (db) => {
    await seedDemoIfEmpty(db, db.media, NOW);
    const article = await db.db.selectFrom('articles').select('id').where('site_id', '=', 1).orderBy('id').executeTakeFirstOrThrow();
    const stamp = NOW.toISOString();
    const comment = { article_id: article.id, parent_id: null, author_email: '', content_hash: 'h', status: 'published' as const, user_id: null, created_at: stamp, updated_at: stamp, published_at: stamp, moderated_by: null, moderated_at: null };
    await db.db.insertInto('comments').values({ ...comment, site_id: 1, author_name: 'NguyÔn V¨n An', content: 'Bµi viÕt rÊt hay, c¶m ¬n ban biªn tËp.' }).execute();
    await db.db.insertInto('comments').values({ ...comment, site_id: 1, author_name: 'Lê Thị Bình', content: 'Cảm ơn ban biên tập.' }).execute();
    const media = { kind: 'image' as const, original_name: 'anh.jpg', disk_path: 'x/anh.jpg', mime: 'image/jpeg', bytes: 1, width: 1, height: 1, uploaded_by: null, created_at: stamp };
    await db.db.insertInto('media').values({ ...media, site_id: 1, title: '¶nh héi nghÞ', alt: 'Toµn c¶nh héi tr\u00adêng' }).execute();
    await db.db.insertInto('media').values({ ...media, disk_path: 'y/anh.jpg', site_id: 2, title: '¶nh héi nghÞ', alt: 'Toµn c¶nh héi tr\u00adêng' }).execute();
    const docs = await db.db.selectFrom('documents').select(['id', 'number_code']).where('site_id', '=', 1).orderBy('id').limit(2).execute();
    await db.db.updateTable('documents').set({ number: '77/2002/QĐ-BTC', number_code: '772002qdbtc' }).where('site_id', '=', 1).where('id', '=', docs[0]!.id).execute();
    await db.db.updateTable('documents').set({ number: '77/2002/Q§-BTC', number_code: '772002qbtc', title: 'VÒ viÖc söa ®æi møc thuÕ suÊt' }).where('site_id', '=', 1).where('id', '=', docs[1]!.id).execute();
    return { clashing: docs[1]!.id };
  },
  (get) => {
    test('a dry run counts the comment, the media and the document, and writes nothing', async () => {
      const { db } = get();
      const r = await fixSiteEncoding(db.db, 1, { dryRun: true, now: NOW });
      const rows = Object.fromEntries(r.tables.filter((t) => t.rows).map((t) => [t.table, t.rows]));
      assert.deepEqual(rows, { documents: 1, comments: 1, media: 1 });
      assert.equal(r.changed, 3);
      const c = await db.db.selectFrom('comments').select('content').where('site_id', '=', 1).orderBy('id').executeTakeFirstOrThrow();
      assert.equal(c.content, 'Bµi viÕt rÊt hay, c¶m ¬n ban biªn tËp.');
    });

    test('the real run fixes them, keeps a number that would clash, and leaves the other site alone', async () => {
      const { db, clashing } = get();
      const r = await fixSiteEncoding(db.db, 1, { dryRun: false, now: NOW });
      assert.equal(r.changed, 3);
      assert.deepEqual(r.skipped, [{ table: 'documents', id: clashing, reason: 'số hiệu sau khi sửa (77/2002/QĐ-BTC) trùng với một văn bản khác, giữ số hiệu cũ' }]);
      const comments = await db.db.selectFrom('comments').select(['author_name', 'content']).where('site_id', '=', 1).orderBy('id').execute();
      assert.deepEqual(comments, [
        { author_name: 'Nguyễn Văn An', content: 'Bài viết rất hay, cảm ơn ban biên tập.' },
        { author_name: 'Lê Thị Bình', content: 'Cảm ơn ban biên tập.' },
      ]);
      // TCVN3 has no "Ả": it was the lowercase byte, drawn as a capital only by a caps font.
      const m1 = await db.db.selectFrom('media').select(['title', 'alt', 'name_fold']).where('site_id', '=', 1).where('original_name', '=', 'anh.jpg').executeTakeFirstOrThrow();
      assert.deepEqual(m1, { title: 'ảnh hội nghị', alt: 'Toàn cảnh hội trường', name_fold: 'anh hoi nghi anh jpg' });
      const m2 = await db.db.selectFrom('media').select(['title', 'alt']).where('site_id', '=', 2).where('original_name', '=', 'anh.jpg').executeTakeFirstOrThrow();
      assert.deepEqual(m2, { title: '¶nh héi nghÞ', alt: 'Toµn c¶nh héi tr\u00adêng' });
      const doc = await db.db.selectFrom('documents').select(['number', 'number_code', 'title', 'search_fold']).where('site_id', '=', 1).where('id', '=', clashing).executeTakeFirstOrThrow();
      assert.equal(doc.number, '77/2002/Q§-BTC');
      assert.equal(doc.number_code, '772002qbtc');
      assert.equal(doc.title, 'Về việc sửa đổi mức thuế suất');
      assert.match(doc.search_fold, / ve viec sua doi muc thue suat /);
      const audit = await db.db.selectFrom('audit_log').select(['site_id', 'after_json']).where('action', '=', 'site.fix_encoding').execute();
      assert.equal(audit.length, 1);
      assert.equal(audit[0]!.site_id, 1);
      assert.deepEqual(JSON.parse(audit[0]!.after_json!).changed, { documents: 1, comments: 1, media: 1 });
      const again = await fixSiteEncoding(db.db, 1, { dryRun: false, now: NOW });
      assert.equal(again.changed, 0);
    });
  },
);
