import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { auditRows, fieldError, lastAudit } from '../site-admin/helpers.js';
import { clock, countRows, page, settingsJson, setupDisclosure } from './helpers.js';

const INFO_ADMIN = '/quan-tri/thong-tin-cong-khai';
const RECEPTION_ADMIN = '/quan-tri/tiep-cong-dan';
const CHANGES = `${RECEPTION_ADMIN}/thay-doi`;

/** The "Nơi đăng" cell of a row of the legal list. */
function whereCell(html: string, title: string): string {
  const i = html.indexOf(`<th scope="row">${title}</th>`);
  assert.ok(i > 0, title);
  const row = html.slice(i, html.indexOf('</tr>', i));
  return [...row.matchAll(/<td>(.*?)<\/td>/g)].at(-1)![1]!;
}

describeEachDb('Thông tin công khai and Tiếp công dân', setupDisclosure, (ctx) => {
  test('the legal list links each item to its section where this portal has one, and names the officer and channel', async () => {
    const { app } = ctx();
    const res = await page(app, '/thong-tin-cong-khai');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<caption>Danh mục thông tin phải được công khai<\/caption>/);
    assert.match(res.body, /<th scope="row">Người phát ngôn và thông cáo báo chí<\/th><td>Nghị định 09\/2017\/NĐ-CP<\/td>/);
    assert.match(whereCell(res.body, 'Thủ tục hành chính, quy trình giải quyết công việc'), /^<a href="\/thu-tuc-hanh-chinh">Xem<span class="visually-hidden">/);
    assert.match(whereCell(res.body, 'Lịch tiếp công dân, nội quy tiếp công dân'), /^<a href="\/tiep-cong-dan">/);
    assert.match(whereCell(res.body, 'Danh mục thông tin phải được công khai; đầu mối tiếp nhận yêu cầu cung cấp thông tin'), /^<a href="#dau-moi">/);
    const sections = (await page(app, '/cong-khai-minh-bach')).body;
    const budget = whereCell(res.body, 'Dự toán, tình hình thực hiện và quyết toán ngân sách');
    if (sections.includes('href="/cong-khai-ngan-sach"')) assert.match(budget, /^<a href="\/cong-khai-ngan-sach">/);
    else assert.equal(budget, 'Đang cập nhật', 'no link to a section this portal lacks');
    assert.match(res.body, /<dt>Người làm đầu mối<\/dt><dd>Nguyễn Thị Thu Hà, Công chức Văn phòng – Thống kê<\/dd>/);
    assert.match(res.body, /<a href="tel:02393836100">0239 3836 100<\/a>/);
    assert.match(res.body, /<a href="mailto:vanphong.namhonglinh@hatinh.gov.vn">/);
    assert.match((await page(app, '/thong-tin-cong-khai', BAC_HONG_LINH)).body, /Trần Văn Đức/);
  });

  test('the officer form refuses bad input with the typed text back; a link override shows at once', async () => {
    const { editor, app, db } = ctx();
    const before = await settingsJson(db, 1, 'info-requests');
    const cases: [Record<string, string>, string, string][] = [
      [{ officer: 'Lê Văn A', email: 'vanphong@', 'at-van-ban': '' }, 'email', 'Thư điện tử không hợp lệ, ví dụ ubnd@honglinh.hatinh.gov.vn.'],
      [{ officer: 'Lê Văn A', 'at-van-ban': 'javascript:alert(1)' }, 'at-van-ban', 'Văn bản quy phạm pháp luật, văn bản hành chính có giá trị áp dụng chung phải là đường dẫn trong cổng bắt đầu bằng /, ví dụ /van-ban, hoặc địa chỉ bắt đầu bằng https://.'],
      [{ officer: 'Lê Văn A', 'at-van-ban': '//evil.example/x' }, 'at-van-ban', 'Văn bản quy phạm pháp luật, văn bản hành chính có giá trị áp dụng chung phải là đường dẫn trong cổng bắt đầu bằng /, ví dụ /van-ban, hoặc địa chỉ bắt đầu bằng https://.'],
      [{ officer: 'Lê Văn A\nB', phone: 'abc' }, 'officer', 'Họ và tên người làm đầu mối chỉ được viết trên một dòng.'],
    ];
    for (const [form, field, message] of cases) {
      const res = await editor.post(INFO_ADMIN, form);
      assert.equal(res.statusCode, 422, JSON.stringify(form));
      assert.equal(fieldError(res.body, field), message);
      if (form['at-van-ban']) assert.match(res.body, new RegExp(`id="f-at-van-ban"[^>]*value="${form['at-van-ban'].replace(/[()]/g, '\\$&')}"`));
    }
    assert.equal(await settingsJson(db, 1, 'info-requests'), before);
    assert.match(whereCell((await page(app, '/thong-tin-cong-khai')).body, 'Văn bản quy phạm pháp luật, văn bản hành chính có giá trị áp dụng chung'), /href="\/van-ban"/);
    const ok = await editor.post(INFO_ADMIN, { officer: 'Lê Thị Bình', post: 'Chánh Văn phòng', 'at-van-ban': 'https://vbpl.vn/hatinh' });
    assert.equal(ok.statusCode, 303);
    const html = (await page(app, '/thong-tin-cong-khai')).body;
    assert.match(whereCell(html, 'Văn bản quy phạm pháp luật, văn bản hành chính có giá trị áp dụng chung'), /href="https:\/\/vbpl.vn\/hatinh"/);
    assert.match(html, /Lê Thị Bình, Chánh Văn phòng/);
    assert.equal((await lastAudit(db, 'public_information.update')).after.officer, 'Lê Thị Bình');
  });

  test('reception: the fixed days, the rules, and a change shown until its day has passed', async () => {
    const { app, editor, db } = ctx();
    const res = await page(app, '/tiep-cong-dan');
    assert.match(res.body, /<th scope="row">Chủ tịch UBND phường<\/th><td>Ngày 15 hằng tháng/);
    assert.match(res.body, /<h2 id="noi-quy">Nội quy tiếp công dân<\/h2><p>Công dân đến nơi tiếp công dân/);
    const added = [];
    for (const [title, day] of [['Hoãn tiếp công dân hôm qua', '14/01/2026'], ['Chuyển buổi tiếp hôm nay sang chiều', '15/01/2026'], ['Hoãn buổi tiếp ngày mai', '2026-01-16']]) {
      const r = await editor.post(`${CHANGES}/moi`, { title, day, body: `Nội dung: ${title}.` });
      assert.equal(r.statusCode, 303, r.body.slice(0, 300));
      assert.equal(r.headers.location, `${RECEPTION_ADMIN}?tb=da-them`);
      added.push((await lastAudit(db, 'reception_change.create')).after.title);
    }
    assert.deepEqual(added, ['Hoãn tiếp công dân hôm qua', 'Chuyển buổi tiếp hôm nay sang chiều', 'Hoãn buổi tiếp ngày mai']);
    const html = (await page(app, '/tiep-cong-dan')).body;
    assert.doesNotMatch(html, /Hoãn tiếp công dân hôm qua/);
    assert.ok(html.indexOf('Chuyển buổi tiếp hôm nay sang chiều') < html.indexOf('Hoãn buổi tiếp ngày mai'), 'soonest first');
    assert.match(html, /Ngày tiếp công dân bị thay đổi: <time datetime="2026-01-15">15\/01\/2026<\/time>/);
    const admin = (await editor.get(`${RECEPTION_ADMIN}?tb=da-them`)).body;
    assert.match(admin, /role="status">Đã thêm; trang công khai đã cập nhật\.<\/div>/, 'the screen confirms the change it listed');
    assert.match(admin, /Hoãn tiếp công dân hôm qua/, 'the back office keeps past changes');
    const search = (await page(app, '/tim-kiem?q=hoan+buoi+tiep')).body;
    assert.match(search, /Thay đổi lịch tiếp công dân \(1\)/);
    assert.match(search, /href="\/tiep-cong-dan#tb-\d+">Hoãn buổi tiếp ngày mai<\/a>/);
    assert.match((await page(app, '/sitemap.xml')).body, /\/tiep-cong-dan<\/loc>/);
    void clock;
  });

  test('a change with bad input is refused with the typed text back; nothing stored', async () => {
    const { editor, db } = ctx();
    const n = await countRows(db, 'disclosure_notices');
    const valid = { title: 'Hoãn tiếp công dân', day: '20/01/2026', body: 'Vì lý do công tác.', links: '' };
    const cases: [Record<string, string>, string, string][] = [
      [{ ...valid, title: ' ' }, 'title', 'Vui lòng nhập tiêu đề.'],
      [{ ...valid, day: '31/02/2026' }, 'day', 'Ngày tiếp công dân bị thay đổi không hợp lệ, ví dụ 15/01/2026.'],
      [{ ...valid, day: '' }, 'day', 'Vui lòng nhập ngày tiếp công dân bị thay đổi.'],
      [{ ...valid, body: '' }, 'body', 'Vui lòng nhập nội dung thông báo.'],
      [{ ...valid, links: 'Quyết định | javascript:alert(1)' }, 'links', 'Dòng 1: địa chỉ phải là đường dẫn trong cổng bắt đầu bằng /, ví dụ /van-ban, hoặc địa chỉ bắt đầu bằng https://.'],
    ];
    for (const [form, field, message] of cases) {
      const res = await editor.post(`${CHANGES}/moi`, form);
      assert.equal(res.statusCode, 422, JSON.stringify(form));
      assert.equal(fieldError(res.body, field), message);
      assert.match(res.body, new RegExp(`rows="8"[^>]*>${form.body}</textarea>`));
    }
    assert.equal(await countRows(db, 'disclosure_notices'), n);
  });

  test('edit, then two deletes of the same change at once: one succeeds, one is a 404, one audit row; other sites cannot touch it', async () => {
    const { editor, other, app, db } = ctx();
    const r = await editor.post(`${CHANGES}/moi`, { title: 'Tạm hoãn tiếp công dân ngày 22/01', day: '22/01/2026', body: 'Lãnh đạo họp đột xuất.' });
    assert.equal(r.statusCode, 303);
    const id = Number((await lastAudit(db, 'reception_change.create')).after && (await auditRows(db, 'reception_change.create')).at(-1)!.entity_id);
    assert.equal((await other.get(`${CHANGES}/${id}`)).statusCode, 404, 'another site\'s editor');
    assert.equal((await other.post(`${CHANGES}/${id}/xoa`)).statusCode, 404);
    const edit = await editor.post(`${CHANGES}/${id}`, { title: 'Tạm hoãn tiếp công dân ngày 22/01/2026', day: '22/01/2026', body: 'Lãnh đạo họp đột xuất.', links: 'Thông báo số 12/TB-UBND | /media/2026/tb-12.pdf' });
    assert.equal(edit.statusCode, 303);
    const html = (await page(app, '/tiep-cong-dan')).body;
    assert.match(html, /Tạm hoãn tiếp công dân ngày 22\/01\/2026/);
    assert.match(html, /<a href="\/media\/2026\/tb-12.pdf">Thông báo số 12\/TB-UBND<\/a>/);
    const [a, b] = await Promise.all([editor.post(`${CHANGES}/${id}/xoa`), editor.post(`${CHANGES}/${id}/xoa`)]);
    assert.deepEqual([a.statusCode, b.statusCode].sort(), [303, 404]);
    assert.equal((await auditRows(db, 'reception_change.delete')).filter((x) => x.entity_id === String(id)).length, 1);
    assert.doesNotMatch((await page(app, '/tiep-cong-dan')).body, /22\/01\/2026/);
  });
});
