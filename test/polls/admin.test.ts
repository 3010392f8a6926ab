import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadActor } from '../../src/kernel/access/actor.js';
import { AppError } from '../../src/kernel/lib/errors.js';
import { savePoll } from '../../src/features/polls/commands/save-poll.js';
import { AdminClient, makeUser } from '../helpers/admin.js';
import { NAM_HONG_LINH, BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb, type TestDb } from '../helpers/db.js';
import { freshIp, get, text } from '../interact/helpers.js';
import { fieldError, lastAudit } from '../site-admin/helpers.js';
import { makePoll, setup, vote } from './helpers.js';

const PATH = '/quan-tri/tham-do';

async function fixture(db: TestDb) {
  const env = await setup(db);
  const { app, siteId, otherSiteId } = env;
  await makeUser(db.db, 'bientap', [{ siteId, role: 'editor' }]);
  await makeUser(db.db, 'truongban', [{ siteId, role: 'approver' }]);
  await makeUser(db.db, 'congtacvien', [{ siteId, role: 'contributor' }]);
  await makeUser(db.db, 'kiemduyet', [{ siteId, role: 'moderator' }]);
  await makeUser(db.db, 'quantri2', [{ siteId: otherSiteId, role: 'site_admin' }]);
  const other = await AdminClient.login(app, BAC_HONG_LINH, 'quantri2');
  return {
    ...env,
    editor: await AdminClient.login(app, NAM_HONG_LINH, 'bientap'),
    approver: await AdminClient.login(app, NAM_HONG_LINH, 'truongban'),
    contributor: await AdminClient.login(app, NAM_HONG_LINH, 'congtacvien'),
    moderator: await AdminClient.login(app, NAM_HONG_LINH, 'kiemduyet'),
    otherAdmin: Object.assign(new AdminClient(app, NAM_HONG_LINH), { cookie: other.cookie, csrf: other.csrf }),
    other,
  };
}

const GOOD = { cau_hoi: 'Ông/bà đánh giá thế nào về  chợ Hồng Lĩnh?', pa_moi: ['Tốt', 'Bình thường', '', 'Chưa tốt'], kieu: '0', toi_da: '', bat_dau: '2026-11-01T07:00', ket_thuc: '2027-01-31T17:00', ket_qua: 'always', dang: '1' };

