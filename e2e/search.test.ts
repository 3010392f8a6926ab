/**
 * Search in Chromium: typed into the header box and submitted with the keyboard, with and
 * without JavaScript, at desktop and phone sizes; the result, empty-result and error pages
 * pass axe-core.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAccessible, e2eSuite, SEED, VIEWPORTS, withPage } from './helpers.js';

e2eSuite('search in Chromium', (env) => {
  for (const viewport of VIEWPORTS) {
    for (const js of [true, false]) {
      test(`at ${viewport.width}px ${js ? 'with' : 'without'} JS: the header box finds "dang uy nam hong" and marks "Nam Hồng"`, async () => {
        await withPage(env(), { viewport, js }, async (page) => {
          await page.goto(env().url('/'));
          const box = page.getByRole('search', { name: 'Tìm kiếm trên trang' }).getByRole('searchbox', { name: 'Tìm kiếm' });
          await box.fill('dang uy nam hong');
          await box.press('Enter');
          await page.waitForURL(/\/tim-kiem\?q=dang\+uy\+nam\+hong$/);
          assert.match((await page.locator('.search-count').textContent()) ?? '', /^Tìm thấy \d+ kết quả cho “dang uy nam hong”/);
          assert.ok((await page.locator('.search-results mark', { hasText: 'Nam Hồng' }).count()) > 0);
          assert.ok(await page.getByRole('link', { name: SEED.title }).isVisible(), 'the seed article is listed');
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px)`);
          await assertAccessible(page, `results at ${viewport.width}px`);
        });
      });
    }
  }

  test('no results, a bad date and an unusable query are accessible pages with their messages', async () => {
    await withPage(env(), { js: false }, async (page) => {
      await page.goto(env().url('/tim-kiem?q=xyzkhongcobaonao'));
      assert.ok(await page.getByText('Hãy kiểm tra lại chính tả').isVisible());
      await assertAccessible(page, 'no results');
      await page.goto(env().url('/tim-kiem?q=nam+hong&tu=2021-02-30'));
      assert.ok(await page.getByText('Ngày không hợp lệ').isVisible());
      await assertAccessible(page, 'bad date');
      await page.goto(env().url(`/tim-kiem?q=${encodeURIComponent('😀 !!!')}`));
      assert.ok(await page.getByText('ít nhất một chữ cái hoặc chữ số').isVisible());
      await assertAccessible(page, 'unusable query');
    });
  });

  test('filters and pagination work by keyboard without JS', async () => {
    await withPage(env(), { js: false }, async (page) => {
      await page.goto(env().url('/tim-kiem?q=hong'));
      const form = page.getByRole('search', { name: 'Tìm kiếm bài viết' });
      await form.getByLabel('Chuyên mục').selectOption('xay-dung-dang');
      await form.getByRole('button', { name: 'Tìm kiếm', exact: true }).press('Enter');
      await page.waitForURL(/chuyen_muc=xay-dung-dang/);
      const cats = await page.locator('.search-results .item-date a').allTextContents();
      assert.ok(cats.length > 0 && cats.every((c) => c === 'Xây dựng Đảng'), cats.join(', '));
      await page.goto(env().url('/tim-kiem?q=hong'));
      await page.getByRole('navigation', { name: 'Phân trang' }).getByRole('link', { name: 'Trang 2' }).click();
      await page.waitForURL(/trang=2/);
      assert.match((await page.locator('.search-count').textContent()) ?? '', /trang 2\//);
    });
  });
});
