import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { CommentModeration } from '../../src/kernel/sites/settings.js';
import { describeEachDb, type TestDb } from '../helpers/db.js';
import { COMMENT, freshIp, freshQuestion, get, otherArticle, post, setup, solvedAltcha, text } from './helpers.js';

const PUBLISHED = 'Bình luận của bạn đã được đăng.';
const CLOSED = 'Bình luận đã đóng cho bài viết này.';

async function setSite(app: FastifyInstance, db: TestDb, siteId: number, patch: { commentModeration?: CommentModeration; commentsClosed?: boolean }) {
  const row = await db.db.selectFrom('sites').select('settings').where('id', '=', siteId).executeTakeFirstOrThrow();
  await db.db.updateTable('sites').set({ settings: JSON.stringify({ ...JSON.parse(row.settings), ...patch }) }).where('id', '=', siteId).execute();
  await app.cong.sites.reload();
}

/** A comment verified by the fallback question (as without JavaScript). */
async function send(app: FastifyInstance, articleId: number, fields: Record<string, string>, ip = freshIp()) {
  const q = await freshQuestion(app, articleId, ip);
  return post(app, `/binh-luan/${articleId}`, { ...COMMENT, ...fields, ma_cau_hoi: q.token, dap_an: q.answer }, { ip, json: true });
}

/** A comment verified by a solved ALTCHA proof of work (as the browser's widget sends it). */
async function sendVerified(app: FastifyInstance, articleId: number, fields: Record<string, string>, ip = freshIp()) {
  return post(app, `/binh-luan/${articleId}`, { ...COMMENT, ...fields, altcha: await solvedAltcha(app, ip) }, { ip, json: true });
}

