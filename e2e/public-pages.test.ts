/**
 * The public pages in a real browser at desktop and phone widths: content, sidebar widgets,
 * redirects, pagination, no sideways scrolling on a phone, WCAG 2.1 AA (axe-core), screenshots.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  assertAccessible,
  assertSidebarWidgets,
  e2eSuite,
  BAC_HONG_LINH,
  PHONE,
  screenshot,
  SEED,
  VIEWPORTS,
  visibleText,
  withPage,
} from './helpers.js';

const HOME_NAME = 'Cổng thông tin điện tử phường Nam Hồng Lĩnh';
const NAM_HOME_NAME = 'Cổng thông tin điện tử phường Bắc Hồng Lĩnh';

/** On a phone, the page must not scroll sideways. */
async function assertNoSidewaysScroll(page: Page): Promise<void> {
  if (page.viewportSize()?.width !== PHONE.width) return;
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= PHONE.width, `page is ${scrollWidth}px wide at ${PHONE.width}px`);
}

/** The map tiles answer with a plain light square, so Leaflet draws a live map offline. */
async function fakeTiles(page: Page): Promise<void> {
  const tile = '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><rect width="256" height="256" fill="#e9efe4"/></svg>';
  await page.route((url) => url.hostname.endsWith('tile.openstreetmap.org'), (route) =>
    route.fulfill({ status: 200, contentType: 'image/svg+xml', body: tile }),
  );
}

