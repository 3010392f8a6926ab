import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NAM_HONG_LINH, BAC_HONG_LINH } from '../helpers/app.js';
import { AdminClient, makeUser } from '../helpers/admin.js';
import { describeEachDb, type TestDb } from '../helpers/db.js';
import { ask, freshIp, get, LOOKUP, post, setup, text } from './helpers.js';

const BASE = '/quan-tri/hoi-dap';

async function setupWithUsers(db: TestDb) {
  // The page cache is on (60 s): publishing must purge the section's pages.
  const env = await setup(db, { cacheSeconds: 60 });
  const hl = env.siteId;
  const ids = {
    editor: await makeUser(db.db, 'hd_bientap', [{ siteId: hl, role: 'editor' }]),
    moderator: await makeUser(db.db, 'hd_kiemduyet', [{ siteId: hl, role: 'moderator' }]),
    approver: await makeUser(db.db, 'hd_truongban', [{ siteId: hl, role: 'approver' }]),
    contributor: await makeUser(db.db, 'hd_ctv', [{ siteId: hl, role: 'contributor' }]),
    otherAdmin: await makeUser(db.db, 'hd_qt_nhl', [{ siteId: env.otherSiteId, role: 'site_admin' }]),
  };
  return { ...env, ids };
}

describeEachDb('Hỏi đáp: the back office', setupWithUsers, (env) => {
  const newQuestion = async () => {
    const { app, db, siteId } = env();
    const r = await ask(app, db, siteId, { ip: freshIp() });
    const row = await db.db.selectFrom('questions').selectAll().where('title', '=', r.fields.tieu_de!).executeTakeFirstOrThrow();
    return { ...r, id: row.id };
  };
  const lookupText = async (code: string) => text((await post(env().app, LOOKUP, { ma: code }, { ip: freshIp() })).body);

  test('the queue: counts per status, filters, the asker\'s details for staff, overdue demo questions marked', async () => {
    const { app } = env();
    const ed = await AdminClient.login(app, NAM_HONG_LINH, 'hd_bientap');
    const res = await ed.get(BASE);
    assert.equal(res.statusCode, 200);
    const t = text(res.body);
    assert.match(t, /Đã trả lời: 8/);
    assert.match(t, /Đã tiếp nhận: \d+/);
    assert.match(t, /Đang xử lý: 1/);
    assert.match(t, /Xưởng cưa gỗ hoạt động ban đêm gây tiếng ồn \(phản ánh, kiến nghị\) Quá hạn/);
    assert.doesNotMatch(t, /Diện tích tối thiểu được tách thửa đất ở Quá hạn/, "answered questions are never overdue");
    const filtered = text((await ed.get(`${BASE}?trang_thai=dang-xu-ly`)).body);
    assert.ok(filtered.includes('Xưởng cưa gỗ'));
    assert.ok(!filtered.includes('Đèn chiếu sáng đường Trần Phú'));
    const unassigned = text((await ed.get(`${BASE}?trang_thai=da-tiep-nhan&nguoi_xu_ly=0`)).body);
    assert.ok(unassigned.includes('Đèn chiếu sáng đường Trần Phú'));
  });

  test('assign → answer (draft, then answered) → publish → shown on /hoi-dap without name or contact → unpublish', async () => {
    const { app, db, ids } = env();
    const q = await newQuestion();
    const before = await get(app, '/hoi-dap');
    assert.ok(!before.body.includes(q.fields.tieu_de!), 'not public yet (and now cached)');
    const ed = await AdminClient.login(app, NAM_HONG_LINH, 'hd_bientap');
    const detail = await ed.get(`${BASE}/${q.id}`);
    assert.equal(detail.statusCode, 200);
    assert.ok(text(detail.body).includes('0912345678') && text(detail.body).includes('lan.nguyen@gmail.com'), 'staff see the contact');

    assert.equal((await ed.post(`${BASE}/${q.id}/giao`, { nguoi_xu_ly: String(ids.moderator) })).statusCode, 303);
    let row = await db.db.selectFrom('questions').selectAll().where('id', '=', q.id).executeTakeFirstOrThrow();
    assert.equal(row.assignee_id, ids.moderator);
    assert.equal(row.status, 'processing');
    assert.match(await lookupText(q.code), /Tình trạng: Đang xử lý/);

    const mod = await AdminClient.login(app, NAM_HONG_LINH, 'hd_kiemduyet');
    assert.equal((await mod.post(`${BASE}/${q.id}/tra-loi`, { tra_loi: 'Bản nháp <b>trả lời</b>.' })).statusCode, 303);
    row = await db.db.selectFrom('questions').selectAll().where('id', '=', q.id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'processing');
    assert.equal(row.answered_at, null);
    assert.equal((await mod.post(`${BASE}/${q.id}/cong-khai`)).statusCode, 422, 'a question without an answer cannot be published');

    const answer = 'Theo Luật Cư trú, hồ sơ gồm tờ khai thay đổi thông tin cư trú.\n\nBà nộp tại Công an phường <script>x</script>.';
    assert.equal((await mod.post(`${BASE}/${q.id}/tra-loi`, { tra_loi: answer, danh_dau: '1' })).statusCode, 303);
    row = await db.db.selectFrom('questions').selectAll().where('id', '=', q.id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'answered');
    assert.equal(row.answered_by, ids.moderator);
    assert.ok(row.answered_at);
    const looked = await lookupText(q.code);
    assert.match(looked, /Tình trạng: Đã trả lời/);
    assert.ok(looked.includes('Theo Luật Cư trú'), 'the asker sees the answer before (and without) publication');

    assert.equal((await mod.post(`${BASE}/${q.id}/cong-khai`)).statusCode, 303);
    const list = await get(app, '/hoi-dap');
    assert.ok(list.body.includes(q.fields.tieu_de!), 'the cached list was purged');
    const href = `/hoi-dap/${row.slug}-${row.id}`;
    const page = await get(app, href);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('&lt;script>x&lt;/script>') || page.body.includes('&lt;script&gt;x&lt;/script&gt;'), 'the answer is escaped');
    assert.ok(!page.body.includes('<script>x</script>'));
    for (const secret of ['Nguyễn Thị Lan', '0912345678', '0912 345 678', 'lan.nguyen@gmail.com', 'Tổ dân phố 6']) {
      assert.ok(!page.body.includes(secret), `the Q&A page does not show ${secret}`);
      assert.ok(!list.body.includes(secret), `the list does not show ${secret}`);
    }
    assert.match(text(page.body), /Công dân hỏi ngày \d{2} tháng \d{2} năm \d{4}/);
    assert.match(await lookupText(q.code), /Xem trên trang Hỏi đáp/);

    assert.equal((await ed.post(`${BASE}/${q.id}/go`)).statusCode, 303);
    assert.equal((await get(app, href)).statusCode, 404);
    assert.ok(!(await get(app, '/hoi-dap')).body.includes(q.fields.tieu_de!));

    const audit = await db.db.selectFrom('audit_log').select(['action', 'user_id', 'before_json', 'after_json']).where('entity_type', '=', 'question').where('entity_id', '=', String(q.id)).orderBy('id').execute();
    assert.deepEqual(audit.map((a) => a.action), ['question.assign', 'question.answer_edit', 'question.answer', 'question.publish', 'question.unpublish']);
    assert.equal(audit[3]!.user_id, ids.moderator);
    assert.ok(!JSON.stringify(audit).includes('lan.nguyen@gmail.com'), 'the audit log keeps no contact data');
  });

  test('reject with a reason: the asker sees "Không tiếp nhận" and the reason; an empty reason keeps the form', async () => {
    const { app, db } = env();
    const q = await newQuestion();
    const ap = await AdminClient.login(app, NAM_HONG_LINH, 'hd_truongban');
    const empty = await ap.post(`${BASE}/${q.id}/tu-choi`, { ly_do: '  ' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /Vui lòng nhập lý do không tiếp nhận\./);
    const reason = 'Nội dung không thuộc thẩm quyền của Ủy ban nhân dân phường; đề nghị liên hệ Tòa án nhân dân khu vực.';
    assert.equal((await ap.post(`${BASE}/${q.id}/tu-choi`, { ly_do: reason })).statusCode, 303);
    const t = await lookupText(q.code);
    assert.match(t, /Tình trạng: Không tiếp nhận/);
    assert.ok(t.includes(reason));
    const row = await db.db.selectFrom('questions').selectAll().where('id', '=', q.id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'rejected');
    assert.equal((await ap.post(`${BASE}/${q.id}/tra-loi`, { tra_loi: 'Trả lời', danh_dau: '1' })).statusCode, 422, 'a refused question cannot be answered');
  });

  test('bad input: an answer too long keeps the text; an assignee from another site is refused; missing CSRF is refused', async () => {
    const { app, db, ids } = env();
    const q = await newQuestion();
    const ed = await AdminClient.login(app, NAM_HONG_LINH, 'hd_bientap');
    const long = 'dài '.repeat(2600);
    const res = await ed.post(`${BASE}/${q.id}/tra-loi`, { tra_loi: long, danh_dau: '1' });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Nội dung trả lời dài tối đa 10\.000 ký tự/);
    assert.ok(res.body.includes('dài dài dài'));
    assert.equal((await ed.post(`${BASE}/${q.id}/tra-loi`, { tra_loi: '', danh_dau: '1' })).statusCode, 422);
    const other = await ed.post(`${BASE}/${q.id}/giao`, { nguoi_xu_ly: String(ids.otherAdmin) });
    assert.equal(other.statusCode, 422);
    assert.match(other.body, /không phải cán bộ xử lý hỏi đáp của trang này/);
    assert.equal((await ed.post(`${BASE}/${q.id}/giao`, { nguoi_xu_ly: String(ids.contributor) })).statusCode, 422, 'a contributor cannot be assigned');
    assert.equal((await ed.post(`${BASE}/${q.id}/giao`, { nguoi_xu_ly: String(ids.moderator) }, { csrf: null })).statusCode, 403);
    const row = await db.db.selectFrom('questions').selectAll().where('id', '=', q.id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'received');
    assert.equal(row.assignee_id, null);
    assert.equal((await ed.get(`${BASE}/abc`)).statusCode, 404);
    assert.equal((await ed.get(`${BASE}/99999999`)).statusCode, 404);
  });

  test('permissions: a contributor gets 403 everywhere; another site\'s question is 404; editors may not change topics', async () => {
    const { app, db, otherSiteId } = env();
    const q = await newQuestion();
    const ctv = await AdminClient.login(app, NAM_HONG_LINH, 'hd_ctv');
    for (const url of [BASE, `${BASE}/${q.id}`, `${BASE}/thong-ke`, `${BASE}/chu-de`]) assert.equal((await ctv.get(url)).statusCode, 403, url);
    for (const [url, body] of [[`${BASE}/${q.id}/giao`, { nguoi_xu_ly: '' }], [`${BASE}/${q.id}/tra-loi`, { tra_loi: 'x', danh_dau: '1' }], [`${BASE}/${q.id}/cong-khai`, {}], [`${BASE}/${q.id}/tu-choi`, { ly_do: 'x' }], [`${BASE}/chu-de`, { ten: 'Mới' }]] as const) {
      assert.equal((await ctv.post(url, body)).statusCode, 403, url);
    }
    const theirs = await db.db.selectFrom('questions').select('id').where('site_id', '=', otherSiteId).executeTakeFirstOrThrow();
    const ed = await AdminClient.login(app, NAM_HONG_LINH, 'hd_bientap');
    assert.equal((await ed.get(`${BASE}/${theirs.id}`)).statusCode, 404);
    assert.equal((await ed.post(`${BASE}/${theirs.id}/tu-choi`, { ly_do: 'Không' })).statusCode, 404);
    assert.equal((await ed.post(`${BASE}/chu-de`, { ten: 'Giáo dục' })).statusCode, 403);
    const nhl = await AdminClient.login(app, BAC_HONG_LINH, 'hd_qt_nhl');
    assert.equal((await nhl.get(`${BASE}/${q.id}`)).statusCode, 404, 'the other site\'s admin does not see ours');
    const row = await db.db.selectFrom('questions').select('status').where('id', '=', q.id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'received');
  });

  test('topics: add (shown on the form and the public list), rename, refuse a duplicate, delete', async () => {
    const { app, db, siteId } = env();
    const ap = await AdminClient.login(app, NAM_HONG_LINH, 'hd_truongban');
    assert.equal((await get(app, '/hoi-dap')).statusCode, 200);
    assert.equal((await ap.post(`${BASE}/chu-de`, { ten: 'Giáo dục – Y tế' })).statusCode, 303);
    assert.match((await get(app, '/hoi-dap/gui-cau-hoi')).body, />Giáo dục – Y tế<\/option>/);
    assert.match((await get(app, '/hoi-dap')).body, /href="\/hoi-dap\/chu-de\/giao-duc-y-te"/, 'the cached list was purged');
    const dup = await ap.post(`${BASE}/chu-de`, { ten: 'giáo dục – y tế' });
    assert.equal(dup.statusCode, 422);
    assert.match(dup.body, /Đã có chủ đề trùng tên này\./);
    assert.equal((await ap.post(`${BASE}/chu-de`, { ten: '' })).statusCode, 422);
    const t = await db.db.selectFrom('question_topics').selectAll().where('site_id', '=', siteId).where('slug', '=', 'giao-duc-y-te').executeTakeFirstOrThrow();
    assert.equal((await ap.post(`${BASE}/chu-de/${t.id}`, { ten: 'Giáo dục' })).statusCode, 303);
    assert.equal((await get(app, '/hoi-dap/chu-de/giao-duc')).statusCode, 200);
    assert.equal((await ap.post(`${BASE}/chu-de/${t.id}/xoa`)).statusCode, 303);
    assert.equal((await get(app, '/hoi-dap/chu-de/giao-duc')).statusCode, 404);
    const actions = await db.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'question_topic').where('entity_id', '=', String(t.id)).orderBy('id').execute();
    assert.deepEqual(actions.map((a) => a.action), ['question_topic.create', 'question_topic.update', 'question_topic.delete']);
  });

  test('the audit page names the actions in Vietnamese', async () => {
    const { app } = env();
    const admin = await makeUser(env().db.db, 'hd_quantri', [{ siteId: env().siteId, role: 'site_admin' }]);
    assert.ok(admin);
    const qt = await AdminClient.login(app, NAM_HONG_LINH, 'hd_quantri');
    const res = await qt.get('/quan-tri/nhat-ky');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<option value="question.publish">Công khai hỏi đáp<\/option>/);
  });
});
