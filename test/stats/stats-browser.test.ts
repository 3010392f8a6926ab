/**
 * The statistics in a real browser (Chromium): the beacon updates the public widget, the back
 * office draws the uPlot chart, and axe-core finds nothing on either (WCAG 2.1 AA), on a phone
 * and a desktop. Skipped with a reason when Chromium is not installed (see e2e/helpers.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAccessible, DESKTOP, e2eSuite, PHONE, withPage } from '../../e2e/helpers.js';
import { signIn } from '../../e2e/admin-helpers.js';
import { makeUser } from '../helpers/admin.js';

const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';

e2eSuite('visitor statistics in the browser', (env) => {
  test('a page view is counted by the script and the widget shows the new total; the privacy note is accessible', async () => {
    const e = env();
    const context = await e.browser.newContext({ userAgent: BROWSER_UA, locale: 'vi-VN', viewport: DESKTOP });
    try {
      const page = await context.newPage();
      const counted = page.waitForResponse((r) => r.url().endsWith('/thong-ke/ghi') && r.status() === 200);
      await page.goto(e.url('/'));
      const answer = await (await counted).json();
      assert.ok(answer.total > 184_250, 'a person (not a headless bot) is counted');
      const shown = new Intl.NumberFormat('vi-VN').format(answer.total);
      await page.waitForFunction((t) => document.querySelector('[data-stat="total"]')?.textContent === t, shown);
      assert.equal(await page.locator('[data-stat="online"]').innerText(), new Intl.NumberFormat('vi-VN').format(answer.online));
      await page.goto(e.url('/thong-ke'));
      await assertAccessible(page, 'the note on visitor statistics');
    } finally {
      await context.close();
    }
  });

  test('a visitor arriving from another site is counted under its domain: the beacon names our page as its Referer', async () => {
    const e = env();
    const context = await e.browser.newContext({ userAgent: BROWSER_UA, locale: 'vi-VN', viewport: DESKTOP });
    try {
      const page = await context.newPage();
      const counted = page.waitForResponse((r) => r.url().endsWith('/thong-ke/ghi') && r.status() === 200);
      await page.goto(e.url('/'), { referer: 'https://zalo.me/tin-nhan' });
      const request = (await counted).request();
      assert.equal(new URL((await request.allHeaders()).referer!).origin, new URL(e.url('/')).origin, 'the beacon names our page');
      assert.equal((await request.allHeaders())['sec-fetch-site'], 'same-origin');
      assert.equal(JSON.parse(request.postData()!).r, 'https://zalo.me/tin-nhan');
      await e.app.stats.flush();
      const row = await e.db.db.selectFrom('stats_referrers').select('hits').where('domain', '=', 'zalo.me').executeTakeFirst();
      assert.ok(row && Number(row.hits) >= 1, 'zalo.me is counted');
    } finally {
      await context.close();
    }
  });

  test('the back-office statistics screen draws its chart and passes axe, on a desktop and a phone', async () => {
    const e = env();
    await makeUser(e.db.db, 'thongke', [{ siteId: 1, role: 'site_admin' }]);
    for (const viewport of [DESKTOP, PHONE]) {
      await withPage(e, { viewport }, async (page) => {
        await signIn(page, e, 'thongke');
        await page.goto(e.url('/quan-tri/thong-ke'));
        await page.locator('[data-stats-chart] canvas').waitFor({ state: 'attached', timeout: 5000 });
        assert.ok(await page.locator('.uplot').isVisible(), 'uPlot drew the chart');
        await page.getByText('Bảng số liệu theo ngày').click();
        assert.ok(await page.locator('.stats-details table').isVisible(), 'the same data as a table');
        await assertAccessible(page, `/quan-tri/thong-ke at ${viewport.width}px`);
      });
    }
  });
});
