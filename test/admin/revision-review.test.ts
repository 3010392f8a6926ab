import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { publishDue } from '../../src/features/articles/scheduler.js';
import { buildTestApp, NAM_HONG_LINH } from '../helpers/app.js';
import { AdminClient, makeUser } from '../helpers/admin.js';
import { describeEachDb } from '../helpers/db.js';

let clock = Date.parse('2026-11-26T03:00:00.000Z');
const tick = () => (clock += 60_000);

/**
 * Issue 16 item 6: with the two-person rule on, a change to a published article waits as a
 * pending edit until someone who changed none of it approves; nobody who changed the text since
 * the last approval can make it public by any route.
 */
describeEachDb('two-person rule over edits', async (db) => {
  const app = await buildTestApp(db, { now: () => new Date(clock) });
  const site = await db.db.selectFrom('sites').select('settings').where('id', '=', 1).executeTakeFirstOrThrow();
  await db.db.updateTable('sites').set({ settings: JSON.stringify({ ...JSON.parse(site.settings), twoPersonRule: true }) }).where('id', '=', 1).execute();
  await app.cong.sites.reload();
  for (const u of ['duyet_a', 'duyet_b', 'duyet_c', 'duyet_e']) await makeUser(db.db, u, [{ siteId: 1, role: 'approver' }]);
  await makeUser(db.db, 'bientap_d', [{ siteId: 1, role: 'editor' }]);
  const [a, b, c, d, e] = await Promise.all(['duyet_a', 'duyet_b', 'duyet_c', 'bientap_d', 'duyet_e'].map((u) => AdminClient.login(app, NAM_HONG_LINH, u)));
  const category = await db.db.selectFrom('categories').selectAll().where('site_id', '=', 1).where('slug', '=', 'thong-bao').executeTakeFirstOrThrow();
  return { app, a: a!, b: b!, c: c!, d: d!, e: e!, category };
}, (get) => {
  const publicGet = (url: string) => get().app.inject({ url, headers: { host: NAM_HONG_LINH } });
  const fields = (title: string, over: Record<string, string> = {}) => ({
    title, sapo: 'Bản đã duyệt.', body: '<p>Nội dung đã duyệt.</p>', category_id: String(get().category.id), author: 'Ban biên tập', ...over,
  });
  /** An article written by the editor D and published by C; its id and public address. */
  const published = async (title: string): Promise<{ id: number; path: string }> => {
    const { c, d } = get();
    const res = await d.post('/quan-tri/bai-viet/moi', fields(title));
    const id = Number(/bai-viet\/(\d+)/.exec(res.headers.location as string)![1]);
    assert.equal((await d.post(`/quan-tri/bai-viet/${id}/gui-duyet`)).statusCode, 303);
    tick();
    assert.equal((await c.post(`/quan-tri/bai-viet/${id}/xuat-ban`)).statusCode, 303);
    const path = (await publicGet(`/bai-viet/x-${id}`)).headers.location as string;
    assert.match((await publicGet(path)).body, /Bản đã duyệt\./, 'public and cached');
    return { id, path };
  };
  /** Saves from the edit form as shown (its version), with some fields changed. */
  const save = async (who: AdminClient, id: number, title: string, over: Record<string, string>) => {
    const form = await who.get(`/quan-tri/bai-viet/${id}`);
    const version = /name="_version" value="([^"]+)"/.exec(form.body)![1]!;
    tick();
    return who.post(`/quan-tri/bai-viet/${id}/luu`, fields(title, { _version: version, ...over }));
  };
  const row = (id: number) => get().db.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const pending = (id: number) => get().db.db.selectFrom('article_pending_edits').selectAll().where('article_id', '=', id).executeTakeFirst();
  const audits = async (id: number, action: string) =>
    (await get().db.db.selectFrom('audit_log').select('user_id').where('entity_id', '=', String(id)).where('action', '=', action).execute()).length;

  test('an edit to a published article waits as a pending edit; the public page keeps the approved text', async () => {
    const { a } = get();
    const title = 'Lịch tiếp công dân tháng 12';
    const { id, path } = await published(title);
    const res = await save(a, id, title, { sapo: 'Bản sửa của A.' });
    assert.equal(res.statusCode, 303);
    assert.match(res.headers.location as string, /tb=da-luu-ban-sua/);
    const page = await publicGet(path);
    assert.match(page.body, /Bản đã duyệt\./);
    assert.doesNotMatch(page.body, /Bản sửa của A/);
    assert.equal((await row(id)).sapo, 'Bản đã duyệt.');
    assert.equal((await pending(id))!.status, 'editing');
    assert.equal(await audits(id, 'article.edit_pending'), 1);
    const form = await a.get(`/quan-tri/bai-viet/${id}`);
    assert.match(form.body, /<h2 id="ban-sua">Bản sửa chờ duyệt<\/h2>/);
    assert.match(form.body, /<del>đã duyệt<\/del><ins>sửa của A<\/ins>/, 'a diff against the public text');
    assert.match(form.body, /Người dùng duyet_a/, 'who changed it');
    assert.match(form.body, /<textarea id="f-sapo"[^>]*>Bản sửa của A\.<\/textarea>/, 'the form edits the pending text');
  });

  test('A submits, B edits too: neither may approve; C approves and the public page shows the new text', async () => {
    const { a, b, c, db } = get();
    const title = 'Kế hoạch tiêm chủng mở rộng';
    const { id, path } = await published(title);
    const revisions = async () => (await db.db.selectFrom('article_revisions').select('id').where('article_id', '=', id).execute()).length;
    const revsBefore = await revisions();
    assert.equal((await save(a, id, title, { sapo: 'Sửa lần một.' })).statusCode, 303);
    tick();
    assert.equal((await a.post(`/quan-tri/bai-viet/${id}/ban-sua/gui-duyet`)).statusCode, 303);
    assert.equal((await pending(id))!.status, 'submitted');
    assert.equal((await save(b, id, title, { sapo: 'Sửa lần hai của B.' })).statusCode, 303);
    assert.equal((await pending(id))!.status, 'submitted', 'still waiting for approval');
    for (const who of [b, a]) {
      const refused = await who.post(`/quan-tri/bai-viet/${id}/ban-sua/duyet`);
      assert.equal(refused.statusCode, 403);
      assert.match(refused.body, /Bạn đã sửa nội dung của bản sửa này nên không thể tự duyệt/);
    }
    const viewB = await b.get(`/quan-tri/bai-viet/${id}`);
    assert.doesNotMatch(viewB.body, /Duyệt và xuất bản bản sửa/);
    assert.match(viewB.body, /không thể tự duyệt/);
    assert.match((await publicGet(path)).body, /Bản đã duyệt\./);
    assert.match((await c.get('/quan-tri')).body, new RegExp(`<h2 id="ban-sua-cho-duyet">Bản sửa chờ duyệt</h2><ul><li><a href="/quan-tri/bai-viet/${id}">`), "on the approvers' dashboard");
    const viewC = await c.get(`/quan-tri/bai-viet/${id}`);
    assert.match(viewC.body, /Duyệt và xuất bản bản sửa/);
    assert.match(viewC.body, /Người dùng duyet_a, Người dùng duyet_b/, 'everyone who changed it, not only the last');
    tick();
    assert.equal((await c.post(`/quan-tri/bai-viet/${id}/ban-sua/duyet`)).statusCode, 303);
    const page = await publicGet(path);
    assert.match(page.body, /Sửa lần hai của B\./);
    assert.equal(await pending(id), undefined);
    assert.equal((await db.db.selectFrom('article_editors').select('user_id').where('article_id', '=', id).execute()).length, 0, 'a new round starts');
    assert.equal(await audits(id, 'article.edit_approve'), 1);
    assert.equal(await revisions(), revsBefore + 1);
  });

  test('an approver who edited cannot make their text public by any route', async () => {
    const { b, db } = get();
    const title = 'Thông báo thu thuế nhà đất';
    const { id, path } = await published(title);
    assert.equal((await save(b, id, title, { sapo: 'Bản tự duyệt của B.' })).statusCode, 303);
    tick();
    // Straight approval, while still editing and once submitted.
    assert.equal((await b.post(`/quan-tri/bai-viet/${id}/ban-sua/duyet`)).statusCode, 403);
    assert.equal((await b.post(`/quan-tri/bai-viet/${id}/ban-sua/gui-duyet`)).statusCode, 303);
    assert.equal((await b.post(`/quan-tri/bai-viet/${id}/ban-sua/duyet`)).statusCode, 403);
    // Publish and schedule routes; saving once more and publishing.
    assert.equal((await b.post(`/quan-tri/bai-viet/${id}/xuat-ban`)).statusCode, 403);
    assert.equal((await b.post(`/quan-tri/bai-viet/${id}/hen-gio`, { publish_at: '2026-12-01T08:00' })).statusCode, 403);
    assert.equal((await save(b, id, title, { sapo: 'Bản tự duyệt của B, lần hai.' })).statusCode, 303);
    assert.equal((await b.post(`/quan-tri/bai-viet/${id}/xuat-ban`)).statusCode, 403);
    // Restoring an old revision is an edit too: it becomes the pending text.
    const revs = await db.db.selectFrom('article_revisions').select('id').where('article_id', '=', id).orderBy('id').execute();
    assert.equal((await b.post(`/quan-tri/bai-viet/${id}/phien-ban/${revs[0]!.id}/khoi-phuc`)).statusCode, 303);
    assert.equal((await pending(id))!.snapshot.includes('Bản đã duyệt.'), true);
    assert.match((await publicGet(path)).body, /Bản đã duyệt\./);
    assert.equal((await row(id)).sapo, 'Bản đã duyệt.');
    // Taking it down and putting it back up is no way round either.
    assert.equal((await b.post(`/quan-tri/bai-viet/${id}/go-bai`)).statusCode, 303);
    const again = await b.post(`/quan-tri/bai-viet/${id}/xuat-ban`);
    assert.equal(again.statusCode, 403);
    assert.match(again.body, /không thể tự xuất bản/);
    assert.equal(await audits(id, 'article.edit_approve'), 0);
  });

  test('sending for approval no longer hides who edited: an approver who changed a draft cannot publish it', async () => {
    const { b, c, d, e } = get();
    const title = 'Dự thảo quy chế văn hóa khu dân cư';
    const res = await d.post('/quan-tri/bai-viet/moi', fields(title));
    const id = Number(/bai-viet\/(\d+)/.exec(res.headers.location as string)![1]);
    assert.equal((await save(b, id, title, { sapo: 'B sửa bản nháp.' })).statusCode, 303);
    assert.equal((await save(c, id, title, { sapo: 'C sửa tiếp.' })).statusCode, 303);
    tick();
    assert.equal((await d.post(`/quan-tri/bai-viet/${id}/gui-duyet`)).statusCode, 303);
    assert.equal((await row(id)).updated_by !== null, true);
    for (const who of [b, c]) {
      const refused = await who.post(`/quan-tri/bai-viet/${id}/xuat-ban`);
      assert.equal(refused.statusCode, 403, 'an editor since the last approval');
      assert.match(refused.body, /không thể tự xuất bản/);
    }
    assert.equal((await e.post(`/quan-tri/bai-viet/${id}/xuat-ban`)).statusCode, 303);
    assert.equal((await row(id)).status, 'published');
  });

  test('an edit to a scheduled article withdraws its approval', async () => {
    const { b, c, d, app, db } = get();
    const title = 'Lịch cắt điện tuần sau';
    const res = await d.post('/quan-tri/bai-viet/moi', fields(title));
    const id = Number(/bai-viet\/(\d+)/.exec(res.headers.location as string)![1]);
    await d.post(`/quan-tri/bai-viet/${id}/gui-duyet`);
    assert.equal((await c.post(`/quan-tri/bai-viet/${id}/hen-gio`, { publish_at: '2026-12-20T08:00' })).statusCode, 303);
    assert.equal((await save(b, id, title, { sapo: 'B sửa sau khi hẹn giờ.' })).statusCode, 303);
    assert.equal((await row(id)).status, 'submitted');
    assert.deepEqual(await publishDue(db.db, app.cong.pageCache, new Date('2026-12-21T00:00:00.000Z')), []);
  });

  test('returning a pending edit needs a reason, which the editors read; bad input keeps the pending text', async () => {
    const { a, c } = get();
    const title = 'Danh sách hộ nghèo năm 2027';
    const { id } = await published(title);
    assert.equal((await save(a, id, title, { sapo: 'Sửa chưa kỹ.' })).statusCode, 303);
    const empty = await save(a, id, '   ', { sapo: 'Tôi vừa gõ cái này' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /Vui lòng nhập tiêu đề bài viết\./);
    assert.match(empty.body, /Tôi vừa gõ cái này/);
    assert.match((await pending(id))!.snapshot, /Sửa chưa kỹ\./, 'nothing stored lost');
    tick();
    await a.post(`/quan-tri/bai-viet/${id}/ban-sua/gui-duyet`);
    const noReason = await c.post(`/quan-tri/bai-viet/${id}/ban-sua/tra-lai`, { edit_reason: '  ' });
    assert.equal(noReason.statusCode, 422);
    assert.match(noReason.body, /Vui lòng nhập lý do trả lại bản sửa/);
    assert.equal((await pending(id))!.status, 'submitted');
    tick();
    assert.equal((await c.post(`/quan-tri/bai-viet/${id}/ban-sua/tra-lai`, { edit_reason: 'Thiếu số hộ cận nghèo.' })).statusCode, 303);
    assert.match((await a.get(`/quan-tri/bai-viet/${id}`)).body, /Lý do trả lại bản sửa:<\/strong> Thiếu số hộ cận nghèo\./);
    assert.equal((await c.post(`/quan-tri/bai-viet/${id}/ban-sua/duyet`)).statusCode, 403, 'a returned edit is not approved');
    assert.equal(await audits(id, 'article.edit_return'), 1);
  });

  test('two people saving the same published article at once: one pending edit, the other keeps their text with a message', async () => {
    const { a, b } = get();
    const title = 'Thông báo lịch nghỉ Tết';
    const { id } = await published(title);
    const version = /name="_version" value="([^"]+)"/.exec((await a.get(`/quan-tri/bai-viet/${id}`)).body)![1]!;
    tick();
    const answers = await Promise.all([
      a.post(`/quan-tri/bai-viet/${id}/luu`, fields(title, { _version: version, sapo: 'Bản của A.' })),
      b.post(`/quan-tri/bai-viet/${id}/luu`, fields(title, { _version: version, sapo: 'Bản của B.' })),
    ]);
    assert.deepEqual(answers.map((r) => r.statusCode).sort(), [303, 409]);
    const loser = answers.find((r) => r.statusCode === 409)!;
    assert.match(loser.body, /vừa được người khác lưu/);
    const winner = answers[0]!.statusCode === 303 ? 'Bản của A.' : 'Bản của B.';
    assert.match((await pending(id))!.snapshot, new RegExp(winner));
    assert.equal(await audits(id, 'article.edit_pending'), 1);
  });

  test('turning the rule off does not let a change join a pending edit and go live unapproved', async () => {
    const { a, d, db, app } = get();
    const title = 'Kế hoạch phòng chống bão số 9';
    const { id, path } = await published(title);
    assert.equal((await save(a, id, title, { sapo: 'Bản sửa trước khi tắt.' })).statusCode, 303);
    const rule = async (on: boolean) => {
      const site = await db.db.selectFrom('sites').select('settings').where('id', '=', 1).executeTakeFirstOrThrow();
      await db.db.updateTable('sites').set({ settings: JSON.stringify({ ...JSON.parse(site.settings), twoPersonRule: on }) }).where('id', '=', 1).execute();
      await app.cong.sites.reload();
    };
    await rule(false);
    try {
      assert.equal((await save(d, id, title, { sapo: 'Bản sửa sau khi tắt.' })).statusCode, 303);
      assert.match((await pending(id))!.snapshot, /Bản sửa sau khi tắt\./);
      assert.match((await publicGet(path)).body, /Bản đã duyệt\./);
    } finally {
      await rule(true);
    }
  });

  test('two approvals in parallel publish once, with one audit row and one revision', async () => {
    const { a, c, e, db } = get();
    const title = 'Thông báo tuyển dụng viên chức';
    const { id, path } = await published(title);
    assert.equal((await save(a, id, title, { sapo: 'Bản sửa được duyệt một lần.' })).statusCode, 303);
    tick();
    await a.post(`/quan-tri/bai-viet/${id}/ban-sua/gui-duyet`);
    const revs = async () => (await db.db.selectFrom('article_revisions').select('id').where('article_id', '=', id).execute()).length;
    const before = await revs();
    tick();
    const answers = await Promise.all([c.post(`/quan-tri/bai-viet/${id}/ban-sua/duyet`), e.post(`/quan-tri/bai-viet/${id}/ban-sua/duyet`)]);
    assert.deepEqual(answers.map((r) => r.statusCode === 303).sort(), [false, true], answers.map((r) => r.statusCode).join(','));
    assert.ok([404, 409].includes(answers.find((r) => r.statusCode !== 303)!.statusCode));
    assert.equal(await audits(id, 'article.edit_approve'), 1);
    assert.equal(await revs(), before + 1);
    assert.match((await publicGet(path)).body, /Bản sửa được duyệt một lần\./);
  });
}, async ({ app }: { app: FastifyInstance }) => {
  await app.close();
});
