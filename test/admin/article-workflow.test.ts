import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { publishDue } from '../../src/features/articles/scheduler.js';
import { buildTestApp, NAM_HONG_LINH } from '../helpers/app.js';
import { AdminClient, csrfFrom, makeUser } from '../helpers/admin.js';
import { describeEachDb } from '../helpers/db.js';

let clock = Date.parse('2026-11-26T03:00:00.000Z');

describeEachDb('editorial workflow through the back office', async (db) => {
  const app = await buildTestApp(db, { now: () => new Date(clock) });
  await makeUser(db.db, 'phongvien', [{ siteId: 1, role: 'contributor' }]);
  await makeUser(db.db, 'truongban', [{ siteId: 1, role: 'approver' }]);
  const contributor = await AdminClient.login(app, NAM_HONG_LINH, 'phongvien');
  const approver = await AdminClient.login(app, NAM_HONG_LINH, 'truongban');
  const category = await db.db.selectFrom('categories').selectAll().where('site_id', '=', 1).where('slug', '=', 'thong-bao').executeTakeFirstOrThrow();
  return { app, contributor, approver, category };
}, (get) => {
  const publicGet = (url: string) => get().app.inject({ url, headers: { host: NAM_HONG_LINH } });
  const article = (over: Record<string, string> = {}) => ({
    title: 'Thông báo lịch tiếp công dân tháng 12/2026',
    sapo: 'UBND phường thông báo lịch tiếp công dân định kỳ.',
    body: '<p>Nội dung <strong>quan trọng</strong>.</p><script>alert(1)</script><p onclick="x()">Hết.</p>',
    category_id: String(get().category.id),
    author: 'Phóng viên',
    ...over,
  });

  // Each test makes the articles it works on (a title of its own), so any one of them runs alone.
  /** A new draft by the contributor; its id. */
  const draft = async (over: Record<string, string> = {}, by = get().contributor): Promise<number> => {
    const res = await by.post('/quan-tri/bai-viet/moi', article(over));
    assert.equal(res.statusCode, 303);
    return Number(/\/quan-tri\/bai-viet\/(\d+)\?tb=da-tao/.exec(res.headers.location as string)![1]);
  };
  /** A draft sent for approval and published by the approver; its id. */
  const published = async (title: string): Promise<number> => {
    const { contributor, approver } = get();
    const id = await draft({ title });
    assert.equal((await contributor.post(`/quan-tri/bai-viet/${id}/gui-duyet`)).statusCode, 303);
    clock += 60_000;
    assert.equal((await approver.post(`/quan-tri/bai-viet/${id}/xuat-ban`)).statusCode, 303);
    return id;
  };

  test('bad input comes back with a Vietnamese message next to the field and everything typed kept', async () => {
    const { contributor, db } = get();
    const before = await db.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await contributor.post('/quan-tri/bai-viet/moi', article({ title: '   ', category_id: '', sapo: 'Sapo tôi đã gõ <b>đậm</b>' }));
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /<p class="field-error" id="f-title-error">Vui lòng nhập tiêu đề bài viết\.<\/p>/);
    assert.match(res.body, /Vui lòng chọn chuyên mục\./);
    assert.match(res.body, /Sapo tôi đã gõ &lt;b>đậm&lt;\/b>/, 'typed text kept and escaped');
    assert.match(res.body, /aria-invalid="true"/);
    const after = await db.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n), 'nothing stored');
  });

  test('a contributor writes a draft: the body is sanitized, a revision and an audit row are written', async () => {
    const { contributor, db } = get();
    const res = await contributor.post('/quan-tri/bai-viet/moi', article());
    assert.equal(res.statusCode, 303);
    const id = Number(/\/quan-tri\/bai-viet\/(\d+)\?tb=da-tao/.exec(res.headers.location as string)![1]);
    const row = await db.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'draft');
    assert.equal(row.body_html, '<p>Nội dung <strong>quan trọng</strong>.</p><p>Hết.</p>');
    const revs = await db.db.selectFrom('article_revisions').selectAll().where('article_id', '=', id).execute();
    assert.equal(revs.length, 1);
    const audit = await db.db.selectFrom('audit_log').selectAll().where('entity_id', '=', String(id)).execute();
    assert.deepEqual(audit.map((a) => a.action), ['article.create']);
    assert.equal((await publicGet(`/bai-viet/x-${id}`)).statusCode, 404, 'drafts are not public');
  });

  test('the contributor cannot publish; the approver can, and the public pages, RSS and sitemap show it at once', async () => {
    const { contributor, approver } = get();
    const id = await draft();
    assert.equal((await contributor.post(`/quan-tri/bai-viet/${id}/xuat-ban`)).statusCode, 403);
    // Warm the public caches with the old versions.
    const oldCategory = (await publicGet('/chuyen-muc/thong-bao')).body;
    assert.doesNotMatch(oldCategory, /tiếp công dân tháng 12\/2026/);
    await publicGet('/rss.xml');
    await publicGet('/sitemap.xml');
    assert.equal((await contributor.post(`/quan-tri/bai-viet/${id}/gui-duyet`)).statusCode, 303);
    clock += 60_000;
    const pub = await approver.post(`/quan-tri/bai-viet/${id}/xuat-ban`);
    assert.equal(pub.statusCode, 303);
    assert.match((await publicGet('/chuyen-muc/thong-bao')).body, /Thông báo lịch tiếp công dân tháng 12\/2026/);
    assert.match((await publicGet('/rss.xml')).body, /Thông báo lịch tiếp công dân tháng 12\/2026/);
    assert.match((await publicGet('/sitemap.xml')).body, new RegExp(`-${id}</loc>`));
    const page = await publicGet(`/bai-viet/x-${id}`);
    assert.equal(page.statusCode, 301);
    const html = (await publicGet(page.headers.location as string)).body;
    assert.match(html, /<strong>quan trọng<\/strong>/);
    assert.doesNotMatch(html, /alert\(1\)/);
  });

  test('after publishing, the contributor can no longer edit; an edit by the approver purges the cached page', async () => {
    const { contributor, approver } = get();
    const title = 'Thông báo lịch tiếp công dân tháng 1/2027';
    const id = await published(title);
    const edit = await contributor.post(`/quan-tri/bai-viet/${id}/luu`, article({ title: 'Sửa trái phép' }));
    assert.equal(edit.statusCode, 403);
    const form = await approver.get(`/quan-tri/bai-viet/${id}`);
    const version = /name="_version" value="([^"]+)"/.exec(form.body)![1]!;
    const path = (await publicGet(`/bai-viet/x-${id}`)).headers.location as string;
    await publicGet(path);
    clock += 60_000;
    const saved = await approver.post(`/quan-tri/bai-viet/${id}/luu`, article({ title, _version: version, sapo: 'Sapo đã sửa.' }));
    assert.equal(saved.statusCode, 303);
    assert.match((await publicGet(path)).body, /Sapo đã sửa\./);
  });

  test('saving over a newer version is refused with the typed text kept', async () => {
    const { approver } = get();
    const title = 'Thông báo lịch tiếp công dân tháng 2/2027';
    const id = await published(title);
    const stale = await approver.post(`/quan-tri/bai-viet/${id}/luu`, article({ title, _version: '2000-01-01T00:00:00.000Z', sapo: 'Bản tôi vừa gõ' }));
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /vừa được người khác lưu/);
    assert.match(stale.body, /Bản tôi vừa gõ/);
  });

  test('return needs a reason, which the author then sees', async () => {
    const { contributor, approver } = get();
    const res = await contributor.post('/quan-tri/bai-viet/moi', article({ title: 'Bài cần sửa lại' }));
    const id2 = Number(/bai-viet\/(\d+)/.exec(res.headers.location as string)![1]);
    await contributor.post(`/quan-tri/bai-viet/${id2}/gui-duyet`);
    const noReason = await approver.post(`/quan-tri/bai-viet/${id2}/tra-lai`, { reason: '  ' });
    assert.equal(noReason.statusCode, 422);
    assert.match(noReason.body, /Vui lòng nhập lý do trả lại/);
    assert.equal((await approver.post(`/quan-tri/bai-viet/${id2}/tra-lai`, { reason: 'Thiếu số liệu tháng 11.' })).statusCode, 303);
    const seen = await contributor.get(`/quan-tri/bai-viet/${id2}`);
    assert.match(seen.body, /Lý do trả lại:<\/strong> Thiếu số liệu tháng 11\./);
    assert.match(seen.body, /Gửi duyệt/, 'the author may fix and resubmit');
  });

  test('scheduling publishes at the time, exactly once even with two schedulers racing', async () => {
    const { contributor, approver, app, db } = get();
    const res = await contributor.post('/quan-tri/bai-viet/moi', article({ title: 'Bài hẹn giờ' }));
    const id3 = Number(/bai-viet\/(\d+)/.exec(res.headers.location as string)![1]);
    const past = await approver.post(`/quan-tri/bai-viet/${id3}/hen-gio`, { publish_at: '2020-01-01T08:00' });
    assert.equal(past.statusCode, 422);
    assert.match(past.body, /Thời điểm hẹn giờ phải ở tương lai/);
    const ok = await approver.post(`/quan-tri/bai-viet/${id3}/hen-gio`, { publish_at: '2026-11-26T15:00' });
    assert.equal(ok.statusCode, 303);
    assert.equal((await db.db.selectFrom('articles').select('status').where('id', '=', id3).executeTakeFirstOrThrow()).status, 'scheduled');
    assert.deepEqual(await publishDue(db.db, app.cong.pageCache, new Date('2026-11-26T07:59:00.000Z')), [], 'not yet');
    const at = new Date('2026-11-26T08:00:00.000Z');
    const [a, b] = await Promise.all([publishDue(db.db, app.cong.pageCache, at), publishDue(db.db, app.cong.pageCache, at)]);
    assert.deepEqual([...a, ...b], [id3]);
    const audits = await db.db.selectFrom('audit_log').select('action').where('entity_id', '=', String(id3)).where('action', '=', 'article.publish_scheduled').execute();
    assert.equal(audits.length, 1);
  });

  test('revisions show a readable diff and can be restored; unpublishing takes the article off the site', async () => {
    const { approver, db } = get();
    const title = 'Thông báo lịch tiếp công dân tháng 3/2027';
    const id = await published(title);
    // A second version: the approver corrects the sapo.
    const version = /name="_version" value="([^"]+)"/.exec((await approver.get(`/quan-tri/bai-viet/${id}`)).body)![1]!;
    clock += 60_000;
    assert.equal((await approver.post(`/quan-tri/bai-viet/${id}/luu`, article({ title, _version: version, sapo: 'Sapo đã sửa.' }))).statusCode, 303);
    const list = await approver.get(`/quan-tri/bai-viet/${id}/phien-ban`);
    const revs = [...list.body.matchAll(/name="a" value="(\d+)"/g)].map((m) => Number(m[1]));
    assert.ok(revs.length >= 2);
    const diff = await approver.get(`/quan-tri/bai-viet/${id}/phien-ban?a=${revs[revs.length - 1]}&b=${revs[0]}`);
    assert.match(diff.body, /<ins>[^<]*đã sửa/);
    const restore = await approver.post(`/quan-tri/bai-viet/${id}/phien-ban/${revs[revs.length - 1]}/khoi-phuc`);
    assert.equal(restore.statusCode, 303);
    const row = await db.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.sapo, 'UBND phường thông báo lịch tiếp công dân định kỳ.');
    const path = (await publicGet(`/bai-viet/x-${id}`)).headers.location as string;
    assert.equal((await publicGet(path)).statusCode, 200);
    assert.equal((await approver.post(`/quan-tri/bai-viet/${id}/go-bai`)).statusCode, 303);
    assert.equal((await publicGet(path)).statusCode, 404);
    assert.doesNotMatch((await publicGet('/chuyen-muc/thong-bao')).body, /tiếp công dân tháng 3\/2027/);
  });

  test('the article list filters and pages with a cursor', async () => {
    const { app, approver, db } = get();
    // A contributor of its own, with three articles: one returned, one to find by a folded title.
    await makeUser(db.db, 'phongvien_ds', [{ siteId: 1, role: 'contributor' }]);
    const contributor = await AdminClient.login(app, NAM_HONG_LINH, 'phongvien_ds');
    await draft({ title: 'Bài trong danh sách' }, contributor);
    await draft({ title: 'Lịch trực Tết hẹn giờ đăng' }, contributor);
    const toReturn = await draft({ title: 'Bài cần sửa lại trong danh sách' }, contributor);
    assert.equal((await contributor.post(`/quan-tri/bai-viet/${toReturn}/gui-duyet`)).statusCode, 303);
    assert.equal((await approver.post(`/quan-tri/bai-viet/${toReturn}/tra-lai`, { reason: 'Thiếu số liệu.' })).statusCode, 303);
    const all = await approver.get('/quan-tri/bai-viet');
    assert.equal(all.statusCode, 200);
    assert.match(all.body, /Trang sau »/);
    const next = /href="(\/quan-tri\/bai-viet\?sau=[^"]+)"/.exec(all.body)![1]!.replace(/&amp;/g, '&');
    const page2 = await approver.get(next);
    assert.equal(page2.statusCode, 200);
    const ids = (s: string) => [...s.matchAll(/<td><a href="\/quan-tri\/bai-viet\/(\d+)">/g)].map((m) => m[1]);
    assert.equal(ids(all.body).filter((x) => ids(page2.body).includes(x)).length, 0);
    const folded = await approver.get('/quan-tri/bai-viet?q=LICH%20TRUC%20TET%20HEN%20GIO');
    assert.deepEqual(ids(folded.body).length, 1, 'title search ignores case and diacritics');
    const returned = await approver.get('/quan-tri/bai-viet?trang_thai=returned');
    assert.match(returned.body, /Bài cần sửa lại trong danh sách/);
    const mine = await contributor.get('/quan-tri/bai-viet');
    assert.equal(ids(mine.body).length, 3, 'contributors see their own articles only');
    csrfFrom(mine.body);
  });
}, async ({ app }: { app: FastifyInstance }) => {
  await app.close();
});
