import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { auditRows, fieldError, lastAudit } from '../site-admin/helpers.js';
import { clock, countRows, page, setupDisclosure } from './helpers.js';

describeEachDb('Người phát ngôn, Tuyển dụng, Phổ biến pháp luật', setupDisclosure, (ctx) => {
  test('the spokesperson\'s card and the press releases, newest first; the form saves with an audit row', async () => {
    const { app, editor, db } = ctx();
    const res = await page(app, '/nguoi-phat-ngon');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<dt>Người phát ngôn<\/dt><dd>Phạm Quốc Hùng, Chủ tịch UBND phường Nam Hồng Lĩnh<\/dd>/);
    assert.match(res.body, /href="tel:0912836001"/);
    assert.match(res.body, /Nghị định 09\/2017\/NĐ-CP/);
    const a = res.body.indexOf('công tác ứng phó rét đậm');
    const b = res.body.indexOf('Kỳ họp chuyên đề HĐND');
    assert.ok(a > 0 && b > a, 'newest first');
    assert.match(res.body, /<h2 class="section-heading">Thông cáo báo chí<\/h2>[^]*<h3 id="tb-\d+-title" class="notice-title">/);
    const bad = await editor.post('/quan-tri/nguoi-phat-ngon', { name: 'Lê Văn Nam', phone: '09x', email: '' });
    assert.equal(bad.statusCode, 422);
    assert.match(fieldError(bad.body, 'phone')!, /^Số điện thoại không hợp lệ/);
    assert.match(bad.body, /id="f-name"[^>]*value="Lê Văn Nam"/);
    assert.equal((await editor.post('/quan-tri/nguoi-phat-ngon', { name: 'Lê Văn Nam', post: 'Phó Chủ tịch UBND phường', phone: '0912 000 111' })).statusCode, 303);
    assert.match((await page(app, '/nguoi-phat-ngon')).body, /Lê Văn Nam, Phó Chủ tịch UBND phường/);
    assert.equal((await lastAudit(db, 'spokesperson.update')).before.name, 'Phạm Quốc Hùng');
    const r = await editor.post('/quan-tri/nguoi-phat-ngon/thong-cao/moi', { title: 'Thông cáo về Lễ hội đền Chợ Củi', day: '14/01/2026', body: 'Lễ hội diễn ra từ ngày 20 đến 22 tháng Giêng.', links: 'Chương trình lễ hội | /media/namhonglinh/le-hoi.pdf' });
    assert.equal(r.statusCode, 303);
    assert.equal(r.headers.location, '/quan-tri/nguoi-phat-ngon?tb=da-them');
    const html = (await page(app, '/nguoi-phat-ngon')).body;
    assert.match(html, /Ngày phát hành: <time datetime="2026-01-14">14\/01\/2026<\/time>/);
    assert.match(html, /<a href="\/media\/namhonglinh\/le-hoi.pdf">Chương trình lễ hội<\/a>/);
    assert.doesNotMatch((await page(app, '/nguoi-phat-ngon', BAC_HONG_LINH)).body, /Chợ Củi/);
    assert.match((await page(app, '/tim-kiem?q=cho+cui')).body, /Thông cáo báo chí \(1\)/);
  });

  test('recruitment: the deadline shown, and "Đã hết hạn" once it has passed; the attached files open', async () => {
    const { app, editor, db } = ctx();
    // The demo's deadlines are relative to the real seeding time: read the page at that time.
    const testTime = clock.now;
    clock.now = new Date();
    const res = await page(app, '/tuyen-dung');
    clock.now = testTime;
    assert.match(res.body, /Thông báo tuyển dụng viên chức Trung tâm Dịch vụ công ích[^]*?Hạn nộp hồ sơ: <time[^>]*>[^<]*<\/time><strong class="notice-open"> · Còn hạn<\/strong>/);
    assert.match(res.body, /bảo vệ trụ sở[^]*?<strong class="notice-expired"> · Đã hết hạn<\/strong>/);
    const file = /<a href="(\/media\/namhonglinh\/cong-khai\/[^"]+\.pdf)">/.exec(res.body)![1]!;
    const pdf = await page(app, file);
    assert.equal(pdf.statusCode, 200);
    assert.match(pdf.body, /^%PDF/);
    const n = await countRows(db, 'disclosure_notices');
    const valid = { title: 'Tuyển dụng công chức Tư pháp – Hộ tịch', day: '15/01/2026', deadline: '14/02/2026', body: 'Tuyển 01 công chức.' };
    for (const [form, field, message] of [
      [{ ...valid, deadline: '' }, 'deadline', 'Vui lòng nhập hạn nộp hồ sơ.'],
      [{ ...valid, deadline: '10/01/2026' }, 'deadline', 'Hạn nộp hồ sơ không được trước ngày thông báo.'],
      [{ ...valid, deadline: '30/02/2026' }, 'deadline', 'Hạn nộp hồ sơ không hợp lệ, ví dụ 15/01/2026.'],
      [{ ...valid, title: 'x'.repeat(301) }, 'title', 'Tiêu đề thông báo dài tối đa 300 ký tự (hiện có 301).'],
    ] as const) {
      const r = await editor.post('/quan-tri/tuyen-dung/moi', form);
      assert.equal(r.statusCode, 422);
      assert.equal(fieldError(r.body, field), message);
      if (form.deadline) assert.match(r.body, new RegExp(`id="f-deadline"[^>]*value="${form.deadline}"`));
      assert.match(r.body, new RegExp(`id="f-title"[^>]*value="${form.title}"`));
    }
    assert.equal(await countRows(db, 'disclosure_notices'), n);
    const ok = await editor.post('/quan-tri/tuyen-dung/moi', valid);
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, '/quan-tri/tuyen-dung?tb=da-them');
    assert.match((await editor.get('/quan-tri/tuyen-dung')).body, /Tuyển dụng công chức Tư pháp – Hộ tịch/);
    assert.match((await page(app, '/tuyen-dung')).body, /Tuyển dụng công chức Tư pháp – Hộ tịch[^]*?14\/02\/2026<\/time><strong class="notice-open"> · Còn hạn/);
    assert.equal((await lastAudit(db, 'recruitment.create')).after.deadline, '2026-02-14');
    assert.equal((await ctx().contributor.post('/quan-tri/tuyen-dung/moi', valid)).statusCode, 403);
  });

  test('the notice form lists the newest library documents of this site only, as lines ready for the files field', async () => {
    const { editor } = ctx();
    const form = (await editor.get('/quan-tri/tuyen-dung/moi')).body;
    assert.match(form, /<summary>Tệp mới tải lên thư viện/);
    assert.match(form, /<code>Thông báo tuyển dụng viên chức năm 2026 \| \/media\/namhonglinh\/cong-khai\/thong-bao-tuyen-dung-vien-chuc-nam-2026\.pdf<\/code>/);
    assert.doesNotMatch(form, /\/media\/bachonglinh\//, 'not another ward\'s files');
  });

  test('parallel adds of press releases: each one row and one audit row, none lost', async () => {
    const { editor, db } = ctx();
    const [n, audits] = [await countRows(db, 'disclosure_notices'), (await auditRows(db, 'press_release.create')).length];
    const res = await Promise.all(Array.from({ length: 8 }, (_, i) => editor.post('/quan-tri/nguoi-phat-ngon/thong-cao/moi', { title: `Thông cáo số ${i + 1}`, day: '15/01/2026', body: `Nội dung ${i + 1}.` })));
    assert.deepEqual(res.map((r) => r.statusCode), Array(8).fill(303));
    assert.equal(await countRows(db, 'disclosure_notices'), n + 8);
    assert.equal((await auditRows(db, 'press_release.create')).length, audits + 8);
  });

  test('legal dissemination: topics linking the portal\'s own documents; edit and delete with audit rows', async () => {
    const { app, editor, db } = ctx();
    const res = await page(app, '/pho-bien-phap-luat');
    assert.match(res.body, /Luật Đất đai năm 2024 và các văn bản hướng dẫn/);
    const doc = /<div class="notice-links"><p class="notice-links-title">Bài viết và văn bản:<\/p><ul><li><a href="(\/van-ban\/[^"]+)">/.exec(res.body)![1]!;
    assert.equal((await page(app, doc)).statusCode, 200, 'the linked document exists');
    const r = await editor.post('/quan-tri/pho-bien-phap-luat/moi', { title: 'Luật Trật tự, an toàn giao thông đường bộ', day: '15/01/2026', body: 'Những quy định mới về nồng độ cồn.', links: 'Quy định mới | /bai-viet/quy-dinh-moi-1' });
    assert.equal(r.statusCode, 303);
    const id = Number((await auditRows(db, 'legal_topic.create')).at(-1)!.entity_id);
    assert.equal((await editor.post(`/quan-tri/pho-bien-phap-luat/${id}`, { title: 'Luật Trật tự, an toàn giao thông đường bộ 2024', day: '15/01/2026', body: 'Sửa.', links: '' })).statusCode, 303);
    assert.match((await page(app, '/pho-bien-phap-luat')).body, /an toàn giao thông đường bộ 2024/);
    assert.equal((await editor.post(`/quan-tri/pho-bien-phap-luat/${id}/xoa`)).statusCode, 303);
    assert.doesNotMatch((await page(app, '/pho-bien-phap-luat')).body, /an toàn giao thông đường bộ/);
    assert.equal((await lastAudit(db, 'legal_topic.delete')).before.title, 'Luật Trật tự, an toàn giao thông đường bộ 2024');
    const sitemap = (await page(app, '/sitemap.xml')).body;
    for (const p of ['/pho-bien-phap-luat', '/tuyen-dung', '/nguoi-phat-ngon', '/thong-tin-cong-khai', '/duong-day-nong']) assert.match(sitemap, new RegExp(`${p}</loc>`));
  });

  test('an archived site refuses changes; its sections are present and empty', async () => {
    const { app, archive, db } = ctx();
    const n = await countRows(db, 'disclosure_notices');
    assert.equal((await archive.post('/quan-tri/duong-day-nong', { label1: 'Khẩn cấp', number1: '112' })).statusCode, 409);
    assert.equal((await archive.post('/quan-tri/tuyen-dung/moi', { title: 'Tuyển dụng', day: '15/01/2026', deadline: '20/01/2026', body: 'x' })).statusCode, 409);
    assert.equal(await countRows(db, 'disclosure_notices'), n);
    for (const p of ['/pho-bien-phap-luat', '/tuyen-dung', '/nguoi-phat-ngon', '/tiep-cong-dan', '/thong-tin-cong-khai']) {
      const r = await page(app, p, 'honglinh.localhost');
      assert.equal(r.statusCode, 200, p);
      assert.match(r.body, /class="empty"/, p);
    }
  });
});
