/**
 * Công khai ngân sách, Quy hoạch – Kế hoạch and Dự án – Đấu thầu – GPMB in Chromium: reached from the sidebar without
 * JavaScript, the year's table read at phone width (it scrolls inside its own focusable region,
 * not the page), axe-core on the public pages and the back-office forms at phone and laptop sizes,
 * and an editor's mistake answered in Vietnamese with the typed text kept.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeUser } from '../test/helpers/admin.js';
import { hongLinhSiteId, signIn } from './admin-helpers.js';
import { assertAccessible, e2eSuite, noSidewaysScroll, PHONE, screenshot, VIEWPORTS, withPage } from './helpers.js';

e2eSuite('budget and projects disclosure in Chromium', (env) => {
  test('without JS: from the sidebar to the budget table, a report and its PDF link; then to a project and its notices', async () => {
    await withPage(env(), { js: false, viewport: PHONE }, async (page) => {
      await page.goto(env().url('/'));
      await page.locator('.sidebar').getByRole('link', { name: 'Công khai ngân sách', exact: true }).click();
      assert.equal(await page.locator('h1').innerText(), 'Công khai ngân sách');
      const table = page.getByRole('region', { name: /Báo cáo công khai ngân sách năm \d{4}/ });
      assert.ok(await table.isVisible());
      await noSidewaysScroll(page, 'budget page');
      await screenshot(page, 'cong-khai-ngan-sach');
      await page.getByRole('link', { name: 'Năm 2025' }).click();
      await page.locator('.budget-table').getByRole('link', { name: 'Quyết toán ngân sách', exact: true }).click();
      assert.equal(await page.locator('h1').innerText(), 'Quyết toán ngân sách năm 2025');
      assert.match(await page.locator('.document-fields').innerText(), /Hạn công khai\s+09\/08\/2026/);
      assert.match((await page.getByRole('link', { name: /^Tải về:/ }).getAttribute('href')) ?? '', /^\/cong-khai-ngan-sach\/tai-ve\/\d+$/);

      await page.locator('.sidebar').getByRole('link', { name: 'Dự án – Đấu thầu – GPMB', exact: true }).click();
      await page.getByRole('link', { name: 'Mở rộng Quốc lộ 8A đoạn qua phường Nam Hồng Lĩnh' }).click();
      assert.equal(await page.locator('.project-notice').count(), 2);
      await noSidewaysScroll(page, 'project page');
      await screenshot(page, 'du-an-dau-thau');
    });
  });

  test('the map page draws a plan\'s GeoJSON layer over the tiles, its names as text in the popup', async () => {
    const tile = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
    await withPage(env(), {}, async (page) => {
      await page.route((url) => url.hostname.endsWith('tile.openstreetmap.org'), (route) => route.fulfill({ status: 200, contentType: 'image/png', body: tile }));
      await page.goto(env().url('/ban-do'));
      await page.locator('.leaflet-overlay-pane path').first().waitFor({ state: 'attached', timeout: 5000 });
      assert.equal(await page.locator('.leaflet-overlay-pane path').count(), 2);
      await page.locator('.leaflet-overlay-pane path').first().dispatchEvent('click');
      assert.match(await page.locator('.leaflet-popup-content').innerText(), /^Quy hoạch chi tiết khu dân cư phía Nam chợ Hồng Lĩnh, tỷ lệ 1\/500: Đất ở mới \(ONT\)$/);
      assert.ok(await page.getByRole('link', { name: 'tải lớp GeoJSON' }).isVisible());
    });
  });

  for (const viewport of VIEWPORTS) {
    test(`axe-core and no sideways scroll at ${viewport.width}px, with and without JS`, async () => {
      for (const js of [true, false]) {
        await withPage(env(), { viewport, js }, async (page) => {
          for (const path of ['/cong-khai-ngan-sach', '/cong-khai-ngan-sach/nam-2025', '/du-an-dau-thau', '/quy-hoach-ke-hoach']) {
            await page.goto(env().url(path));
            await noSidewaysScroll(page, path);
            await assertAccessible(page, `${path} at ${viewport.width}px${js ? '' : ' without JS'}`);
          }
          for (const [list, link] of [['/cong-khai-ngan-sach', '.budget-table th a'], ['/du-an-dau-thau', '.project-list h3 a'], ['/quy-hoach-ke-hoach', '.plans .title-list a']]) {
            await page.goto(env().url(list!));
            await page.locator(link!).first().click();
            await noSidewaysScroll(page, `first of ${list}`);
            await assertAccessible(page, `first of ${list} at ${viewport.width}px${js ? '' : ' without JS'}`);
          }
        });
      }
    });
  }

  test('back office: an editor\'s mistakes come back in Vietnamese with what was typed; the screens pass axe-core', async () => {
    await makeUser(env().db.db, 'congkhai', [{ siteId: await hongLinhSiteId(env()), role: 'editor' }]);
    for (const viewport of VIEWPORTS) {
      await withPage(env(), { viewport }, async (page) => {
        await signIn(page, env(), 'congkhai');
        await page.goto(env().url('/quan-tri/cong-khai-ngan-sach'));
        await assertAccessible(page, `budget list screen at ${viewport.width}px`);
        await page.getByRole('link', { name: 'Thêm báo cáo' }).click();
        await page.getByLabel('Năm ngân sách').fill('2026');
        await page.getByLabel('Loại báo cáo').selectOption('thuc-hien-q4');
        await page.getByLabel('Ngày công khai').fill('2026-12-01');
        await page.getByLabel('Ghi chú').fill('Số liệu ước thực hiện');
        await page.getByRole('button', { name: 'Lưu báo cáo' }).click();
        assert.match(await page.locator('#f-published_on-error').innerText(), /sau khi kết thúc kỳ báo cáo \(31\/12\/2026\)/);
        assert.equal(await page.getByLabel('Ghi chú').inputValue(), 'Số liệu ước thực hiện');
        await assertAccessible(page, `budget form with an error at ${viewport.width}px`);
        await page.goto(env().url('/quan-tri/du-an/moi'));
        await page.getByLabel('Tên dự án').fill('Lát vỉa hè đường Nguyễn Ái Quốc');
        await page.getByLabel('Tiến độ (%)').fill('150');
        await page.getByRole('button', { name: 'Lưu dự án' }).click();
        assert.equal(await page.locator('#f-progress-error').innerText(), 'Tiến độ là số phần trăm từ 0 đến 100.');
        assert.equal(await page.getByLabel('Tên dự án').inputValue(), 'Lát vỉa hè đường Nguyễn Ái Quốc');
        await assertAccessible(page, `project form with errors at ${viewport.width}px`);
        await page.goto(env().url('/quan-tri/du-an'));
        await page.getByRole('link', { name: /^Sửa: / }).first().click();
        await assertAccessible(page, `project edit screen at ${viewport.width}px`);
      });
    }
  });
});
