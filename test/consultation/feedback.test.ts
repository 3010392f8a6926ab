import assert from 'node:assert/strict';
import { test } from 'node:test';
import { daysLeft, deadlineText, isOpen } from '../../src/features/consultation/deadline.js';
import { BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { freshIp, get, post, questionOf, solvedAltcha, text } from '../interact/helpers.js';
import { FEEDBACK, feedbackCount, setup } from './helpers.js';

test('the deadline is the whole last day in Vietnam; "còn N ngày"', () => {
  const now = new Date('2026-11-26T16:30:00Z'); // 23:30 on 26/11 in Hà Nội
  assert.equal(isOpen('2026-11-26', now), true);
  assert.equal(isOpen('2026-11-25', now), false);
  assert.equal(isOpen(null, now), false);
  assert.equal(isOpen('2026-11-26', new Date('2026-11-26T17:00:00Z')), false, 'midnight in Vietnam closes it');
  assert.equal(daysLeft('2026-12-26', now), 30);
  assert.equal(deadlineText('2026-12-26', now), 'Hạn góp ý: hết ngày 26 tháng 12 năm 2026 (còn 30 ngày)');
  assert.equal(deadlineText('2026-11-26', now), 'Hạn góp ý: hết ngày 26 tháng 11 năm 2026 (hôm nay là ngày cuối)');
});

describeEachDb('draft feedback (Góp ý dự thảo)', setup, (env) => {
  const page = (id: number, ip = freshIp()) => get(env().app, `/gop-y-du-thao/${id}`, { ip });

  test('/gop-y-du-thao lists open drafts with the long date and days left, closed ones separately, this site only', async () => {
    const { app } = env();
    const res = await get(app, '/gop-y-du-thao');
    assert.equal(res.statusCode, 200);
    const t = text(res.body);
    const closedAt = t.indexOf('Đã hết hạn góp ý Dự thảo');
    assert.ok(closedAt > 0);
    const open = t.slice(0, closedAt);
    assert.match(open, /Dự thảo Kế hoạch chỉnh trang đô thị.*Hạn góp ý: hết ngày \d{2} tháng \d{2} năm \d{4} \(còn 14 ngày\) · Đã có 2 ý kiến góp ý/);
    assert.match(open, /cây xanh đô thị/, 'the library\'s own draft is listed too');
    assert.match(t.slice(closedAt), /nhà văn hóa tổ dân phố.*Đã hết thời hạn góp ý/);
    assert.doesNotMatch(t, /thu gom, vận chuyển rác thải/);
    assert.match(text((await get(app, '/gop-y-du-thao', { host: BAC_HONG_LINH })).body), /thu gom, vận chuyển rác thải/);
  });

  test('a draft page: summary, file link from the library, count, the form; contact details never shown', async () => {
    const { openId } = env();
    const res = await page(openId);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.equal(res.headers['x-robots-tag'], undefined, 'the draft is public content: indexable');
    const t = text(res.body);
    assert.match(t, /Số, ký hiệu 09\/DT-UBND/);
    assert.match(t, /Đã có 2 ý kiến góp ý/);
    assert.match(res.body, /<a href="\/van-ban\/tai-ve\/\d+" download>Tải về: Dự thảo Kế hoạch 09-DT-UBND\.pdf<\/a>/);
    assert.match(res.body, new RegExp(`<form method="post" action="/gop-y-du-thao/${openId}"`));
    for (const name of ['ho_ten', 'email', 'co_quan', 'noi_dung', 'website', 'ma_cau_hoi', 'dap_an']) assert.match(res.body, new RegExp(`name="${name}"`));
    assert.match(t, /Câu hỏi: \S+ (cộng|trừ) \S+ bằng mấy\?/);
    assert.doesNotMatch(res.body, /Mã xác thực không đúng/, 'no error before any submission');
    for (const secret of ['0912 345 678', 'lethimai.hl@gmail.com', 'Trần Văn Hùng', 'lát vỉa hè']) assert.ok(!res.body.includes(secret), `feedback is not published: ${secret}`);
  });

  test('no JS: a wrong answer says "Mã xác thực không đúng.", keeps every typed text and stores nothing; the right one is stored, not published', async () => {
    const { app, db, openId } = env();
    const ip = freshIp();
    const before = await feedbackCount(db.db, openId);
    const q = questionOf((await page(openId, ip)).body);
    const wrong = await post(app, `/gop-y-du-thao/${openId}`, { ...FEEDBACK, ma_cau_hoi: q.token, dap_an: String(Number(q.answer) + 1) }, { ip });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /<p class="field-error" id="bl-xac-thuc-loi">Mã xác thực không đúng\.<\/p>/);
    assert.match(wrong.body, /value="Phạm Thị Hoa"/);
    assert.match(wrong.body, /value="0905 123 456"/);
    assert.match(wrong.body, /value="Hội Phụ nữ tổ dân phố 7"/);
    assert.match(wrong.body, />Đề nghị bố trí thêm thùng rác công cộng dọc tuyến phố văn minh\.<\/textarea>/);
    assert.equal(await feedbackCount(db.db, openId), before);
    const q2 = questionOf(wrong.body);
    assert.notEqual(q2.token, q.token, 'a fresh question');
    const ok = await post(app, `/gop-y-du-thao/${openId}`, { ...FEEDBACK, ma_cau_hoi: q2.token, dap_an: q2.answer }, { ip });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, `/gop-y-du-thao/${openId}/da-gui`);
    assert.match(text((await get(app, ok.headers.location as string)).body), /Cảm ơn bạn đã góp ý/);
    const row = await db.db.selectFrom('draft_feedback').selectAll().where('document_id', '=', openId).orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual([row.name, row.contact, row.organisation, row.processed], ['Phạm Thị Hoa', '0905 123 456', 'Hội Phụ nữ tổ dân phố 7', 0]);
    assert.doesNotMatch(JSON.stringify(row), /198\.51|Android/, 'no IP address or user agent stored');
    const after = await page(openId);
    assert.match(text(after.body), /Đã có 3 ý kiến góp ý/);
    assert.ok(!after.body.includes('0905 123 456') && !after.body.includes('thùng rác công cộng'), 'neither contact nor feedback is published');
    assert.match(text((await get(app, '/gop-y-du-thao')).body), /Đã có 3 ý kiến góp ý/, 'the cached list was purged');
    const replay = await post(app, `/gop-y-du-thao/${openId}`, { ...FEEDBACK, noi_dung: 'Ý kiến khác hẳn.', ma_cau_hoi: q2.token, dap_an: q2.answer }, { ip });
    assert.match(replay.body, /Mã xác thực không đúng\./, 'a used question cannot be used again');
  });

  test('bad input: messages next to the fields, HTML kept as text and shown escaped, nothing stored', async () => {
    const { app, db, openId } = env();
    const before = await feedbackCount(db.db, openId);
    const empty = await post(app, `/gop-y-du-thao/${openId}`, { ho_ten: ' ', email: '', noi_dung: '  ' }, { ip: freshIp() });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /id="bl-ho-ten-loi">Vui lòng nhập họ tên\./);
    assert.match(empty.body, /id="bl-email-loi">Vui lòng nhập email hoặc số điện thoại/);
    assert.match(empty.body, /id="bl-noi-dung-loi">Vui lòng nhập nội dung góp ý\./);
    assert.match(empty.body, /id="bl-xac-thuc-loi">Mã xác thực không đúng\./);
    const bad = await post(app, `/gop-y-du-thao/${openId}`, { ...FEEDBACK, email: 'không phải email', co_quan: 'x'.repeat(201), noi_dung: '<script>alert(1)</script>' + 'ơ'.repeat(10_001), ma_cau_hoi: 'a.b.c', dap_an: '3' }, { ip: freshIp() });
    assert.match(bad.body, /id="bl-email-loi">Email hoặc số điện thoại không hợp lệ/);
    assert.match(bad.body, /id="bl-co-quan-loi">Cơ quan, đơn vị dài tối đa 200 ký tự\./);
    assert.match(bad.body, /Nội dung góp ý dài tối đa 10\.000 ký tự \(bạn đã nhập 10\.026 ký tự\)\./);
    assert.match(bad.body, />&lt;script>alert\(1\)&lt;\/script>ơơ/);
    assert.doesNotMatch(bad.body, /<script>alert/);
    assert.equal(await feedbackCount(db.db, openId), before);
  });

  test('ALTCHA (with JS, JSON answers), duplicates, honeypot', async () => {
    const { app, db, openId } = env();
    const ip = freshIp();
    const before = await feedbackCount(db.db, openId);
    const altcha = await solvedAltcha(app, ip);
    const body = { ...FEEDBACK, email: 'Hoa.Pham@Gmail.com', noi_dung: 'Góp ý gửi bằng trình duyệt có JavaScript.', altcha };
    const ok = await post(app, `/gop-y-du-thao/${openId}`, body, { ip, json: true });
    assert.equal(ok.statusCode, 200);
    assert.deepEqual(ok.json(), { ok: true, message: 'Cảm ơn bạn đã góp ý. Ý kiến của bạn đã được gửi đến cơ quan soạn thảo.' });
    assert.equal((await db.db.selectFrom('draft_feedback').select('contact').orderBy('id', 'desc').executeTakeFirstOrThrow()).contact, 'hoa.pham@gmail.com');
    const again = await post(app, `/gop-y-du-thao/${openId}`, { ...body, noi_dung: 'Một góp ý khác.' }, { ip, json: true });
    assert.equal(again.statusCode, 422);
    assert.deepEqual(again.json().errors, { xac_thuc: 'Mã xác thực không đúng.' }, 'a solved challenge is accepted once');
    const dup = await post(app, `/gop-y-du-thao/${openId}`, { ...body, noi_dung: 'góp ý GỬI bằng trình duyệt có Javascript', altcha: await solvedAltcha(app, ip) }, { ip, json: true });
    assert.deepEqual(dup.json().errors, { noi_dung: 'Góp ý này đã được gửi trước đó.' });
    const robot = await post(app, `/gop-y-du-thao/${openId}`, { ...FEEDBACK, noi_dung: 'Quảng cáo', website: 'http://spam.example' }, { ip: freshIp() });
    assert.equal(robot.statusCode, 303);
    assert.equal(await feedbackCount(db.db, openId), before + 1);
  });

  test('after the deadline: "Đã hết thời hạn góp ý" instead of the form, and posts are refused', async () => {
    const { app, db, closedId } = env();
    const res = await page(closedId);
    assert.match(text(res.body), /Đã hết thời hạn góp ý\./);
    assert.doesNotMatch(res.body, /name="noi_dung"/);
    const before = await feedbackCount(db.db, closedId);
    const late = await post(app, `/gop-y-du-thao/${closedId}`, { ...FEEDBACK, altcha: await solvedAltcha(app) }, { ip: freshIp(), json: true });
    assert.equal(late.statusCode, 409);
    assert.match(late.json().errors._form, /^Đã hết thời hạn góp ý/);
    assert.equal((await post(app, `/gop-y-du-thao/${closedId}`, FEEDBACK, { ip: freshIp() })).statusCode, 409);
    assert.equal(await feedbackCount(db.db, closedId), before);
  });

  test('other sites\' drafts, documents that are not drafts, unpublished drafts and bad ids are 404', async () => {
    const { app, db, siteId, theirsId, openId } = env();
    const notDraft = await db.db.selectFrom('documents').select('id').where('site_id', '=', siteId).where('status', '!=', 'du-thao').executeTakeFirstOrThrow();
    for (const id of [theirsId, notDraft.id, 99999999]) {
      assert.equal((await page(id)).statusCode, 404, `GET ${id}`);
      assert.equal((await post(app, `/gop-y-du-thao/${id}`, FEEDBACK, { ip: freshIp() })).statusCode, 404, `POST ${id}`);
    }
    assert.equal((await get(app, '/gop-y-du-thao/abc')).statusCode, 404);
    assert.equal((await get(app, `/gop-y-du-thao/${theirsId}`, { host: BAC_HONG_LINH })).statusCode, 200);
    await db.db.updateTable('documents').set({ published: 0 }).where('id', '=', openId).execute();
    assert.equal((await page(openId)).statusCode, 404);
    await db.db.updateTable('documents').set({ published: 1 }).where('id', '=', openId).execute();
    const evil = await post(app, `/gop-y-du-thao/${openId}`, FEEDBACK, { headers: { origin: 'https://evil.example' } });
    assert.equal(evil.statusCode, 403);
  });

  test('/sitemap.xml lists the drafts of this site', async () => {
    const { app, openId, closedId, theirsId } = env();
    const xml = (await get(app, '/sitemap.xml')).body;
    assert.match(xml, /\/gop-y-du-thao<\/loc>/);
    for (const id of [openId, closedId]) assert.match(xml, new RegExp(`/gop-y-du-thao/${id}</loc>`));
    assert.doesNotMatch(xml, new RegExp(`/gop-y-du-thao/${theirsId}</loc>`));
  });

  test('rate limit: a sixth feedback from one address within ten minutes is refused', async () => {
    const { app, db, openId } = env();
    const ip = freshIp();
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const q = questionOf((await page(openId, ip)).body);
      codes.push((await post(app, `/gop-y-du-thao/${openId}`, { ...FEEDBACK, noi_dung: `Góp ý số ${i + 1} về mục ${i + 2}.`, ma_cau_hoi: q.token, dap_an: q.answer }, { ip })).statusCode);
    }
    assert.deepEqual(codes, [303, 303, 303, 303, 303, 429]);
    assert.equal((await db.db.selectFrom('draft_feedback').select('id').where('content', '=', 'Góp ý số 6 về mục 7.').execute()).length, 0);
  });
}, async ({ app }) => app.close());
