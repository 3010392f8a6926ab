/**
 * Văn bản in Chromium: the list filtered and searched without JavaScript, the document page
 * with its download, axe-core on the list and the document page at phone and desktop widths,
 * and the seed article's link to Nghị quyết 22-NQ/TW.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { createStaff, signIn, STAFF } from './admin-helpers.js';
import { assertAccessible, e2eSuite, SEED, VIEWPORTS, withPage } from './helpers.js';

async function assertNoSidewaysScroll(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  assert.ok(scroll <= width, `page is ${scroll}px wide in a ${width}px window`);
}

const numbers = (page: Page) => page.locator('.document-item .item-title a').allInnerTexts();

e2eSuite('document library in Chromium', (env) => {
  test('without JS: filter by type and year, search a number by parts, open the document and its file', async () => {
    await withPage(env(), { js: false }, async (page) => {
      await page.goto(env().url('/van-ban'));
      assert.equal(await page.locator('h1').innerText(), 'Văn bản');
      assert.ok((await numbers(page)).length >= 14);
      await page.getByLabel('Loại văn bản').selectOption({ label: 'Quyết định' });
      await page.getByLabel('Năm ban hành').selectOption('2023');
      await page.getByRole('button', { name: 'Tìm văn bản' }).click();
      assert.deepEqual(await numbers(page), ['Quyết định số 1520/QĐ-UBND', 'Quyết định số 12/2023/QĐ-UBND']);
      await page.getByRole('link', { name: 'Bỏ lọc' }).click();
      await page.getByLabel('Số, ký hiệu hoặc trích yếu').fill('22 nq tw');
      await page.getByRole('button', { name: 'Tìm văn bản' }).click();
      assert.deepEqual(await numbers(page), ['Nghị quyết số 22-NQ/TW']);
      assert.equal(await page.getByLabel('Số, ký hiệu hoặc trích yếu').inputValue(), '22 nq tw');
      await page.getByRole('link', { name: 'Nghị quyết số 22-NQ/TW' }).click();
      assert.equal(await page.locator('h1').innerText(), 'Nghị quyết số 22-NQ/TW');
      assert.match(await page.locator('.document-fields').innerText(), /Ngày ban hành\s+ngày 02 tháng 02 năm 2008/);
      const link = page.getByRole('link', { name: /^Tải về: Nghị quyết 22-NQ-TW\.pdf$/ });
      const href = await link.getAttribute('href');
      assert.match(href ?? '', /^\/van-ban\/tai-ve\/\d+$/);
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      assert.equal(download.suggestedFilename(), 'Nghị quyết 22-NQ-TW.pdf');
      const bytes = readFileSync((await download.path())!);
      assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    });
  });

  test('axe-core on the list and the document page, phone and desktop, no sideways scroll', async () => {
    for (const viewport of VIEWPORTS) {
      await withPage(env(), { js: false, viewport }, async (page) => {
        await page.goto(env().url('/van-ban?q=ubnd&nam=2024'));
        await assertAccessible(page, `filtered list ${viewport.width}px`);
        await assertNoSidewaysScroll(page);
        await page.goto(env().url('/van-ban'));
        await assertAccessible(page, `list ${viewport.width}px`);
        await assertNoSidewaysScroll(page);
        await page.locator('.document-item .item-title a', { hasText: '02-NQ/TU' }).click();
        assert.equal(await page.locator('h1').innerText(), 'Nghị quyết số 02-NQ/TU');
        await assertAccessible(page, `document ${viewport.width}px`);
        await assertNoSidewaysScroll(page);
      });
    }
  });

  test('the seed article links Nghị quyết 22-NQ/TW to its document page', async () => {
    await withPage(env(), {}, async (page) => {
      await page.goto(env().url(SEED.legacyPath));
      assert.equal(await page.locator('h1').innerText(), SEED.title);
      const ref = page.locator('.article-body a.document-ref', { hasText: '22-NQ/TW' }).first();
      await ref.click();
      await page.waitForURL(/\/van-ban\/nghi-quyet-22-nq-tw-/);
      assert.equal(await page.locator('h1').innerText(), 'Nghị quyết số 22-NQ/TW');
      assert.match(await page.locator('.document-summary').innerText(), /nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức cơ sở đảng/);
    });
  });

  test('back office: an editor adds a document with a file; list, form, types and delete confirmation pass axe-core', async () => {
    await createStaff(env());
    await withPage(env(), {}, async (page) => {
      await signIn(page, env(), STAFF.editor);
      await page.goto(env().url('/quan-tri/van-ban'));
      await assertAccessible(page, 'admin list');
      await page.getByRole('link', { name: 'Thêm văn bản' }).click();
      await page.getByLabel('Số, ký hiệu').fill('99/KH-UBND');
      await page.getByLabel('Loại văn bản').selectOption({ label: 'Kế hoạch' });
      await page.getByLabel('Trích yếu').fill('Tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2026');
      await page.getByLabel('Cơ quan ban hành').fill('UBND thị xã Hồng Lĩnh');
      await page.getByLabel('Ngày ban hành').fill('2026-10-20');
      await page.getByLabel('Ngày hiệu lực').fill('2026-10-10');
      await page.getByRole('button', { name: 'Lưu văn bản' }).click();
      assert.match(await page.locator('#f-effective_on-error').innerText(), /không được trước ngày ban hành/);
      assert.equal(await page.getByLabel('Số, ký hiệu').inputValue(), '99/KH-UBND');
      await assertAccessible(page, 'admin form with errors');
      await page.getByLabel('Ngày hiệu lực').fill('2026-10-25');
      await page.getByRole('button', { name: 'Lưu văn bản' }).click();
      await page.waitForURL(/\/quan-tri\/van-ban\/\d+\?tb=da-tao$/);
      await page.getByLabel(/^Chọn tệp/).setInputFiles({ name: 'Kế hoạch 99.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
      await page.getByRole('button', { name: 'Tải tệp lên' }).click();
      await page.waitForURL(/tb=da-tai-tep$/);
      assert.match(await page.locator('#tep-van-ban + ul').innerText(), /Kế hoạch 99\.pdf/);
      await assertAccessible(page, 'admin edit');
      await page.goto(env().url('/quan-tri/van-ban/loai'));
      await assertAccessible(page, 'admin types');
      await page.goto(env().url('/van-ban?q=99%2FKH-UBND'));
      assert.deepEqual(await numbers(page), ['Kế hoạch số 99/KH-UBND']);
      await page.goto(env().url('/quan-tri/van-ban?q=99'));
      await page.getByRole('link', { name: 'Xoá: 99/KH-UBND' }).click();
      await assertAccessible(page, 'admin delete confirmation');
      page.once('dialog', (d) => void d.accept()); // admin.js asks once more for every red button
      await page.getByRole('button', { name: 'Xoá văn bản' }).click();
      await page.waitForURL(/tb=da-xoa$/);
      assert.equal(await page.locator('th', { hasText: '99/KH-UBND' }).count(), 0);
    });
  });
});
