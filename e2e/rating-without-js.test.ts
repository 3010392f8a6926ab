/**
 * Rating an article in Chromium with JavaScript off: the plain form posts, the browser follows the
 * redirect to the page after the vote, which shows the new count, the reader's own stars and a
 * thanks, scrolled to the rating; changing the vote the same way; another reader still gets the
 * shared cached article. axe-core on the page after the vote at phone and desktop sizes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { navigation } from './admin-helpers.js';
import { assertAccessible, e2eSuite, VIEWPORTS, visibleText, withPage } from './helpers.js';

/** Headless Chromium says "HeadlessChrome", which the server rightly takes for a robot and does not count. */
const PERSON = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36' };

/** The n-th article listed on a category page (each test rates its own). */
async function articleOf(page: Page, url: (p: string) => string, n: number): Promise<string> {
  await page.goto(url('/chuyen-muc/xay-dung-dang'));
  return (await page.locator('main a[href^="/bai-viet/"]').nth(n).getAttribute('href'))!;
}

async function vote(page: Page, stars: number): Promise<void> {
  // Without JS a click on a star only chooses it; the button sends the form.
  await page.locator(`label[for="sao-${stars}"]`).click();
  const res = await navigation(page, () => page.getByRole('button', { name: 'Gửi đánh giá' }).click());
  assert.equal(res?.status(), 200);
}

e2eSuite('rating without JavaScript in Chromium', (env) => {
  for (const [i, viewport] of VIEWPORTS.entries()) {
    test(`at ${viewport.width}px: vote, see the new count and your stars, change the vote`, async () => {
      const path = await withPage(env(), { viewport, js: false }, async (page, context) => {
        await context.setExtraHTTPHeaders(PERSON);
        const path = await articleOf(page, env().url, 2 + i);
        await page.goto(env().url(path));
        assert.equal(await page.evaluate(() => document.documentElement.classList.contains('js')), false, 'scripts really are off');
        const title = await page.locator('main h1').textContent();
        const summary = page.locator('[data-rating-summary]');
        assert.equal(await summary.textContent(), 'Chưa có đánh giá');

        await vote(page, 4);
        const after = new URL(page.url());
        assert.match(after.pathname, /^\/danh-gia\/\d+\/da-gui$/);
        assert.equal(after.hash, '#danh-gia');
        assert.equal(await page.locator('main h1').textContent(), title, 'still the article');
        assert.equal(await summary.textContent(), '1 lượt đánh giá · trung bình 4,0/5');
        assert.ok(await page.locator('#sao-4').isChecked(), 'your stars are chosen');
        assert.equal(await page.getByRole('status').filter({ hasText: 'sao' }).textContent(), 'Cảm ơn bạn đã đánh giá. Bạn đã chấm 4 sao.');
        // The fragment brought the stars into view (scrolled to its top, give or take a sub-pixel).
        const box = await page.locator('#danh-gia').boundingBox();
        assert.ok(box && box.y > -1 && box.y < viewport.height / 2, `the rating block is in view (y = ${box?.y})`);
        await assertAccessible(page, `the page after a vote at ${viewport.width}px`);

        await vote(page, 2);
        assert.equal(await summary.textContent(), '1 lượt đánh giá · trung bình 2,0/5', 'still one vote, changed');
        assert.ok(await page.locator('#sao-2').isChecked());
        assert.match(await visibleText(page, '#danh-gia'), /Bạn đã chấm 2 sao\./);
        return path;
      });

      // Another reader, another browser: the article as everyone gets it, nobody's stars chosen.
      await withPage(env(), { viewport, js: false }, async (page) => {
        await page.goto(env().url(path));
        assert.equal(new URL(page.url()).pathname, path);
        assert.equal(await page.locator('input[name="sao"]:checked').count(), 0);
        assert.doesNotMatch(await visibleText(page, '#danh-gia'), /Bạn đã chấm/);
        // Opening the page after a vote without having voted leads to the article.
        const id = /-(\d+)$/.exec(path)![1];
        await page.goto(env().url(`/danh-gia/${id}/da-gui`));
        assert.equal(new URL(page.url()).pathname, path);
      });
    });
  }
});
