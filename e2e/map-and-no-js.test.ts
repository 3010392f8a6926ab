/**
 * What people get when things fail or are switched off: the map page when the tile server cannot
 * be reached or JS is off, and the whole site navigated with JavaScript disabled.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { BAC_HONG_LINH } from '../test/helpers/app.js';
import { e2eSuite, SEED, VIEWPORTS, visibleText, withPage } from './helpers.js';

const FALLBACK = 'Không tải được bản đồ trực tuyến, đang hiển thị bản đồ tĩnh.';

/** The static map image is on screen and its SVG has actually loaded. */
async function assertStaticMapShown(page: Page): Promise<void> {
  const img = page.locator('img.map-static');
  assert.ok(await img.isVisible(), 'static map visible');
  await page.waitForFunction(() => (document.querySelector<HTMLImageElement>('img.map-static')?.naturalWidth ?? 0) > 0);
  const box = await img.boundingBox();
  assert.ok(box && box.width > 200 && box.height > 100, `static map has a real size (${JSON.stringify(box)})`);
}

e2eSuite('fallbacks and pages without JavaScript in Chromium', (env) => {
  test('when map tiles cannot load, the static map and an explanation show after a few seconds', async () => {
    await withPage(env(), {}, async (page) => {
      const tileRequests: string[] = [];
      await page.route(
        (url) => url.hostname.endsWith('tile.openstreetmap.org'),
        (route) => {
          tileRequests.push(route.request().url());
          return route.abort('internetdisconnected');
        },
      );
      await page.goto(env().url('/ban-do'));
      await page.locator('.map-canvas').waitFor({ state: 'attached' });
      assert.equal(await page.locator('[data-map-status]').textContent(), '', 'no message while the map is loading');
      await page.getByText(FALLBACK).waitFor({ timeout: 7000 });
      assert.ok(tileRequests.length > 0, 'the map did ask for tiles');
      assert.equal(await page.locator('.map-canvas').count(), 0, 'the empty interactive map is removed');
      assert.match((await page.locator('.map-box').getAttribute('class')) ?? '', /\bmap-fallback\b/);
      await assertStaticMapShown(page);
      assert.ok((await page.locator('.offices li').count()) >= 3, 'offices listed');
    });
  });

  test('the map attribution is a setting of plain text: markup in it is shown, never made into links or images (issue 16)', async () => {
    const { db, app } = env();
    const row = await db.db.selectFrom('sites').select('settings').where('id', '=', 2).executeTakeFirstOrThrow();
    const settings = JSON.parse(row.settings);
    settings.map.tileAttribution = '© OSM <a href="https://lua-dao.example/">Nhận quà</a><img src="/x.png" alt="">';
    await db.db.updateTable('sites').set({ settings: JSON.stringify(settings) }).where('id', '=', 2).execute();
    await app.cong.sites.reload();
    app.cong.pageCache.purgeSite(2);
    await withPage(env(), {}, async (page) => {
      await page.route((url) => url.hostname.endsWith('tile.openstreetmap.org'), (route) => route.abort('internetdisconnected'));
      await page.goto(env().url('/ban-do', BAC_HONG_LINH));
      const control = page.locator('.leaflet-control-attribution');
      await control.waitFor({ state: 'attached' });
      assert.match(await control.innerText(), /© OSM <a href="https:\/\/lua-dao\.example\/">Nhận quà<\/a><img src="\/x\.png" alt="">/);
      assert.equal(await control.locator('a[href*="lua-dao"]').count(), 0, 'no link made from the setting');
      assert.equal(await control.locator('img').count(), 0, 'no image made from the setting');
    });
  });

  test('without JS the map page shows the static map and the list of offices with addresses', async () => {
    await withPage(env(), { js: false }, async (page) => {
      await page.goto(env().url('/ban-do'));
      await assertStaticMapShown(page);
      assert.equal(await page.locator('.map-canvas').count(), 0);
      assert.ok(await page.getByRole('heading', { name: 'Địa chỉ các cơ quan' }).isVisible());
      const offices = await page.locator('.offices li').allInnerTexts();
      assert.ok(offices.length >= 3, 'several offices');
      for (const o of offices) assert.ok(o.trim().split('\n').length >= 2, `office "${o}" has a name and an address`);
    });
  });

  for (const viewport of VIEWPORTS) {
    test(`without JS at ${viewport.width}px: home → category in the menu → article, and the article text is readable`, async () => {
      await withPage(env(), { viewport, js: false }, async (page) => {
        await page.goto(env().url('/'));
        assert.equal(await page.evaluate(() => document.documentElement.classList.contains('js')), false, 'scripts really are off');
        const menu = page.getByRole('navigation', { name: 'Chuyên mục' });
        await Promise.all([page.waitForURL('**/chuyen-muc/xay-dung-dang'), menu.getByRole('link', { name: 'Xây dựng Đảng' }).click()]);
        assert.equal(await page.locator('h1').textContent(), 'Xây dựng Đảng');
        assert.equal(await menu.getByRole('link', { name: 'Xây dựng Đảng' }).getAttribute('aria-current'), 'page');

        const first = page.locator('.list .item-title a').first();
        const title = (await first.textContent())!;
        await Promise.all([page.waitForURL('**/bai-viet/**'), first.click()]);
        assert.equal(await page.locator('h1').textContent(), title);
        const text = page.locator('.article-body');
        assert.ok(await text.isVisible(), 'article text visible');
        assert.ok((await visibleText(page, '.article-body')).length > 200, 'the article has its text');
      });
    });
  }

  test('without JS every kind of page renders its main content', async () => {
    await withPage(env(), { js: false }, async (page) => {
      const pages: [string, string][] = [
        ['/', 'Cổng thông tin điện tử phường Nam Hồng Lĩnh'],
        ['/chuyen-muc/tin-tuc-su-kien/trang-2', 'Tin tức – Sự kiện'],
        [SEED.legacyPath, SEED.title],
        ['/trang/gioi-thieu', 'Giới thiệu'],
        ['/ban-do', 'Bản đồ phường Nam Hồng Lĩnh'],
      ];
      for (const [path, heading] of pages) {
        const res = await page.goto(env().url(path));
        assert.equal(res?.status(), 200, path);
        assert.equal(await page.locator('main h1').textContent(), heading, path);
        assert.ok((await visibleText(page, 'main')).length > 100, `${path} has content`);
      }
    });
  });
});
