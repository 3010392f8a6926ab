/**
 * Lịch công tác and Thủ tục hành chính in Chromium: week navigation and the print view without
 * JavaScript, a procedure reached from the home page in three clicks, axe-core on every page at
 * phone and desktop widths, and no sideways scrolling at 390px.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { currentWeek, addWeeks, weekTitle } from '../src/features/schedule/week.js';
import { makeUser } from '../test/helpers/admin.js';
import { hongLinhSiteId, signIn } from './admin-helpers.js';
import { assertAccessible, e2eSuite, PHONE, VIEWPORTS, withPage } from './helpers.js';

async function assertNoSidewaysScroll(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  assert.ok(scroll <= width, `page is ${scroll}px wide in a ${width}px window`);
}

const h1 = (page: Page) => page.locator('h1').first().innerText();

e2eSuite('work schedule and administrative procedures in Chromium', (env) => {
  test('without JS: this week, then last week and next week by the links, and back to this week', async () => {
    await withPage(env(), { js: false, viewport: PHONE }, async (page) => {
      const week = currentWeek(new Date());
      await page.goto(env().url('/lich-cong-tac'));
      assert.equal(await h1(page), weekTitle(week));
      // The demo has a Monday morning briefing every week.
      assert.match(await page.locator('.schedule-day').first().innerText(), /Giao ban/);
      await page.getByRole('link', { name: 'Tuần trước' }).click();
      assert.equal(await h1(page), weekTitle(addWeeks(week, -1)));
      assert.match(page.url(), new RegExp(`\\?tuan=${addWeeks(week, -1).key}$`));
      await page.getByRole('link', { name: 'Tuần sau' }).click();
      await page.getByRole('link', { name: 'Tuần sau' }).click();
      assert.equal(await h1(page), weekTitle(addWeeks(week, 1)));
      await page.getByRole('link', { name: 'Tuần này' }).click();
      assert.equal(await h1(page), weekTitle(week));
      // The week picker is a plain GET form.
      await page.locator('#chon-tuan').evaluate((el, v) => ((el as HTMLInputElement).value = v), '2026-W53');
      await page.getByRole('button', { name: 'Xem' }).click();
      assert.match(await h1(page), /^Lịch công tác tuần 53 \(từ 28\/12\/2026 đến 03\/01\/2027\)$/);
      assert.equal(await page.locator('.schedule-empty').count(), 7);
      await assertNoSidewaysScroll(page);
    });
  });

  test('print view: site name as header, no menu, sidebar or footer; print CSS hides the week links', async () => {
    await withPage(env(), { js: false }, async (page) => {
      await page.goto(env().url('/lich-cong-tac'));
      await page.getByRole('link', { name: /^Bản in lịch tuần/ }).click();
      // The header's capitals come from the stylesheet: read them once the page has loaded it.
      await page.waitForLoadState('load');
      assert.match(page.url(), /\/lich-cong-tac\/in\?tuan=\d{4}-W\d{2}$/);
      assert.equal(await page.locator('.schedule-print-site').innerText(), 'CỔNG THÔNG TIN ĐIỆN TỬ PHƯỜNG NAM HỒNG LĨNH');
      assert.equal(await page.locator('.main-nav, .sidebar, .site-footer').count(), 0);
      assert.ok((await page.locator('.schedule-item').count()) >= 8, 'the week\'s entries are there');
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('.schedule-print-back').isVisible(), false);
      await page.goto(env().url('/lich-cong-tac'));
      assert.equal(await page.locator('.schedule-nav').isVisible(), false, 'week links are not printed');
    });
  });

  test('a procedure is three clicks from the home page, with its national portal link', async () => {
    await withPage(env(), { js: false }, async (page) => {
      await page.goto(env().url('/'));
      const entry = page.locator('header a[href="/thu-tuc-hanh-chinh"], .sidebar a[href="/thu-tuc-hanh-chinh"]').first();
      assert.ok(await entry.count(), 'the home page links to /thu-tuc-hanh-chinh in the header or sidebar');
      await entry.click(); // 1
      assert.equal(await h1(page), 'Thủ tục hành chính');
      await page.getByRole('link', { name: 'Chứng thực', exact: true }).click(); // 2
      await page.getByRole('link', { name: 'Chứng thực chữ ký trong các giấy tờ, văn bản' }).click(); // 3
      assert.equal(await h1(page), 'Chứng thực chữ ký trong các giấy tờ, văn bản');
      const portal = page.getByRole('link', { name: /Nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia/ });
      assert.equal(await portal.getAttribute('href'), 'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=2.000884');
      assert.match((await portal.getAttribute('rel')) ?? '', /noopener/);
      assert.match(await portal.innerText(), /liên kết ngoài|↗/);
    });
  });

  test('search without diacritics and without JS', async () => {
    await withPage(env(), { js: false, viewport: PHONE }, async (page) => {
      await page.goto(env().url('/thu-tuc-hanh-chinh'));
      await page.getByLabel('Tìm thủ tục').fill('xac nhan tinh trang hon nhan');
      await page.locator('.procedure-search button').click();
      assert.deepEqual(await page.locator('.procedure-list a').allInnerTexts(), ['Cấp Giấy xác nhận tình trạng hôn nhân']);
      await assertNoSidewaysScroll(page);
    });
  });

  for (const viewport of VIEWPORTS) {
    test(`axe-core and no sideways scroll at ${viewport.width}px: schedule, print view, procedure list and page`, async () => {
      for (const js of [true, false]) {
        await withPage(env(), { viewport, js }, async (page) => {
          for (const path of ['/lich-cong-tac', '/lich-cong-tac/in', '/thu-tuc-hanh-chinh', '/thu-tuc-hanh-chinh?linh-vuc=ho-tich']) {
            await page.goto(env().url(path));
            await assertNoSidewaysScroll(page);
            await assertAccessible(page, `${path} at ${viewport.width}px${js ? '' : ' without JS'}`);
          }
          await page.goto(env().url('/thu-tuc-hanh-chinh'));
          await page.locator('.procedure-list a').first().click();
          await assertNoSidewaysScroll(page);
          await assertAccessible(page, `procedure page at ${viewport.width}px${js ? '' : ' without JS'}`);
        });
      }
    });
  }

  test('back office: an editor adds an entry (a mistake first), publishes the week, and it is public; the screens pass axe-core', async () => {
    await makeUser(env().db.db, 'lichbientap', [{ siteId: await hongLinhSiteId(env()), role: 'editor' }]);
    await withPage(env(), {}, async (page) => {
      await signIn(page, env(), 'lichbientap');
      await page.goto(env().url('/quan-tri/lich-cong-tac?tuan=2026-W53'));
      await assertAccessible(page, 'schedule week screen');
      await page.getByRole('link', { name: 'Thêm lịch trong tuần này' }).click();
      await page.getByLabel('Giờ bắt đầu').fill('14:00');
      await page.getByLabel('Giờ kết thúc').fill('13:00');
      await page.getByLabel('Nội dung công việc').fill('Kiểm tra công tác chuẩn bị Tết Nguyên đán');
      await page.getByRole('button', { name: 'Lưu lịch' }).click();
      assert.match(await page.locator('#f-end-error').innerText(), /Giờ kết thúc phải sau giờ bắt đầu\./);
      assert.equal(await page.getByLabel('Nội dung công việc').inputValue(), 'Kiểm tra công tác chuẩn bị Tết Nguyên đán');
      await assertAccessible(page, 'schedule entry form with an error');
      await page.getByLabel('Giờ kết thúc').fill('16:00');
      await page.getByRole('button', { name: 'Lưu lịch' }).click();
      assert.match(page.url(), /\/quan-tri\/lich-cong-tac\?tuan=2026-W53&tb=da-them$/);
      await page.getByRole('button', { name: 'Công bố lịch tuần 53' }).click();
      await page.goto(env().url('/lich-cong-tac?tuan=2026-W53'));
      assert.match(await page.locator('.schedule-day').first().innerText(), /14h00 – 16h00\s+Kiểm tra công tác chuẩn bị Tết Nguyên đán/);
      await page.goto(env().url('/quan-tri/thu-tuc'));
      await assertAccessible(page, 'procedure list screen');
      await page.getByRole('link', { name: 'Thêm thủ tục' }).click();
      await page.getByLabel('Tên thủ tục').fill('Đăng ký giám hộ');
      await page.getByLabel('Liên kết trên Cổng Dịch vụ công quốc gia').fill('http://dichvucong.gov.vn');
      await page.getByRole('button', { name: 'Lưu thủ tục' }).click();
      assert.match(await page.locator('#f-portal_url-error').innerText(), /https:\/\//);
      await assertAccessible(page, 'procedure form with errors');
    });
  });
});
