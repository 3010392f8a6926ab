import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AdminClient, makeUser } from '../helpers/admin.js';
import { NAM_HONG_LINH, BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb, type TestDb } from '../helpers/db.js';
import { COMMENT, freshIp, freshQuestion, get, otherArticle, post, setup, text, type Env } from './helpers.js';

async function commentOn(env: Env, articleId: number, content: string): Promise<number> {
  const q = await freshQuestion(env.app, articleId);
  const r = await post(env.app, `/binh-luan/${articleId}`, { ...COMMENT, noi_dung: content, ma_cau_hoi: q.token, dap_an: q.answer }, { ip: freshIp(), json: true });
  assert.equal(r.statusCode, 200, r.body);
  return r.json().commentId;
}

async function audits(db: TestDb, entityId: number, entityType = 'comment') {
  return db.db
    .selectFrom('audit_log')
    .select(['action', 'user_id', 'before_json', 'after_json'])
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', String(entityId))
    .orderBy('id')
    .execute();
}

async function statusOf(db: TestDb, id: number) {
  return (await db.db.selectFrom('comments').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
}

describeEachDb(
  'comment moderation in the back office',
  async (db) => {
    const env = await setup(db, { cacheSeconds: 60 });
    const siteId = env.siteId;
    const moderatorId = await makeUser(db.db, 'kiemduyet', [{ siteId, role: 'moderator' }]);
    await makeUser(db.db, 'bientap', [{ siteId, role: 'editor' }]);
    await makeUser(db.db, 'quantri', [{ siteId, role: 'site_admin' }]);
    const other = await db.db.selectFrom('site_hosts').select('site_id').where('host', '=', BAC_HONG_LINH).executeTakeFirstOrThrow();
    await makeUser(db.db, 'kiemduyetkhac', [{ siteId: other.site_id, role: 'moderator' }]);
    return { ...env, moderatorId, mod: await AdminClient.login(env.app, NAM_HONG_LINH, 'kiemduyet') };
  },
  (get_) => {
    test('the queue lists waiting comments with counts per status; the email shows only here', async () => {
      const { mod, articleId } = get_();
      await commentOn(get_(), articleId, 'Chờ duyệt số một');
      const page = await mod.get('/quan-tri/binh-luan');
      assert.equal(page.statusCode, 200);
      assert.equal(page.headers['cache-control'], 'no-store');
      assert.match(page.body, /aria-current="page">Chờ duyệt \(\d+\)</);
      assert.match(page.body, /Đã đăng \(\d+\)/);
      assert.match(page.body, /Bị từ chối \(\d+\)/);
      assert.match(page.body, /Thư rác \(\d+\)/);
      assert.match(page.body, /Chờ duyệt số một/);
      assert.ok(text(page.body).includes('<lan.nguyen@gmail.com>'), 'moderators see the email');
      assert.match(page.body, /Lý do chờ: Trang duyệt mọi bình luận/);
    });

    test('approving publishes the comment, writes an audit row and purges exactly the article page', async () => {
      const { mod, app, db, moderatorId } = get_();
      const a = await otherArticle(get_(), db, 1);
      const id = await commentOn(get_(), a.id, 'Xin cảm ơn thông tin hữu ích');
      await get(app, a.path);
      const purged: string[][] = [];
      const original = app.cong.pageCache.purgePaths.bind(app.cong.pageCache);
      app.cong.pageCache.purgePaths = (site, paths) => {
        purged.push(paths);
        original(site, paths);
      };
      const res = await mod.post(`/quan-tri/binh-luan/${id}/duyet`, { quay_lai: '/quan-tri/binh-luan?trang_thai=cho-duyet' });
      app.cong.pageCache.purgePaths = original;
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/quan-tri/binh-luan?trang_thai=cho-duyet&tb=da-duyet');
      assert.deepEqual(purged, [[a.path]]);
      assert.equal(await statusOf(db, id), 'published');
      const log = await audits(db, id);
      assert.deepEqual(log.map((l) => [l.action, l.user_id, l.before_json, l.after_json]), [['comment.approve', moderatorId, '{"status":"pending"}', '{"status":"published"}']]);
      const page = (await get(app, a.path)).body;
      assert.match(page, /Bình luận \(1\)/);
      assert.match(page, /Xin cảm ơn thông tin hữu ích/);
    });

    test('reject, spam and bulk actions, each audited; an unpublished comment leaves the page', async () => {
      const { mod, db, app } = get_();
      const a = await otherArticle(get_(), db, 2);
      const [x, y, z] = [await commentOn(get_(), a.id, 'Một'), await commentOn(get_(), a.id, 'Hai'), await commentOn(get_(), a.id, 'Ba')];
      assert.equal((await mod.post('/quan-tri/binh-luan/hang-loat', { ids: [String(x), String(y)], thao_tac: 'duyet' })).statusCode, 303);
      assert.deepEqual([await statusOf(db, x), await statusOf(db, y)], ['published', 'published']);
      assert.match((await get(app, a.path)).body, /Bình luận \(2\)/);
      await mod.post(`/quan-tri/binh-luan/${x}/tu-choi`);
      await mod.post(`/quan-tri/binh-luan/${z}/rac`);
      assert.deepEqual([await statusOf(db, x), await statusOf(db, z)], ['rejected', 'spam']);
      assert.match((await get(app, a.path)).body, /Bình luận \(1\)/, 'the rejected comment is gone from the page');
      assert.deepEqual((await audits(db, x)).map((l) => l.action), ['comment.approve', 'comment.reject']);
      assert.deepEqual((await audits(db, z)).map((l) => l.action), ['comment.spam']);
      const none = await mod.post('/quan-tri/binh-luan/hang-loat', { thao_tac: 'duyet' });
      assert.match(none.headers.location as string, /tb=chua-chon/);
      const spamTab = await mod.get('/quan-tri/binh-luan?trang_thai=rac');
      assert.match(spamTab.body, />Ba</);
    });

    test('editing keeps an audit of before and after, and the page shows the new text escaped', async () => {
      const { mod, db, app } = get_();
      const a = await otherArticle(get_(), db, 3);
      const id = await commentOn(get_(), a.id, 'Số điện thoại của tôi 0912 345 678');
      await mod.post(`/quan-tri/binh-luan/${id}/duyet`);
      const form = await mod.get(`/quan-tri/binh-luan/${id}/sua`);
      assert.match(form.body, /Số điện thoại của tôi 0912 345 678<\/textarea>/);
      const empty = await mod.post(`/quan-tri/binh-luan/${id}/sua`, { ho_ten: '', noi_dung: '<b>x</b>' });
      assert.equal(empty.statusCode, 422);
      assert.match(empty.body, /Vui lòng nhập họ tên\./);
      assert.match(empty.body, /&lt;b>x&lt;\/b><\/textarea>|&lt;b&gt;x&lt;\/b&gt;<\/textarea>/);
      const ok = await mod.post(`/quan-tri/binh-luan/${id}/sua`, { ho_ten: 'Nguyễn Thị Lan', noi_dung: 'Số điện thoại [đã ẩn] <i>' });
      assert.equal(ok.statusCode, 303);
      const log = (await audits(db, id)).find((l) => l.action === 'comment.edit')!;
      assert.match(log.before_json!, /0912 345 678/);
      assert.match(log.after_json!, /\[đã ẩn\]/);
      const page = (await get(app, a.path)).body;
      assert.ok(!page.includes('0912 345 678'));
      assert.ok(text(page).includes('Số điện thoại [đã ẩn] <i>') && !page.includes('[đã ẩn] <i>'));
    });

    test('a reply as "Ban biên tập" publishes the question with it and shows highlighted under it', async () => {
      const { mod, db, app } = get_();
      const a = await otherArticle(get_(), db, 4);
      const id = await commentOn(get_(), a.id, 'Khi nào sửa xong đường Trần Phú?');
      const form = await mod.get(`/quan-tri/binh-luan/${id}/tra-loi`);
      assert.match(form.body, /Khi nào sửa xong đường Trần Phú\?/);
      assert.equal((await mod.post(`/quan-tri/binh-luan/${id}/tra-loi`, { noi_dung: '' })).statusCode, 422);
      const res = await mod.post(`/quan-tri/binh-luan/${id}/tra-loi`, { noi_dung: 'Dự kiến hoàn thành trong tháng 12.' });
      assert.equal(res.statusCode, 303);
      assert.equal(await statusOf(db, id), 'published');
      const page = (await get(app, a.path)).body;
      assert.match(page, new RegExp(`id="binh-luan-${id}">.*?<ol class="comment-replies"><li class="comment comment-official" id="binh-luan-\\d+">.*?<strong class="comment-author">Ban biên tập</strong><span class="badge-official">Trả lời chính thức</span>.*?Dự kiến hoàn thành trong tháng 12\\.`, 's'));
      const official = await db.db.selectFrom('comments').select(['id', 'official', 'author_name', 'user_id']).where('parent_id', '=', id).executeTakeFirstOrThrow();
      assert.equal(official.official, 1);
      assert.deepEqual((await audits(db, official.id)).map((l) => l.action), ['comment.reply']);
      assert.match((await mod.get('/quan-tri/binh-luan?trang_thai=da-dang')).body, /Ban biên tập trả lời/);
    });

    test('closing one article\'s comments is audited and purges that page; the site settings are for admins', async () => {
      const { mod, db, app, siteId } = get_();
      const a = await otherArticle(get_(), db, 5);
      const page = await mod.get(`/quan-tri/binh-luan?bai_viet=${a.id}`);
      assert.match(page.body, /Đóng bình luận cho bài này/);
      const quay_lai = `/quan-tri/binh-luan?trang_thai=cho-duyet&bai_viet=${a.id}`;
      assert.equal((await mod.post(`/quan-tri/binh-luan/bai-viet/${a.id}/dong`, { quay_lai })).statusCode, 303);
      assert.match((await get(app, a.path)).body, /Bình luận đã đóng cho bài viết này\./);
      assert.deepEqual((await audits(db, a.id, 'article')).map((l) => l.action), ['article.comments_close']);
      await mod.post(`/quan-tri/binh-luan/bai-viet/${a.id}/mo`, { quay_lai });
      assert.doesNotMatch((await get(app, a.path)).body, /Bình luận đã đóng/);

      assert.equal((await mod.post('/quan-tri/binh-luan/cai-dat', { che_do: 'publish' })).statusCode, 403, 'moderators do not change site settings');
      const admin = await AdminClient.login(app, NAM_HONG_LINH, 'quantri');
      assert.equal((await admin.post('/quan-tri/binh-luan/cai-dat', { che_do: 'bừa' })).statusCode, 422);
      assert.equal((await admin.post('/quan-tri/binh-luan/cai-dat', { che_do: 'publish', dong_tat_ca: '1' })).statusCode, 303);
      const settings = JSON.parse((await db.db.selectFrom('sites').select('settings').where('id', '=', siteId).executeTakeFirstOrThrow()).settings);
      assert.equal(settings.commentModeration, 'publish');
      assert.equal(settings.commentsClosed, true);
      assert.match((await get(app, a.path)).body, /Bình luận đã đóng cho bài viết này\./, 'closed site-wide, purged');
      const log = await db.db.selectFrom('audit_log').select(['after_json']).where('action', '=', 'site.comment_settings').executeTakeFirstOrThrow();
      assert.equal(log.after_json, '{"commentModeration":"publish","commentsClosed":true}');
      await admin.post('/quan-tri/binh-luan/cai-dat', { che_do: 'hold_all' });
    });

    test('only moderators and admins of the site, with a CSRF token, can moderate', async () => {
      const { app, articleId, mod } = get_();
      const id = await commentOn(get_(), articleId, 'Kiểm tra quyền');
      const editor = await AdminClient.login(app, NAM_HONG_LINH, 'bientap');
      assert.equal((await editor.get('/quan-tri/binh-luan')).statusCode, 403);
      assert.equal((await editor.post(`/quan-tri/binh-luan/${id}/duyet`)).statusCode, 403);
      assert.equal((await mod.post(`/quan-tri/binh-luan/${id}/duyet`, {}, { csrf: null })).statusCode, 403);
      const elsewhere = await AdminClient.login(app, BAC_HONG_LINH, 'kiemduyetkhac');
      // Another site's moderator reaches another site's back office with no right on this comment.
      assert.equal((await elsewhere.post(`/quan-tri/binh-luan/${id}/duyet`)).statusCode, 404);
      assert.equal(await statusOf(get_().db, id), 'pending');
      const anonymous = await app.inject({ url: '/quan-tri/binh-luan', headers: { host: NAM_HONG_LINH } });
      assert.equal(anonymous.statusCode, 303);
    });
  },
  async ({ app }) => app.close(),
);
