/**
 * Thông báo khẩn in Chromium, with and without JavaScript, on a phone and a desktop: the notice
 * is a labelled region with a heading above the header (not an ARIA alert), its links are
 * reachable by keyboard with a visible focus ring, the page passes axe and does not scroll
 * sideways, for an urgent and an advisory notice at once.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAccessible, DESKTOP, e2eSuite, HONG_LINH, noSidewaysScroll, PHONE, screenshot, visibleText, withPage } from './helpers.js';

e2eSuite('emergency notices in Chromium', (env) => {
  test('urgent and advisory notices at the top of the home page and an article, phone and desktop, with and without JS', async () => {
    const { db, app } = env();
    const now = Date.now();
    const iso = (h: number) => new Date(now + h * 3600_000).toISOString();
    const base = { site_id: 1, batch: null, starts_at: iso(-1), ends_at: iso(24), start_purged: 1, end_purged: 1, created_by: null, created_at: iso(-1), updated_at: iso(-1) };
    await db.db.insertInto('alerts').values([
      { ...base, title: 'Sơ tán dân vùng trũng thấp trước bão số 12', body: 'Người dân tổ dân phố 3, 4 di chuyển đến nhà văn hoá phường trước 17 giờ.\nBản đồ điểm sơ tán: https://bando.example.vn/so-tan-bao-so-12-phuong-nam-hong-linh', severity: 'urgent', link: '/tim-kiem?q=bao' },
      { ...base, title: 'Tạm ngừng cấp nước', body: 'Nước sinh hoạt tạm ngừng từ 8 giờ đến 17 giờ.', severity: 'advisory', link: '' },
    ]).execute();
    app.cong.pageCache.purgeSite(1);
    const article = await db.db.selectFrom('articles').select('id').where('site_id', '=', 1).where('status', '=', 'published').orderBy('id').executeTakeFirstOrThrow();
    for (const viewport of [PHONE, DESKTOP]) {
      for (const js of [true, false]) {
        await withPage(env(), { viewport, js }, async (page) => {
          for (const path of ['/', `/bai-viet/x-${article.id}`]) {
            await page.goto(env().url(path, HONG_LINH));
            const urgent = page.getByRole('region', { name: /Khẩn cấp: Sơ tán dân vùng trũng thấp trước bão số 12/ });
            assert.ok(await urgent.isVisible(), 'the urgent notice is a labelled region');
            assert.ok(await page.getByRole('region', { name: /Lưu ý: Tạm ngừng cấp nước/ }).isVisible());
            assert.equal(await page.getByRole('alert').count(), 0, 'no ARIA alert on a public page');
            assert.ok(await urgent.getByRole('heading', { level: 2 }).isVisible());
            assert.match(await visibleText(page, '.site-alert-urgent'), /Thông báo khẩn – Khẩn cấp: Sơ tán dân vùng trũng thấp trước bão số 12 Người dân tổ dân phố 3, 4 .* Có hiệu lực đến .* Xem chi tiết/);
            const top = await page.locator('.site-alerts').boundingBox();
            const header = await page.locator('.site-header').boundingBox();
            assert.ok(top && header && top.y < header.y, 'above the header');
            await assertAccessible(page, `notices on ${path} (${viewport.width}px, js ${js})`);
            await noSidewaysScroll(page, `notices on ${path}`);
          }
          // Keyboard: after the skip link, the notice's links come first, each with a visible focus ring.
          await page.goto(env().url('/', HONG_LINH));
          await page.keyboard.press('Tab');
          await page.keyboard.press('Tab');
          const focused = await page.evaluate(() => {
            const el = document.activeElement as HTMLElement;
            const style = getComputedStyle(el);
            return { href: el.getAttribute('href'), outline: style.outlineStyle, width: style.outlineWidth, color: style.outlineColor };
          });
          assert.equal(focused.href, 'https://bando.example.vn/so-tan-bao-so-12-phuong-nam-hong-linh');
          assert.equal(focused.outline, 'solid');
          assert.equal(focused.width, '3px');
          assert.equal(focused.color, 'rgb(255, 255, 255)', 'white ring on the dark red notice');
          await page.keyboard.press('Tab');
          assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), '/tim-kiem?q=bao');
          if (js) await screenshot(page, 'alerts-home');
        });
      }
    }
  });
});
