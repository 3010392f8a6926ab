import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NAM_HONG_LINH, BAC_HONG_LINH, THI_XA_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { fieldError, lastAudit } from '../site-admin/helpers.js';
import { countRows, hotlineBlock, page, settingsJson, setupDisclosure } from './helpers.js';

const ADMIN = '/quan-tri/duong-day-nong';

describeEachDb('disclosure hub and hotlines', setupDisclosure, (ctx) => {
  test('the hub lists every disclosure section with what the law asks of it; the sidebar of every page links them', async () => {
    const { app } = ctx();
    const hub = await page(app, '/cong-khai-minh-bach');
    assert.equal(hub.statusCode, 200);
    assert.match(hub.body, /<h1 class="page-title">Công khai – minh bạch<\/h1>/);
    assert.match(hub.body, /Luật Thực hiện dân chủ ở cơ sở năm 2022 \(Điều 11, Điều 12\)/);
    for (const [path, label] of [['/thong-tin-cong-khai', 'Thông tin công khai'], ['/tiep-cong-dan', 'Tiếp công dân'], ['/duong-day-nong', 'Đường dây nóng']]) {
      assert.match(hub.body, new RegExp(`<h2 class="hub-title"><a href="${path}">${label}</a></h2><p>`), label);
      for (const p of ['/', '/van-ban', '/cong-khai-minh-bach']) {
        assert.match((await page(app, p)).body, new RegExp(`<section class="widget widget-sections" aria-labelledby="w-disclosure">[^]*<a href="${path}">${label}</a>`), `${label} on ${p}`);
      }
    }
    assert.match(hub.body, /Nghị định 13\/2018\/NĐ-CP, Điều 6/);
    assert.match((await page(app, '/sitemap.xml')).body, /\/cong-khai-minh-bach<\/loc>/);
  });

  test('every page carries the site\'s hotlines as tel: links; a site that never set them shows the national numbers', async () => {
    const { app } = ctx();
    const block = hotlineBlock((await page(app, '/')).body);
    assert.match(block, /<a href="\/duong-day-nong">Đường dây nóng<\/a>/);
    assert.match(block, /Phản ánh, kiến nghị của người dân:<\/span> <a class="hotline-number" href="tel:02393836115">0239 3836 115<\/a>/);
    assert.match(block, /Cấp cứu y tế:<\/span> <a class="hotline-number" href="tel:115">115<\/a>/);
    assert.match(hotlineBlock((await page(app, '/', BAC_HONG_LINH)).body), /href="tel:02393837115"/);
    const archived = hotlineBlock((await page(app, '/', THI_XA_HONG_LINH)).body);
    assert.deepEqual([...archived.matchAll(/href="tel:(\d+)"/g)].map((m) => m[1]), ['112', '113', '114', '115']);
    const own = await page(app, '/duong-day-nong');
    assert.equal(own.statusCode, 200);
    assert.equal(hotlineBlock(own.body), '', 'not twice on its own page');
    assert.match(own.body, /href="tel:112">112<\/a>/);
  });

  test('bad input: Vietnamese messages, typed text kept, nothing stored', async () => {
    const { editor, db } = ctx();
    const before = await settingsJson(db, 1, 'hotlines');
    const cases: [Record<string, string>, string, string][] = [
      [{ label1: 'Phản ánh <b>', number1: '' }, 'number1', 'Vui lòng nhập số điện thoại cho “Phản ánh <b>” (dòng 1), hoặc xoá nội dung của dòng.'],
      [{ label1: '', number1: '0239 3836 115' }, 'label1', 'Vui lòng nhập nội dung của số 0239 3836 115 (dòng 1).'],
      [{ label1: 'Cứu hộ', number1: 'gọi 112' }, 'number1', 'Số điện thoại không hợp lệ: chỉ gồm chữ số, dấu cách, dấu chấm, gạch ngang, ví dụ 0239 3856 115 hoặc 112.'],
      [{ label1: 'x'.repeat(101), number1: '112' }, 'label1', 'Nội dung dài tối đa 100 ký tự (hiện có 101).'],
    ];
    for (const [form, field, message] of cases) {
      const res = await editor.post(ADMIN, form);
      assert.equal(res.statusCode, 422, JSON.stringify(form));
      assert.equal(fieldError(res.body, field), message.replace('<', '&lt;'));
      if (form.number1) assert.match(res.body, new RegExp(`id="f-number1"[^>]*value="${form.number1}"`));
    }
    assert.equal(await settingsJson(db, 1, 'hotlines'), before);
  });

  test('a save changes the block on every page at once, with its audit row; the other site keeps its own', async () => {
    const { editor, contributor, app } = ctx();
    assert.match(hotlineBlock((await page(app, '/van-ban')).body), /0239 3836 115/, 'cached first');
    assert.equal((await contributor.get(ADMIN)).statusCode, 403);
    assert.equal((await contributor.post(ADMIN, { label1: 'A', number1: '112' })).statusCode, 403);
    const res = await editor.post(ADMIN, { label1: 'Đường dây nóng của Chủ tịch UBND phường', number1: '0912.345.678', label2: 'Khẩn cấp', number2: '112' });
    assert.equal(res.statusCode, 303);
    for (const p of ['/', '/van-ban']) {
      const block = hotlineBlock((await page(app, p)).body);
      assert.match(block, /Đường dây nóng của Chủ tịch UBND phường:<\/span> <a class="hotline-number" href="tel:0912345678">0912.345.678<\/a>/);
      assert.doesNotMatch(block, /0239 3836 115/);
    }
    assert.match(hotlineBlock((await page(app, '/', BAC_HONG_LINH)).body), /0239 3837 115/);
    const audit = await lastAudit(ctx().db, 'hotlines.update');
    assert.equal(audit.siteId, 1);
    assert.equal(audit.before.number1, '0239 3836 115');
    assert.equal(audit.after.number1, '0912.345.678');
    const form = await editor.get(ADMIN);
    assert.match(form.body, /id="f-number1"[^>]*value="0912.345.678"/);
  });

  test('parallel saves leave exactly one row per site and key, holding one of the saves whole', async () => {
    const { editor, db } = ctx();
    const n = await countRows(db, 'disclosure_settings');
    const saves = await Promise.all(Array.from({ length: 6 }, (_, i) => editor.post(ADMIN, { label1: `Số ${i}`, number1: `11${i}` })));
    assert.deepEqual(saves.map((r) => r.statusCode), Array(6).fill(303));
    assert.equal(await countRows(db, 'disclosure_settings'), n);
    const v = JSON.parse((await settingsJson(db, 1, 'hotlines'))!);
    assert.equal(v.number1, `11${v.label1.slice(3)}`);
  });
});

void NAM_HONG_LINH;
