import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDb } from '../helpers/db.js';
import { fieldError, lastAudit, publicGet, reportId, setupBudget, validReport } from './helpers.js';

const PATH = '/quan-tri/cong-khai-ngan-sach';

describeEachDb('budget disclosure: back office', setupBudget, (get) => {
  test('the list shows the reports; the form adds one with the slot\'s form and title filled in, audited, and the public page shows it at once', async () => {
    const { app, editor, db } = get();
    const list = await editor.get(PATH);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Quyết toán ngân sách năm 2025/);
    // Cached before the change: the write must purge it.
    assert.doesNotMatch((await publicGet(app, '/cong-khai-ngan-sach')).body, /<caption id="nam-2027">/);
    const res = await editor.post(PATH, validReport());
    assert.equal(res.statusCode, 303, res.body.slice(0, 400));
    const id = Number(/cong-khai-ngan-sach\/(\d+)/.exec(res.headers.location as string)![1]);
    const row = await db.db.selectFrom('budget_reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual([row.site_id, row.fiscal_year, row.kind, row.period, row.form_name, row.title, row.basis_on, row.published_on], [1, 2027, 'du-toan', 'nam', 'Biểu số 117/CK-NSNN, 118/CK-NSNN, 119/CK-NSNN', 'Dự toán ngân sách năm 2027', '2026-12-18', '2027-01-05']);
    const audit = await lastAudit(db, 'budget.create');
    assert.equal(audit?.entityId, String(id));
    assert.equal(audit?.after.title, 'Dự toán ngân sách năm 2027');
    const page = (await publicGet(app, '/cong-khai-ngan-sach')).body;
    assert.match(page, /<caption id="nam-2027">/);
  });

  test('bad inputs get Vietnamese messages next to their fields, the typed text comes back, nothing is stored', async () => {
    const { editor, db } = get();
    const before = await db.db.selectFrom('budget_reports').select('id').execute();
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ fiscal_year: '' }, 'fiscal_year', /^Vui lòng nhập năm ngân sách\.$/],
      [{ fiscal_year: '26' }, 'fiscal_year', /^Năm ngân sách không hợp lệ: nhập 4 chữ số, ví dụ 2026\.$/],
      [{ slot: 'khac' }, 'slot', /^Vui lòng chọn loại báo cáo\.$/],
      [{ basis_on: '' }, 'basis_on', /^Vui lòng nhập ngày hđnd quyết định dự toán: hạn công khai tính từ ngày này\.$/i],
      [{ published_on: '31/02/2027' }, 'published_on', /^Ngày công khai không hợp lệ/],
      [{ published_on: '2026-12-01' }, 'published_on', /^Ngày công khai không được trước ngày quyết định\.$/],
      [{ slot: 'thuc-hien-q1', basis_on: '', published_on: '2027-03-20' }, 'published_on', /sau khi kết thúc kỳ báo cáo \(31\/03\/2027\)/],
      [{ title: 'Dự toán\nngân sách' }, 'title', /chỉ được viết trên một dòng/],
      [{ title: 'x'.repeat(301) }, 'title', /dài tối đa 300 ký tự/],
    ];
    for (const [over, field, message] of cases) {
      const res = await editor.post(PATH, validReport({ note: 'Ghi chú “đã gõ” <giữ nguyên>', ...over }));
      assert.equal(res.statusCode, 422, JSON.stringify(over));
      assert.match(fieldError(res.body, field) ?? '', message, JSON.stringify(over));
      assert.match(res.body, /Ghi chú “đã gõ” &lt;giữ nguyên><\/textarea>/);
    }
    assert.equal((await db.db.selectFrom('budget_reports').select('id').execute()).length, before.length);
  });

  test('a second report for the same year and period is refused, also when two editors post at once', async () => {
    const { editor, db } = get();
    const dup = await editor.post(PATH, validReport({ fiscal_year: '2026', basis_on: '2025-12-18', published_on: '2026-01-09' }));
    assert.equal(dup.statusCode, 422);
    assert.match(fieldError(dup.body, 'slot') ?? '', /^Năm 2026 đã có báo cáo “Dự toán ngân sách”/);
    const racing = await Promise.all([1, 2, 3].map(() => editor.post(PATH, validReport({ fiscal_year: '2028', basis_on: '2027-12-20', published_on: '2028-01-10' }))));
    assert.deepEqual(racing.map((r) => r.statusCode).sort(), [303, 422, 422]);
    const rows = await db.db.selectFrom('budget_reports').select('id').where('site_id', '=', 1).where('fiscal_year', '=', 2028).execute();
    assert.equal(rows.length, 1);
  });

  test('editing keeps an audit of before and after; unpublishing hides the report and its file from the public', async () => {
    const { app, editor, db } = get();
    const id = await reportId(db, 1, 2026, 'thuc-hien', 'q3');
    const file = await db.db.selectFrom('budget_report_files').select('id').where('report_id', '=', id).executeTakeFirstOrThrow();
    assert.equal((await publicGet(app, `/cong-khai-ngan-sach/bao-cao/${id}`)).statusCode, 200);
    const res = await editor.post(`${PATH}/${id}`, { fiscal_year: '2026', slot: 'thuc-hien-q3', form_name: '', title: '', basis_on: '', published_on: '2026-10-12', note: '', published: '0' });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const audit = await lastAudit(db, 'budget.update');
    assert.equal(audit?.before.published, 1);
    assert.equal(audit?.after.published, 0);
    assert.equal((await publicGet(app, `/cong-khai-ngan-sach/bao-cao/${id}`)).statusCode, 404);
    assert.equal((await publicGet(app, `/cong-khai-ngan-sach/tai-ve/${file.id}`)).statusCode, 404);
    assert.match((await publicGet(app, '/cong-khai-ngan-sach/nam-2026')).body, /<th scope="row">Thực hiện quý III<span class="budget-form">[^<]*<\/span><\/th><td>15\/10\/2026<\/td><td colspan="2"><strong class="budget-late">Chưa công khai, đã quá hạn/);
  });

  test('deleting removes the report and its files with an audit row', async () => {
    const { editor, db } = get();
    const id = await reportId(db, 1, 2025, 'thuc-hien', 'q1');
    assert.equal((await editor.get(`${PATH}/${id}/xoa`)).statusCode, 200);
    const res = await editor.post(`${PATH}/${id}/xoa`);
    assert.equal(res.statusCode, 303);
    assert.equal(await db.db.selectFrom('budget_reports').select('id').where('id', '=', id).executeTakeFirst(), undefined);
    assert.equal((await db.db.selectFrom('budget_report_files').select('id').where('report_id', '=', id).execute()).length, 0);
    const audit = await lastAudit(db, 'budget.delete');
    assert.equal(audit?.before.title, 'Báo cáo tình hình thực hiện ngân sách quý I năm 2025');
    assert.equal(audit?.before.files.length, 1);
  });

  test('a contributor, and an editor of another ward, may neither see nor change the budget', async () => {
    const { contributor, otherEditor, editor, db } = get();
    const id = await reportId(db, 1, 2026, 'du-toan', 'nam');
    for (const c of [contributor, otherEditor]) {
      assert.equal((await c.get(PATH)).statusCode, 403);
      assert.equal((await c.post(PATH, validReport({ fiscal_year: '2029' }))).statusCode, 403);
      assert.equal((await c.post(`${PATH}/${id}/xoa`)).statusCode, 403);
    }
    assert.equal(await db.db.selectFrom('budget_reports').select('id').where('fiscal_year', '=', 2029).executeTakeFirst(), undefined);
    assert.doesNotMatch((await contributor.get('/quan-tri')).body, /href="\/quan-tri\/cong-khai-ngan-sach"/);
    assert.match((await editor.get('/quan-tri')).body, /href="\/quan-tri\/cong-khai-ngan-sach"/);
  });
});