describeEachDb('polls in the back office', fixture, (env) => {
  const count = async () => Number((await env().db.db.selectFrom('polls').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  test('site admins, approvers and editors manage polls; contributors, moderators and other sites\' admins get 403', async () => {
    const { editor, approver, contributor, moderator, otherAdmin } = env();
    assert.equal((await editor.get(PATH)).statusCode, 200);
    assert.match((await approver.get(PATH)).body, /Bộ phận Một cửa/);
    for (const c of [contributor, moderator, otherAdmin]) {
      assert.equal((await c.get(PATH)).statusCode, 403);
      assert.equal((await c.get(`${PATH}/moi`)).statusCode, 403);
      assert.equal((await c.post(PATH, GOOD)).statusCode, 403);
    }
    assert.equal(await count(), 5);
  });

  test('the command itself refuses people without the right role', async () => {
    const { db, app, siteId } = env();
    const user = await db.db.selectFrom('users').selectAll().where('username', '=', 'congtacvien').executeTakeFirstOrThrow();
    const cx = { db: db.db, site: app.cong.sites.resolve(NAM_HONG_LINH)!, actor: await loadActor(db.db, user), now: new Date(), cache: app.cong.pageCache };
    assert.equal(cx.site.id, siteId);
    await assert.rejects(
      savePoll(cx, null, { question: 'Câu hỏi?', multiple: '0', max_choices: '', opens_at: '2026-11-01T07:00', closes_at: '', results: 'always', published: '1', existing: [], added: ['A', 'B'] }),
      (e) => e instanceof AppError && e.status === 403,
    );
  });

  test('bad input: Vietnamese messages next to the fields, typed text kept, nothing stored', async () => {
    const { editor } = env();
    const before = await count();
    const empty = await editor.post(PATH, { ...GOOD, cau_hoi: '  ', pa_moi: ['Chỉ một', ''], bat_dau: '', ket_thuc: 'ngày mai' });
    assert.equal(empty.statusCode, 422);
    assert.equal(fieldError(empty.body, 'cau_hoi'), 'Vui lòng nhập câu hỏi.');
    assert.equal(fieldError(empty.body, 'phuong_an'), 'Cần ít nhất 2 phương án.');
    assert.equal(fieldError(empty.body, 'bat_dau'), 'Vui lòng nhập thời gian bắt đầu.');
    assert.match(fieldError(empty.body, 'ket_thuc')!, /không hợp lệ/);
    assert.match(empty.body, /value="Chỉ một"/);
    const dup = await editor.post(PATH, { ...GOOD, pa_moi: ['Tốt', 'tot', 'Khác'], ket_thuc: '2026-10-01T07:00' });
    assert.equal(fieldError(dup.body, 'pa_moi'), 'Phương án “tot” bị trùng.');
    const longOption = await editor.post(PATH, { ...GOOD, pa_moi: ['Tốt', 'x'.repeat(201)] });
    assert.equal(fieldError(longOption.body, 'pa_moi'), 'Mỗi phương án dài tối đa 200 ký tự.');
    assert.equal(fieldError(dup.body, 'ket_thuc'), 'Thời gian kết thúc phải sau thời gian bắt đầu.');
    const many = await editor.post(PATH, { ...GOOD, pa_moi: Array.from({ length: 11 }, (_, i) => `Phương án ${i + 1}`) });
    assert.equal(fieldError(many.body, 'phuong_an'), 'Tối đa 10 phương án (hiện có 11).');
    const limit = await editor.post(PATH, { ...GOOD, kieu: '1', toi_da: '9' });
    assert.match(fieldError(limit.body, 'toi_da')!, /từ 1 đến 3/);
    const long = await editor.post(PATH, { ...GOOD, cau_hoi: 'ơ'.repeat(301) });
    assert.equal(fieldError(long.body, 'cau_hoi'), 'Câu hỏi dài tối đa 300 ký tự.');
    assert.equal(await count(), before);
  });

  test('create: audit row, HTML kept as text and shown escaped, the public list shows it at once', async () => {
    const { editor, app, db } = env();
    await get(app, '/tham-do-y-kien');
    const res = await editor.post(PATH, { ...GOOD, cau_hoi: 'Chợ <script>alert(1)</script> mới?' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `${PATH}?tb=da-tao`);
    const p = await db.db.selectFrom('polls').selectAll().where('question', 'like', 'Chợ <script>%').executeTakeFirstOrThrow();
    const audit = await lastAudit(db, 'poll.create');
    assert.equal(audit.after.question, 'Chợ <script>alert(1)</script> mới?');
    assert.deepEqual(audit.after.options, ['Tốt', 'Bình thường', 'Chưa tốt']);
    assert.equal(p.opens_at, '2026-11-01T00:00:00.000Z', 'Vietnamese wall-clock time stored as UTC');
    const list = await get(app, '/tham-do-y-kien');
    assert.match(list.body, /Chợ &lt;script>alert\(1\)&lt;\/script> mới\?/);
    assert.doesNotMatch(list.body, /<script>alert/);
  });

  test('edit: an option with votes cannot be removed (it says so), others can; the kind is locked once voted', async () => {
    const { editor, app, db, siteId } = env();
    const p = await makePoll(db.db, siteId, { options: ['Một', 'Hai', 'Ba'] });
    assert.equal((await vote(app, p.id, [p.options[0]!], { host: NAM_HONG_LINH, ua: 'Mozilla/5.0 Firefox/128.0' })).statusCode, 303);
    const form = await editor.get(`${PATH}/${p.id}`);
    assert.match(form.body, /Đã có 1 lượt bình chọn: không xoá được\./);
    const base = { ...GOOD, cau_hoi: 'Câu hỏi đã sửa?', pa_moi: [''] };
    const locked = await editor.post(`${PATH}/${p.id}`, { ...base, [`pa_${p.options[0]}`]: '', [`pa_${p.options[1]}`]: 'Hai', [`pa_${p.options[2]}`]: 'Ba' });
    assert.equal(locked.statusCode, 422);
    assert.equal(fieldError(locked.body, `pa_${p.options[0]}`), 'Phương án “Một” đã có 1 lượt bình chọn nên không thể xoá (có thể sửa lời).');
    const kind = await editor.post(`${PATH}/${p.id}`, { ...base, kieu: '1', [`pa_${p.options[0]}`]: 'Một', [`pa_${p.options[1]}`]: 'Hai', [`pa_${p.options[2]}`]: 'Ba' });
    assert.match(kind.body, /Đã có người bình chọn nên không thể đổi kiểu/);
    assert.match((await db.db.selectFrom('polls').select('question').where('id', '=', p.id).executeTakeFirstOrThrow()).question, /^Câu hỏi thử số/, 'nothing saved');
    const ok = await editor.post(`${PATH}/${p.id}`, { ...base, [`pa_${p.options[0]}`]: 'Một (sửa lời)', [`pa_${p.options[1]}`]: '', [`pa_${p.options[2]}`]: 'Ba', pa_moi: ['Bốn'] });
    assert.equal(ok.statusCode, 303);
    const labels = (await db.db.selectFrom('poll_options').select(['label', 'votes']).where('poll_id', '=', p.id).orderBy('position').execute()).map((o) => `${o.label}:${o.votes}`);
    assert.deepEqual(labels, ['Một (sửa lời):1', 'Ba:0', 'Bốn:0']);
    const audit = await lastAudit(db, 'poll.update');
    assert.deepEqual(audit.before.options, ['Một', 'Hai', 'Ba']);
    assert.deepEqual(audit.after.options, ['Một (sửa lời)', 'Ba', 'Bốn']);
    assert.match(text((await get(app, `/tham-do-y-kien/${p.id}`)).body), /Câu hỏi đã sửa\?/);
  });

  test('close and open now, with audit rows; the public page follows', async () => {
    const { approver, app, db, siteId } = env();
    const p = await makePoll(db.db, siteId);
    assert.match((await get(app, `/tham-do-y-kien/${p.id}`)).body, /name="phuong_an"/);
    assert.equal((await approver.post(`${PATH}/${p.id}/dong`)).headers.location, `${PATH}?tb=da-dong`);
    assert.match(text((await get(app, `/tham-do-y-kien/${p.id}`)).body), /đã kết thúc/);
    assert.ok((await lastAudit(db, 'poll.close')).after.closes_at);
    await approver.post(`${PATH}/${p.id}/mo`);
    assert.equal((await lastAudit(db, 'poll.open')).after.closes_at, null);
    assert.match((await get(app, `/tham-do-y-kien/${p.id}`)).body, /name="phuong_an"/);
    assert.equal((await approver.post(`${PATH}/${p.id}/dong`, {}, { csrf: null })).statusCode, 403, 'CSRF token required');
  });

  test('results screen, delete with confirmation, other sites\' ids are 404', async () => {
    const { editor, app, db, siteId, otherSiteId } = env();
    const p = await makePoll(db.db, siteId, { question: 'Sắp xoá?' });
    const theirs = await makePoll(db.db, otherSiteId);
    assert.match((await editor.get(`${PATH}/${p.id}/ket-qua`)).body, /Tổng số: 0 lượt bình chọn/);
    const confirm = await editor.get(`${PATH}/${p.id}/xoa`);
    assert.match(confirm.body, /Bạn có chắc muốn xoá cuộc thăm dò “Sắp xoá\?”/);
    assert.equal((await editor.post(`${PATH}/${p.id}/xoa`)).statusCode, 303);
    assert.equal((await get(app, `/tham-do-y-kien/${p.id}`)).statusCode, 404);
    assert.equal((await lastAudit(db, 'poll.delete')).before.question, 'Sắp xoá?');
    for (const url of [`${PATH}/${theirs.id}`, `${PATH}/${theirs.id}/ket-qua`, `${PATH}/${theirs.id}/xoa`]) assert.equal((await editor.get(url)).statusCode, 404, url);
    for (const url of [`${PATH}/${theirs.id}`, `${PATH}/${theirs.id}/dong`, `${PATH}/${theirs.id}/xoa`]) assert.equal((await editor.post(url, GOOD)).statusCode, 404, url);
    assert.ok(await db.db.selectFrom('polls').select('id').where('id', '=', theirs.id).executeTakeFirst());
  });
}, async ({ app }) => app.close());