describeEachDb('comment rules', (db) => setup(db, { cacheSeconds: 60 }), (env) => {
  test('"publish at once": shown on the article, which alone is purged from the page cache', async () => {
    const { app, db, siteId } = env();
    const a = await otherArticle(env(), db, 1);
    await setSite(app, db, siteId, { commentModeration: 'publish' });
    try {
      await get(app, a.path);
      await get(app, '/');
      const purged: string[][] = [];
      const original = app.cong.pageCache.purgePaths.bind(app.cong.pageCache);
      app.cong.pageCache.purgePaths = (site, paths) => {
        purged.push(paths);
        original(site, paths);
      };
      const res = await sendVerified(app, a.id, { noi_dung: 'Cảm ơn Ban biên tập!' });
      app.cong.pageCache.purgePaths = original;
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().message, PUBLISHED);
      assert.deepEqual(purged, [[a.path]], 'exactly the article page is purged');
      const page = (await get(app, a.path)).body;
      assert.match(page, /Bình luận \(1\)/);
      assert.match(text(page), /Nguyễn Thị Lan (Thứ|Chủ)[^,]*, \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} Cảm ơn Ban biên tập!/);
      assert.ok(!page.includes(COMMENT.email), 'the email is never shown');
    } finally {
      await setSite(app, db, siteId, { commentModeration: 'hold_all' });
    }
  });

  test('many links hold a comment even when the site publishes at once', async () => {
    const { app, db, siteId } = env();
    const a = await otherArticle(env(), db, 2);
    await setSite(app, db, siteId, { commentModeration: 'publish' });
    try {
      const res = await send(app, a.id, { noi_dung: 'Xem http://a.example/1 và www.b.example/2 nhé' });
      assert.equal(res.json().status, 'pending');
      const row = await db.db.selectFrom('comments').select(['status', 'hold_reason']).where('article_id', '=', a.id).executeTakeFirstOrThrow();
      assert.deepEqual({ ...row }, { status: 'pending', hold_reason: 'links' });
    } finally {
      await setSite(app, db, siteId, { commentModeration: 'hold_all' });
    }
  });

  test('"hold the first comment of a new author": the same name and email are published once one was approved', async () => {
    const { app, db, siteId } = env();
    const a = await otherArticle(env(), db, 3);
    await setSite(app, db, siteId, { commentModeration: 'hold_first' });
    try {
      const author = { ho_ten: 'Lê Văn Cường', email: 'cuong@example.vn' };
      const first = await sendVerified(app, a.id, { ...author, noi_dung: 'Lần đầu góp ý' });
      assert.equal(first.json().status, 'pending');
      await db.db.updateTable('comments').set({ status: 'published' }).where('id', '=', first.json().commentId).execute();
      assert.equal((await sendVerified(app, a.id, { ...author, noi_dung: 'Lần thứ hai góp ý' })).json().status, 'published');
      assert.equal((await sendVerified(app, a.id, { ...author, email: '', noi_dung: 'Không để lại email' })).json().status, 'pending', 'without an email nobody is recognised');
      assert.equal((await sendVerified(app, a.id, { ...author, email: 'khac@example.vn', noi_dung: 'Email khác' })).json().status, 'pending');
    } finally {
      await setSite(app, db, siteId, { commentModeration: 'hold_all' });
    }
  });

  test('replies hang under the comment they answer, in threads, with the count in the heading', async () => {
    const { app, db } = env();
    const a = await otherArticle(env(), db, 4);
    const top = (await send(app, a.id, { ho_ten: 'Người hỏi', noi_dung: 'Câu hỏi gốc' })).json().commentId;
    await db.db.updateTable('comments').set({ status: 'published', published_at: '2026-11-26T07:05:00.000Z' }).where('id', '=', top).execute();
    const reply = (await send(app, a.id, { ho_ten: 'Người đáp', noi_dung: 'Câu trả lời', tra_loi: String(top) })).json().commentId;
    const orphan = (await send(app, a.id, { ho_ten: 'Người khác', noi_dung: 'Trả lời bình luận không có', tra_loi: '999999' })).json().commentId;
    const rows = await db.db.selectFrom('comments').select(['id', 'parent_id']).where('id', 'in', [reply, orphan]).orderBy('id').execute();
    assert.deepEqual(rows.map((r) => r.parent_id), [top, null]);
    await db.db.updateTable('comments').set({ status: 'published' }).where('id', 'in', [reply, orphan]).execute();
    app.cong.pageCache.purgeSite(env().siteId);
    const page = (await get(app, a.path)).body;
    assert.match(page, /Bình luận \(3\)/);
    assert.match(page, new RegExp(`<li class="comment" id="binh-luan-${top}">.*?<ol class="comment-replies"><li class="comment" id="binh-luan-${reply}">`, 's'));
    assert.match(page, /<time datetime="2026-11-26T07:05:00.000Z">Thứ Năm, 26\/11\/2026 14:05<\/time>/);
    assert.match(page, new RegExp(`href="/binh-luan/${a.id}/viet\\?tra-loi=${top}" data-reply-to="${top}"`));
    const write = (await get(app, `/binh-luan/${a.id}/viet?tra-loi=${top}`)).body;
    assert.match(write, /Trả lời bình luận của <strong>Người hỏi<\/strong>/);
    assert.match(write, new RegExp(`name="tra_loi" value="${top}"`));
  });

  test('closed comments: per article and site-wide, the form goes away and posts are refused', async () => {
    const { app, db, siteId } = env();
    const a = await otherArticle(env(), db, 5);
    await db.db.updateTable('articles').set({ comments_closed: 1 }).where('id', '=', a.id).execute();
    app.cong.pageCache.purgeSite(siteId);
    const page = (await get(app, a.path)).body;
    assert.match(page, new RegExp(CLOSED));
    assert.ok(!page.includes('data-comment-form'), 'no form');
    const write = await get(app, `/binh-luan/${a.id}/viet`);
    assert.equal(write.statusCode, 303);
    const res = await post(app, `/binh-luan/${a.id}`, { ...COMMENT, altcha: await solvedAltcha(app) }, { ip: freshIp(), json: true });
    assert.deepEqual(res.json().errors, { _form: CLOSED });
    const html = await post(app, `/binh-luan/${a.id}`, COMMENT, { ip: freshIp() });
    assert.equal(html.statusCode, 422);
    assert.match(html.body, /<p class="form-error" role="alert">Bình luận đã đóng cho bài viết này\.<\/p>/);
    await db.db.updateTable('articles').set({ comments_closed: 0 }).where('id', '=', a.id).execute();

    await setSite(app, db, siteId, { commentsClosed: true });
    try {
      app.cong.pageCache.purgeSite(siteId);
      assert.match((await get(app, env().path)).body, new RegExp(CLOSED));
      const r = await post(app, `/binh-luan/${env().articleId}`, { ...COMMENT, altcha: await solvedAltcha(app) }, { ip: freshIp(), json: true });
      assert.deepEqual(r.json().errors, { _form: CLOSED });
    } finally {
      await setSite(app, db, siteId, { commentsClosed: false });
    }
    assert.equal((await db.db.selectFrom('comments').select('id').where('article_id', '=', a.id).execute()).length, 0);
  });

  test('per-IP and per-article limits bring the form back with a message; the text is kept', async () => {
    const { app, db } = env();
    const a = await otherArticle(env(), db, 6);
    const ip = freshIp();
    for (let i = 1; i <= 5; i++) assert.equal((await send(app, a.id, { noi_dung: `Góp ý số ${i}` }, ip)).statusCode, 200);
    const sixth = await send(app, a.id, { noi_dung: 'Góp ý số 6' }, ip);
    assert.equal(sixth.statusCode, 422);
    assert.deepEqual(sixth.json().errors, { _form: 'Bạn đã gửi nhiều bình luận trong thời gian ngắn. Vui lòng thử lại sau ít phút.' });
    const q = await freshQuestion(app, a.id, ip);
    const page = await post(app, `/binh-luan/${a.id}`, { ...COMMENT, noi_dung: 'Góp ý số 7', ma_cau_hoi: q.token, dap_an: q.answer }, { ip });
    assert.equal(page.statusCode, 422);
    assert.match(page.body, /Bạn đã gửi nhiều bình luận/);
    assert.match(page.body, />Góp ý số 7<\/textarea>/);

    // A flood from many addresses with wrong answers spends none of the article's budget (issue 16);
    // answers to the fallback question take ten comments in ten minutes, then the article is busy for them.
    const b = await otherArticle(env(), db, 7);
    const codes: string[] = [];
    for (let i = 0; i < 31; i++) {
      const r = await post(app, `/binh-luan/${b.id}`, { ...COMMENT, noi_dung: `Tin rác ${i}`, ma_cau_hoi: 'x', dap_an: '1' }, { ip: freshIp(), json: true });
      codes.push(Object.values(r.json().errors as Record<string, string>)[0]!);
    }
    assert.deepEqual(new Set(codes), new Set(['Mã xác thực không đúng.']));
    for (let i = 0; i < 10; i++) assert.equal((await send(app, b.id, { noi_dung: `Góp ý không JavaScript ${i}` })).statusCode, 200);
    const busy = await send(app, b.id, { noi_dung: 'Góp ý thứ mười một' });
    assert.equal(busy.statusCode, 422);
    assert.deepEqual(busy.json().errors, { _form: 'Bài viết đang nhận quá nhiều bình luận. Vui lòng thử lại sau ít phút.' });
    assert.equal((await db.db.selectFrom('comments').select('id').where('article_id', '=', b.id).execute()).length, 10);
  });

  test('posts from another site or from a cross-site form are refused', async () => {
    const { app, articleId } = env();
    const other = await post(app, `/binh-luan/${articleId}`, COMMENT, { json: true, host: 'bachonglinh.localhost' });
    assert.equal(other.statusCode, 404);
    const cross = await post(app, `/binh-luan/${articleId}`, COMMENT, { json: true, headers: { origin: 'https://evil.example' } });
    assert.equal(cross.statusCode, 403);
    assert.equal((await get(app, '/binh-luan/999999/viet')).statusCode, 404);
  });
}, async ({ app }) => app.close());
