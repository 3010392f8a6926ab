/**
 * Thông báo khẩn in Chromium, with and without JavaScript, on a phone and a desktop: the notice
 * is a labelled region with a heading above the header (not an ARIA alert), its links are
 * reachable by keyboard with a visible focus ring, the page passes axe and does not scroll
 * sideways, for an urgent and an advisory notice at once.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeUser } from '../test/helpers/admin.js';
import { toLocalInput } from '../src/features/alerts/input.js';
import { navigation, signIn } from './admin-helpers.js';
import { assertAccessible, DESKTOP, e2eSuite, NAM_HONG_LINH, BAC_HONG_LINH, noSidewaysScroll, PHONE, screenshot, visibleText, withPage } from './helpers.js';

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
            await page.goto(env().url(path, NAM_HONG_LINH));
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
          await page.goto(env().url('/', NAM_HONG_LINH));
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

  test('a system admin sends a notice to two sites from the back office: a bad form comes back with what was typed, the screens pass axe', async () => {
    const { db } = env();
    await makeUser(db.db, 'hethong', [], true);
    const ends = toLocalInput(new Date(Date.now() + 2 * 24 * 3600_000).toISOString());
    for (const viewport of [PHONE, DESKTOP]) {
      await withPage(env(), { viewport }, async (page) => {
        await signIn(page, env(), 'hethong');
        await page.goto(env().url('/quan-tri/thong-bao-khan'));
        await assertAccessible(page, `the notices list (${viewport.width}px)`);
        await navigation(page, () => page.getByRole('link', { name: 'Gửi cho nhiều trang' }).click());
        await assertAccessible(page, `the multi-site form (${viewport.width}px)`);
        const title = `Lũ lên nhanh trên sông La (${viewport.width})`;
        await page.getByLabel('Tiêu đề').fill(title);
        await page.getByLabel('Nội dung').fill('Không qua ngầm, tràn khi nước chảy xiết.');
        await page.getByLabel('Lưu ý').check();
        await page.getByLabel('Kết thúc hiển thị').fill(ends);
        const bad = await navigation(page, () => page.getByRole('button', { name: 'Gửi thông báo' }).click());
        assert.equal(bad?.status(), 422);
        assert.equal(await page.locator('#f-sites-error').innerText(), 'Vui lòng chọn ít nhất một trang, hoặc chọn “Tất cả các trang đang hoạt động”.');
        assert.equal(await page.getByLabel('Tiêu đề').inputValue(), title, 'what was typed comes back');
        assert.equal(await page.getByLabel('Kết thúc hiển thị').inputValue(), ends);
        assert.ok(await page.getByLabel('Lưu ý').isChecked());
        await assertAccessible(page, `the multi-site form with an error (${viewport.width}px)`);
        await page.getByLabel('Tất cả các trang đang hoạt động').check();
        const ok = await navigation(page, () => page.getByRole('button', { name: 'Gửi thông báo' }).click());
        assert.equal(ok?.status(), 200);
        assert.match(await page.getByRole('status').innerText(), /Đã gửi thông báo khẩn/);
        for (const host of [NAM_HONG_LINH, BAC_HONG_LINH]) {
          await page.goto(env().url('/', host));
          assert.ok(await page.getByRole('region', { name: new RegExp(`Lưu ý: ${title.replace(/[()]/g, '\\$&')}`) }).isVisible(), host);
        }
      });
    }
  });
});
