/**
 * The disclosure sections of part B in Chromium, without JavaScript, on a phone and a laptop: the
 * hub and every section page pass axe and do not scroll sideways, the hotlines are tel: links in
 * the sidebar, and the back-office screens pass axe, bad forms coming back with what was typed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeUser } from '../test/helpers/admin.js';
import { navigation, signIn } from './admin-helpers.js';
import { assertAccessible, DESKTOP, e2eSuite, NAM_HONG_LINH, noSidewaysScroll, PHONE, withPage } from './helpers.js';

const PAGES = ['/cong-khai-minh-bach', '/thong-tin-cong-khai', '/tiep-cong-dan', '/nguoi-phat-ngon', '/tuyen-dung', '/pho-bien-phap-luat', '/duong-day-nong'];

e2eSuite('disclosure sections (part B) in Chromium', (env) => {
  test('the hub and each section page: axe clean, no sideways scroll, without JavaScript, phone and laptop', async () => {
    for (const viewport of [PHONE, DESKTOP]) {
      await withPage(env(), { viewport, js: false }, async (page) => {
        for (const path of PAGES) {
          const res = await page.goto(env().url(path, NAM_HONG_LINH));
          assert.equal(res?.status(), 200, path);
          assert.ok(await page.getByRole('heading', { level: 1 }).isVisible(), path);
          await assertAccessible(page, `${path} (${viewport.width}px)`);
          await noSidewaysScroll(page, path);
        }
        await page.goto(env().url('/', NAM_HONG_LINH));
        const block = page.getByRole('region', { name: 'Đường dây nóng' });
        assert.equal(await block.getByRole('link', { name: '115', exact: true }).getAttribute('href'), 'tel:115');
        const hub = page.getByRole('link', { name: 'Công khai – minh bạch' });
        await navigation(page, () => hub.click());
        assert.equal(new URL(page.url()).pathname, '/cong-khai-minh-bach');
      });
    }
  });

  test('the hotline form: a bad line comes back with its message and what was typed, axe clean; a good one shows on every page', async () => {
    await makeUser(env().db.db, 'bientap-cong-khai', [{ siteId: 1, role: 'editor' }]);
    for (const viewport of [PHONE, DESKTOP]) {
      await withPage(env(), { viewport, js: false }, async (page) => {
        await signIn(page, env(), 'bientap-cong-khai');
        await page.goto(env().url('/quan-tri/duong-day-nong'));
        await assertAccessible(page, `hotline form (${viewport.width}px)`);
        const label = page.locator('#f-label1');
        await label.fill('Đường dây nóng Chủ tịch UBND phường');
        await page.locator('#f-number1').fill('');
        const bad = await navigation(page, () => page.getByRole('button', { name: 'Lưu' }).click());
        assert.equal(bad?.status(), 422);
        assert.equal(await label.inputValue(), 'Đường dây nóng Chủ tịch UBND phường');
        assert.match(await page.locator('#f-number1-error').innerText(), /Vui lòng nhập số điện thoại cho “Đường dây nóng Chủ tịch UBND phường” \(dòng 1\)/);
        await assertAccessible(page, `hotline form with an error (${viewport.width}px)`);
        await page.locator('#f-number1').fill('0912 345 678');
        const ok = await navigation(page, () => page.getByRole('button', { name: 'Lưu' }).click());
        assert.equal(ok?.status(), 200);
        for (const path of ['/quan-tri/tiep-cong-dan', '/quan-tri/tuyen-dung', '/quan-tri/tuyen-dung/moi', '/quan-tri/nguoi-phat-ngon', '/quan-tri/thong-tin-cong-khai', '/quan-tri/pho-bien-phap-luat']) {
          await page.goto(env().url(path));
          await assertAccessible(page, `${path} (${viewport.width}px)`);
        }
        await page.goto(env().url('/quan-tri/tuyen-dung/moi'));
        await page.getByLabel('Tiêu đề thông báo').fill('Tuyển dụng công chức Địa chính');
        await page.getByLabel('Ngày thông báo').fill('2026-01-15');
        await page.getByLabel('Hạn nộp hồ sơ').fill('2026-01-10');
        const late = await navigation(page, () => page.getByRole('button', { name: 'Lưu' }).click());
        assert.equal(late?.status(), 422);
        assert.equal(await page.getByLabel('Tiêu đề thông báo').inputValue(), 'Tuyển dụng công chức Địa chính');
        await assertAccessible(page, `recruitment form with errors (${viewport.width}px)`);
        await page.goto(env().url('/van-ban', NAM_HONG_LINH));
        assert.equal(await page.getByRole('region', { name: 'Đường dây nóng' }).getByRole('link', { name: '0912 345 678' }).getAttribute('href'), 'tel:0912345678');
      });
    }
  });
});
