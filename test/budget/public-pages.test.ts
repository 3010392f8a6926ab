import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BAC_HONG_LINH, THI_XA_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { decode, publicGet, reportId, setupBudget } from './helpers.js';

/** The text of a row of the year's table whose header names `label`. */
function row(html: string, label: string): string {
  const rows = html.split('<tr').filter((r) => r.includes(`>${label}<`));
  assert.equal(rows.length, 1, `one row for ${label}`);
  return decode(rows[0]!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '));
}

describeEachDb('budget disclosure: public pages', setupBudget, (get) => {
  test('the section shows the newest year as a table: form, deadline, publication day, on time or late, files', async () => {
    const res = await publicGet(get().app, '/cong-khai-ngan-sach');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['cache-control'] as string, /public/);
    const html = res.body;
    assert.match(html, /<h1 class="page-title">Công khai ngân sách<\/h1>/);
    assert.match(html, /<caption id="nam-2026">Báo cáo công khai ngân sách năm 2026<\/caption>/);
    // Dự toán: 30 days from the council's decision of 18/12/2025; published 08/01/2026.
    assert.match(row(html, 'Dự toán ngân sách'), /Biểu số 117\/CK-NSNN.* 17\/01\/2026 08\/01\/2026 Đúng hạn PDF/);
    // Quarter II: 15 days after 30/06/2026, published 20/07/2026: five days late.
    assert.match(row(html, 'Thực hiện quý II'), /15\/07\/2026 20\/07\/2026 Công khai muộn 5 ngày/);
    // Quarter IV of 2026 is not due before 15/01/2027 (the clock says 03/12/2026).
    assert.match(row(html, 'Thực hiện quý IV'), /15\/01\/2027 Chưa công khai $/);
    assert.match(html, /<a href="\/cong-khai-ngan-sach\/nam-2025">Năm 2025<\/a>/);
  });

  test('a year with a missing report whose deadline passed says it is overdue', async () => {
    const html = (await publicGet(get().app, '/cong-khai-ngan-sach', BAC_HONG_LINH)).body;
    assert.match(row(html, 'Thực hiện quý II'), /15\/07\/2026 Chưa công khai, đã quá hạn/);
    assert.match(row(html, 'Thực hiện quý I'), /Đúng hạn/);
  });

  test('each year has its page; a year without reports is not found', async () => {
    const { app } = get();
    const y = await publicGet(app, '/cong-khai-ngan-sach/nam-2025');
    assert.equal(y.statusCode, 200);
    assert.match(y.body, /<h1 class="page-title">Công khai ngân sách năm 2025<\/h1>/);
    assert.match(row(y.body, 'Quyết toán ngân sách'), /Biểu số 121\/CK-NSNN.* 09\/08\/2026 28\/07\/2026 Đúng hạn/);
    assert.equal((await publicGet(app, '/cong-khai-ngan-sach/nam-2019')).statusCode, 404);
    assert.equal((await publicGet(app, '/cong-khai-ngan-sach/nam-abc')).statusCode, 404);
  });

  test('a report page names its form, decision, deadline and publication, and offers its file for download', async () => {
    const { app, db } = get();
    const id = await reportId(db, 1, 2026, 'du-toan', 'nam');
    const html = decode((await publicGet(app, `/cong-khai-ngan-sach/bao-cao/${id}`)).body);
    assert.match(html, /<dt>Biểu mẫu<\/dt><dd>Biểu số 117\/CK-NSNN, 118\/CK-NSNN, 119\/CK-NSNN \(Thông tư 343\/2016\/TT-BTC\)<\/dd>/);
    assert.match(html, /<dt>Ngày HĐND quyết định dự toán<\/dt><dd><time dateTime="2025-12-18">ngày 18 tháng 12 năm 2025<\/time>/i);
    assert.match(html, /<dt>Hạn công khai<\/dt><dd>17\/01\/2026/);
    const file = /href="(\/cong-khai-ngan-sach\/tai-ve\/\d+)"/.exec(html)![1]!;
    const dl = await publicGet(app, file);
    assert.equal(dl.statusCode, 200);
    assert.equal(dl.headers['content-type'], 'application/pdf');
    assert.equal(dl.headers['x-content-type-options'], 'nosniff');
    assert.match(dl.headers['content-disposition'] as string, /^attachment; filename="Du toan ngan sach nam 2026\.pdf"/);
  });

  test('another site\'s report and file are not found here', async () => {
    const { app, db } = get();
    const theirs = await reportId(db, 2, 2026, 'du-toan', 'nam');
    assert.equal((await publicGet(app, `/cong-khai-ngan-sach/bao-cao/${theirs}`)).statusCode, 404);
    const f = await db.db.selectFrom('budget_report_files').select('id').where('site_id', '=', 2).executeTakeFirstOrThrow();
    assert.equal((await publicGet(app, `/cong-khai-ngan-sach/tai-ve/${f.id}`)).statusCode, 404);
  });

  test('the CSV lists every published report with its deadline and timeliness, in UTF-8 with a BOM', async () => {
    const res = await publicGet(get().app, '/cong-khai-ngan-sach.csv');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
    assert.equal(res.headers['content-disposition'], 'attachment; filename="cong-khai-ngan-sach.csv"');
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.equal(lines[0], '"Năm ngân sách","Loại","Kỳ báo cáo","Tên báo cáo","Biểu mẫu","Ngày quyết định","Hạn công khai","Ngày công khai","Đúng hạn","Địa chỉ","Tệp"');
    assert.equal(lines.length, 1 + 13);
    assert.ok(lines.some((l) => l.startsWith('"2026","Thực hiện","Thực hiện quý II",') && l.includes('"15/07/2026","20/07/2026","Công khai muộn 5 ngày","http://namhonglinh.localhost/cong-khai-ngan-sach/bao-cao/')));
  });

  test('the section is in the disclosure block of every page\'s sidebar, the sitemap and the search', async () => {
    const { app } = get();
    assert.match((await publicGet(app, '/')).body, /<a href="\/cong-khai-ngan-sach">Công khai ngân sách<\/a>/);
    const xml = (await publicGet(app, '/sitemap.xml')).body;
    assert.match(xml, /<loc>http:\/\/namhonglinh\.localhost\/cong-khai-ngan-sach<\/loc>/);
    assert.match(xml, /<loc>http:\/\/namhonglinh\.localhost\/cong-khai-ngan-sach\/nam-2025<\/loc>/);
    const search = decode((await publicGet(app, '/tim-kiem?q=quyet+toan+2025')).body);
    assert.match(search, /Công khai ngân sách \(1\)<\/h2>/);
    assert.match(search, /Quyết toán ngân sách năm 2025/);
  });

  test('the archived town has the section, empty, saying so', async () => {
    const res = await publicGet(get().app, '/cong-khai-ngan-sach', THI_XA_HONG_LINH);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Trang chưa công khai báo cáo ngân sách nào\./);
  });
});
