import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { EMPTY_FORM } from '../../src/features/articles/input.js';
import type { CommandContext } from '../../src/kernel/commands.js';
import { saveArticle } from '../../src/features/articles/commands/save-article.js';
import { publishArticle, submitArticle, unpublishArticle } from '../../src/features/articles/commands/workflow.js';
import { publishDue } from '../../src/features/articles/scheduler.js';
import { seedDemoIfEmpty } from '../../src/demo.js';
import { PageCache } from '../../src/kernel/http/page-cache.js';
import { reindexSite, syncArticleIndex } from '../../src/features/search/indexer.js';
import { NAM_HONG_LINH } from '../helpers/app.js';
import { describeEachDb, type TestDb } from '../helpers/db.js';
import { commandContext, ids } from './helpers.js';

/** The index follows publish, update, unpublish, scheduled publishing and delete, in the same transaction. */
describeEachDb('the search index follows the articles', async (db) => {
  await seedDemoIfEmpty(db, db.media);
  const cx = await commandContext(db.db, NAM_HONG_LINH, new Date('2026-06-01T02:00:00.000Z'));
  const category = await db.db.selectFrom('categories').select('id').where('site_id', '=', 1).limit(1).executeTakeFirstOrThrow();
  return { cx, categoryId: String(category.id) };
}, (get) => {
  const find = (text: string) => ids(get().db.db, 1, text);
  const draft = async (cx: CommandContext, title: string) => {
    const r = await saveArticle(cx, null, { ...EMPTY_FORM, title, body: '<p>Nội dung bài.</p>', category_id: get().categoryId });
    assert.ok(r.ok);
    return r.value;
  };

  test('a draft is not found; published, it is; saved with new text, the new text is; unpublished, it is not', async () => {
    const { cx } = get();
    const id = await draft(cx, 'Khai giảng lớp zumba cho hội viên phụ nữ');
    assert.deepEqual(await find('zumba'), []);
    await publishArticle(cx, id, null);
    assert.deepEqual(await find('zumba'), [id]);
    const row = await cx.db.selectFrom('articles').select('updated_at').where('id', '=', id).executeTakeFirstOrThrow();
    const saved = await saveArticle(cx, id, { ...EMPTY_FORM, title: 'Khai giảng lớp yoga cho hội viên phụ nữ', body: '<p>Nội dung mới.</p>', category_id: get().categoryId }, row.updated_at);
    assert.ok(saved.ok);
    assert.deepEqual(await find('zumba'), [], 'the old text is gone');
    assert.deepEqual(await find('yoga'), [id]);
    await unpublishArticle(cx, id);
    assert.deepEqual(await find('yoga'), []);
    await submitArticle(cx, id);
    await publishArticle(cx, id, null);
    assert.deepEqual(await find('yoga'), [id], 'published again');
  });

  test('a scheduled article is found once the scheduler publishes it, not before', async () => {
    const { cx, db } = get();
    const id = await draft(cx, 'Hội thảo về taekwondo học đường');
    const at = new Date(cx.now.getTime() + 3600_000);
    await publishArticle(cx, id, at.toISOString());
    assert.deepEqual(await find('taekwondo'), []);
    await publishDue(db.db, new PageCache(60_000), new Date(at.getTime() + 1000));
    assert.deepEqual(await find('taekwondo'), [id]);
  });

  test('deleting an article deletes its document (and, on SQLite, its full-text entries)', async () => {
    const { cx, db } = get();
    const id = await draft(cx, 'Giải sudoku mừng xuân');
    await publishArticle(cx, id, null);
    assert.deepEqual(await find('sudoku'), [id]);
    await db.db.deleteFrom('articles').where('id', '=', id).execute();
    assert.deepEqual(await find('sudoku'), []);
    const left = await db.db.selectFrom('search_documents').select('article_id').where('article_id', '=', id).execute();
    assert.deepEqual(left, []);
    await ftsIntact(db);
  });

  test('the index write is part of the transaction: a command that fails leaves it as it was', async () => {
    const { cx, db } = get();
    const id = await draft(cx, 'Giải bóng chuyền hơi người cao tuổi');
    await assert.rejects(
      db.db.transaction().execute(async (tx) => {
        await tx.updateTable('articles').set({ status: 'published' }).where('id', '=', id).execute();
        await syncArticleIndex(tx, id);
        throw new Error('something after the index write failed');
      }),
    );
    assert.deepEqual(await find('bóng chuyền hơi'), []);
    const docs = await db.db.selectFrom('search_documents').select('article_id').where('article_id', '=', id).execute();
    assert.deepEqual(docs, []);
  });

  test('reindexing rebuilds a damaged index, drops stale documents and reports progress', async () => {
    const { db } = get();
    const before = await find('nam hong');
    await db.db.deleteFrom('search_documents').where('site_id', '=', 1).where('article_id', 'in', before.slice(0, 3)).execute();
    const stale = await db.db.selectFrom('articles').select('id').where('site_id', '=', 1).where('status', '=', 'published').limit(1).executeTakeFirstOrThrow();
    await db.db.updateTable('articles').set({ status: 'unpublished' }).where('id', '=', stale.id).execute();
    const seen: [number, number][] = [];
    const n = await reindexSite(db.db, 1, (done, total) => seen.push([done, total]));
    const total = seen[seen.length - 1]![1];
    assert.equal(n, total);
    assert.deepEqual(seen[seen.length - 1], [total, total]);
    const docs = await db.db.selectFrom('search_documents').select('article_id').where('site_id', '=', 1).execute();
    assert.equal(docs.length, total);
    assert.ok(!docs.some((d) => d.article_id === stale.id), 'the unpublished article is out');
    assert.deepEqual(new Set(await find('nam hong')), new Set(before.filter((id) => id !== stale.id)));
    await ftsIntact(db);
  });
});

async function ftsIntact(db: TestDb): Promise<void> {
  if (db.dialect !== 'sqlite') return;
  await sql`INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)`.execute(db.db);
}
