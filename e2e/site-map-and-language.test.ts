/**
 * Sơ đồ trang and the header's language link in Chromium without JavaScript, at phone and desktop
 * sizes: the footer opens the map of the site, its groups and nested categories, a link from it
 * works, the header's "English" leads to /en and "Tiếng Việt" back; axe-core on the site map with
 * and without scripts, and no sideways scrolling on a phone.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { navigation } from './admin-helpers.js';
import { assertAccessible, e2eSuite, PHONE, screenshot, VIEWPORTS, withPage } from './helpers.js';

const GROUPS = ['Tin tức theo chuyên mục', 'Thông tin chính quyền', 'Trang thông tin', 'Tiện ích'];

async function assertNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  assert.ok(scroll <= client, `${label}: no sideways scroll (${scroll} > ${client})`);
}

e2eSuite('Sơ đồ trang and the language link in Chromium', (env) => {
  for (const viewport of VIEWPORTS) {
    test(`without JS at ${viewport.width}px: footer → Sơ đồ trang → a category; header → English → Tiếng Việt`, async () => {
      await withPage(env(), { viewport, js: false }, async (page) => {
        await page.goto(env().url('/'));
        const footer = page.locator('footer.site-footer');
        await navigation(page, () => footer.getByRole('link', { name: 'Sơ đồ trang' }).click());
        assert.equal(new URL(page.url()).pathname, '/so-do-trang');
        assert.equal(await page.locator('main h1').textContent(), 'Sơ đồ trang');
        const headings = await page.locator('main h2').allTextContents();
        assert.deepEqual(headings, GROUPS);
        const news = page.locator('main').getByRole('region', { name: 'Tin tức theo chuyên mục' });
        assert.ok((await news.getByRole('link').count()) >= 7, 'the home page and every category');
        assert.ok(await page.locator('main').getByRole('region', { name: 'Thông tin chính quyền' }).getByRole('link', { name: 'Văn bản' }).isVisible());
        await assertNoSidewaysScroll(page, 'site map');
        await screenshot(page, 'so-do-trang');
        await assertAccessible(page, `/so-do-trang at ${viewport.width}px`);

        await navigation(page, () => news.getByRole('link', { name: 'Xây dựng Đảng' }).click());
        assert.equal(new URL(page.url()).pathname, '/chuyen-muc/xay-dung-dang');

        // The header's language link, on a page that has no English counterpart.
        const english = page.locator('header.site-header').getByRole('link', { name: 'English' });
        assert.equal(await english.getAttribute('hreflang'), 'en');
        assert.equal(await english.getAttribute('lang'), 'en');
        assert.ok(await english.isVisible(), 'visible at this width');
        await navigation(page, () => english.click());
        assert.equal(new URL(page.url()).pathname, '/en');
        assert.equal(await page.getAttribute('html', 'lang'), 'en');
        await screenshot(page, 'en-header');
        const back = page.locator('header.site-header').getByRole('link', { name: 'Tiếng Việt' });
        await navigation(page, () => back.click());
        assert.equal(new URL(page.url()).pathname, '/gioi-thieu');
        await assertNoSidewaysScroll(page, 'Giới thiệu');
      });
    });

    test(`axe-core finds nothing on the site map and a page with the header link at ${viewport.width}px, with scripts on`, async () => {
      await withPage(env(), { viewport }, async (page) => {
        for (const path of ['/so-do-trang', '/']) {
          assert.equal((await page.goto(env().url(path)))?.status(), 200);
          await assertAccessible(page, `${path} at ${viewport.width}px`);
          if (viewport === PHONE) await assertNoSidewaysScroll(page, path);
        }
        // The link sits at the top of the header, above the site's name, and does not cover the search box.
        const link = await page.locator('.lang-switch a').boundingBox();
        const search = await page.locator('.header-search').boundingBox();
        const brand = await page.locator('.brand-name').boundingBox();
        assert.ok(link && search && brand);
        assert.ok(link.y + link.height <= brand.y, 'above the name');
        const overlaps = link.x < search.x + search.width && search.x < link.x + link.width && link.y < search.y + search.height && search.y < link.y + link.height;
        assert.ok(!overlaps, 'not over the search box');
      });
    });
  }
});