e2eSuite('public pages in Chromium', (env) => {
  for (const viewport of VIEWPORTS) {
    describe(`at ${viewport.width}×${viewport.height}`, () => {
      test('home shows the site name, featured and latest news, category blocks and the four widgets', async () => {
        await withPage(env(), { viewport }, async (page) => {
          const res = await page.goto(env().url('/'));
          assert.equal(res?.status(), 200);
          assert.equal(await page.title(), HOME_NAME);
          assert.equal(await page.locator('h1').textContent(), HOME_NAME);
          assert.ok(await page.getByRole('heading', { name: 'Tin nổi bật' }).isVisible());
          assert.ok(await page.getByRole('heading', { name: 'Tin mới nhất' }).isVisible());
          assert.ok((await page.locator('.latest .item').count()) >= 3, 'several latest articles');
          assert.ok(await page.getByRole('heading', { name: 'Xây dựng Đảng' }).isVisible());
          await assertSidebarWidgets(page);
          await assertNoSidewaysScroll(page);
          await screenshot(page, 'home');
          await assertAccessible(page, `home at ${viewport.width}px`);
        });
      });

      test('a category page lists its articles and its pagination link leads to page 2', async () => {
        await withPage(env(), { viewport }, async (page) => {
          await page.goto(env().url('/chuyen-muc/tin-tuc-su-kien'));
          assert.equal(await page.locator('h1').textContent(), 'Tin tức – Sự kiện');
          assert.equal(await page.locator('.list .item').count(), 8, 'a full first page');
          assert.match(await visibleText(page, 'main'), /\d+ bài viết · Trang 1\/2/);
          await assertSidebarWidgets(page);
          await assertNoSidewaysScroll(page);
          await screenshot(page, 'category');
          await assertAccessible(page, `category at ${viewport.width}px`);

          const pagination = page.getByRole('navigation', { name: 'Phân trang' });
          await Promise.all([page.waitForURL('**/chuyen-muc/tin-tuc-su-kien/trang-2'), pagination.getByRole('link', { name: 'Trang 2' }).click()]);
          assert.match(await visibleText(page, 'main'), /Trang 2\/2/);
          assert.ok((await page.locator('.list .item').count()) >= 1, 'page 2 has articles');
          assert.ok(await page.locator('.list').getByRole('link', { name: 'Thị xã Hồng Lĩnh lấy ý kiến cử tri về phương án sắp xếp đơn vị hành chính cấp xã' }).isVisible(), 'the oldest article is on the last page');
          assert.ok(await pagination.getByRole('link', { name: '« Trước' }).isVisible());
          await assertNoSidewaysScroll(page);
          await screenshot(page, 'category-2');
          await assertAccessible(page, `category page 2 at ${viewport.width}px`);
        });
      });

      test('the old platform URL of the seed article redirects to the article, which shows title, date, text and widgets', async () => {
        await withPage(env(), { viewport }, async (page) => {
          const redirects: number[] = [];
          page.on('response', (r) => {
            if (r.url().endsWith('.aspx')) redirects.push(r.status());
          });
          const res = await page.goto(env().url(SEED.legacyPath));
          assert.deepEqual(redirects, [301]);
          assert.equal(res?.status(), 200);
          assert.match(new URL(page.url()).pathname, /^\/bai-viet\/dang-uy-phuong-nam-hong-[a-z0-9-]*-\d+$/);
          assert.equal(await page.locator('h1').textContent(), SEED.title);
          assert.equal(await page.locator('.article-meta time').textContent(), SEED.date);
          const body = await visibleText(page, '.article-content');
          assert.ok(body.includes(SEED.paragraph), 'a paragraph of the original article, verbatim');
          assert.match(body, /Nguồn: Thị uỷ Hồng Lĩnh/);
          await assertSidebarWidgets(page);
          await assertNoSidewaysScroll(page);
          await screenshot(page, 'article');
          await assertAccessible(page, `article at ${viewport.width}px`);
        });
      });

      test('the map page draws the offices on the interactive map and passes axe', async () => {
        await withPage(env(), { viewport }, async (page) => {
          await fakeTiles(page);
          await page.goto(env().url('/ban-do'));
          assert.equal(await page.locator('h1').textContent(), 'Bản đồ phường Nam Hồng Lĩnh');
          await page.locator('.map-box.map-live').waitFor({ timeout: 5000 });
          const offices = await page.locator('.offices li').count();
          assert.ok(offices >= 3, 'several offices listed');
          assert.equal(await page.locator('.map-pin').count(), offices, 'one numbered marker per office');
          await assertNoSidewaysScroll(page);
          await screenshot(page, 'map');
          await assertAccessible(page, `map at ${viewport.width}px`);
        });
      });

      test('the static page "Giới thiệu" shows its text and passes axe', async () => {
        await withPage(env(), { viewport }, async (page) => {
          assert.equal((await page.goto(env().url('/trang/gioi-thieu')))?.status(), 200);
          assert.equal(await page.locator('h1').textContent(), 'Giới thiệu');
          assert.ok((await visibleText(page, '.article-body')).length > 100, 'the page has text');
          await assertNoSidewaysScroll(page);
          await screenshot(page, 'static-page');
          await assertAccessible(page, `/trang/gioi-thieu at ${viewport.width}px`);
        });
      });

      test('an unknown address gets a 404 page with a way back home, and it passes axe', async () => {
        await withPage(env(), { viewport }, async (page) => {
          assert.equal((await page.goto(env().url('/khong-co-trang-nay')))?.status(), 404);
          assert.equal(await page.locator('h1').textContent(), 'Không tìm thấy trang');
          assert.ok(await page.locator('main').getByRole('link', { name: 'trang chủ' }).isVisible());
          await assertNoSidewaysScroll(page);
          await screenshot(page, '404');
          await assertAccessible(page, `404 page at ${viewport.width}px`);
        });
      });

      test('the second site answers on its own host name, with its own name, and passes axe', async () => {
        await withPage(env(), { viewport }, async (page) => {
          assert.equal((await page.goto(env().url('/', BAC_HONG_LINH)))?.status(), 200);
          assert.equal(await page.title(), NAM_HOME_NAME);
          assert.equal(await page.locator('h1').textContent(), NAM_HOME_NAME);
          assert.equal(await page.locator('.brand-name').textContent(), NAM_HOME_NAME);
          assert.ok(!(await visibleText(page)).includes('184.250'), 'not the default ward\'s counter');
          await assertNoSidewaysScroll(page);
          await screenshot(page, 'bachonglinh-home');
          await assertAccessible(page, `bachonglinh home at ${viewport.width}px`);
        });
      });
    });
  }
});
