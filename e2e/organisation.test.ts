/**
 * Giới thiệu in Chromium: the organisation chart, leaders and contact pages without JavaScript,
 * switching to English and back, no sideways scrolling on a phone, and axe-core on every page
 * of the section in both languages at phone and desktop sizes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { makeUser } from '../test/helpers/admin.js';
import { hongLinhSiteId, navigation, signIn } from './admin-helpers.js';
import { assertAccessible, e2eSuite, PHONE, VIEWPORTS, visibleText, withPage } from './helpers.js';

const PAGES = ['/gioi-thieu', '/gioi-thieu/co-cau-to-chuc', '/gioi-thieu/lanh-dao', '/gioi-thieu/lien-he', '/en', '/en/organisation', '/en/leaders', '/en/contact'];

async function assertNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  assert.ok(scroll <= client, `${label}: no sideways scroll (${scroll} > ${client})`);
}

e2eSuite('Giới thiệu and the English pages in Chromium', (env) => {
  for (const viewport of VIEWPORTS) {
    test(`without JS at ${viewport.width}px: overview → chart → leaders → contact → English → back`, async () => {
      await withPage(env(), { viewport, js: false }, async (page) => {
        await page.goto(env().url('/gioi-thieu'));
        assert.equal(await page.evaluate(() => document.documentElement.classList.contains('js')), false, 'scripts really are off');
        const nav = page.getByRole('navigation', { name: 'Giới thiệu' });

        await Promise.all([page.waitForURL('**/gioi-thieu/co-cau-to-chuc'), nav.getByRole('link', { name: 'Cơ cấu tổ chức' }).click()]);
        assert.equal(await page.locator('main h1').textContent(), 'Cơ cấu tổ chức');
        assert.ok(await page.getByRole('heading', { name: 'Ủy ban nhân dân phường Nam Hồng Lĩnh', level: 2 }).isVisible());
        const desk = page.getByRole('heading', { name: 'Bộ phận Một cửa (tiếp nhận và trả kết quả)', level: 4 });
        assert.ok(await desk.isVisible(), 'the sub-unit is shown');
        // The sub-unit's list item sits inside the office's list item.
        assert.equal(await page.locator('.org-tree li:has(> .org-node h3:text-is("Văn phòng HĐND và UBND phường")) li h4').first().textContent(), 'Bộ phận Một cửa (tiếp nhận và trả kết quả)');
        await assertNoSidewaysScroll(page, 'chart');

        await Promise.all([page.waitForURL('**/gioi-thieu/lanh-dao'), nav.getByRole('link', { name: 'Lãnh đạo' }).click()]);
        const chair = page.locator('.leader', { hasText: 'Trần Đình Hải' });
        assert.match(await chair.innerText(), /Chủ tịch UBND phường/);
        assert.equal(await chair.getByRole('link', { name: '0239 3836 555' }).getAttribute('href'), 'tel:02393836555');
        assert.equal(await chair.getByRole('link', { name: 'tdhai.namhonglinh@hatinh.gov.vn' }).getAttribute('href'), 'mailto:tdhai.namhonglinh@hatinh.gov.vn');
        await assertNoSidewaysScroll(page, 'leaders');

        await Promise.all([page.waitForURL('**/gioi-thieu/lien-he'), nav.getByRole('link', { name: 'Liên hệ' }).click()]);
        const text = await visibleText(page, 'main');
        assert.match(text, /Fax: 0239 3836 249/);
        assert.match(text, /Giờ làm việc/);
        assert.equal(await page.getByRole('link', { name: 'Xem vị trí trên bản đồ' }).getAttribute('href'), '/ban-do');
        await assertNoSidewaysScroll(page, 'contact');

        await Promise.all([page.waitForURL('**/en/contact'), page.getByRole('link', { name: 'English' }).click()]);
        assert.equal(await page.getAttribute('html', 'lang'), 'en');
        assert.equal(await page.locator('main h1').textContent(), 'Contact');
        assert.match(await visibleText(page, 'main'), /Working hours.*Morning: 7:00 to 11:30/);
        await assertNoSidewaysScroll(page, 'English contact');
        const about = page.getByRole('navigation', { name: 'About' });
        await Promise.all([page.waitForURL('**/en/organisation'), about.getByRole('link', { name: 'Organisation' }).click()]);
        assert.match(await visibleText(page, 'main'), /Department of Justice/);
        const fallback = page.locator('h3 span[lang="vi"]', { hasText: 'Phòng Giáo dục và Đào tạo' });
        assert.ok(await fallback.isVisible(), 'the Vietnamese name is shown where the English one is missing');
        assert.match(await visibleText(page, 'main'), /Phòng Giáo dục và Đào tạo \(Vietnamese only\)/);

        await Promise.all([page.waitForURL('**/gioi-thieu/co-cau-to-chuc'), page.getByRole('link', { name: 'Tiếng Việt' }).click()]);
        assert.equal(await page.getAttribute('html', 'lang'), 'vi');
        assert.equal(await page.locator('main h1').textContent(), 'Cơ cấu tổ chức');
      });
    });
  }

  for (const viewport of VIEWPORTS) {
    test(`axe-core finds nothing on the eight pages at ${viewport.width}px`, async () => {
      await withPage(env(), { viewport }, async (page) => {
        for (const path of PAGES) {
          const res = await page.goto(env().url(path));
          assert.equal(res?.status(), 200, path);
          await assertAccessible(page, `${path} at ${viewport.width}px`);
          if (viewport === PHONE) await assertNoSidewaysScroll(page, path);
        }
      });
    });
  }

  test('without JS the leaders page passes axe-core too (English, phone)', async () => {
    await withPage(env(), { viewport: PHONE, js: false }, async (page) => {
      await page.goto(env().url('/en/leaders'));
      await assertAccessible(page, '/en/leaders');
    });
  });

  test('an editor changes a Vietnamese post in the back office; the English one is listed as out of date; the screens pass axe-core', async () => {
    await makeUser(env().db.db, 'bientap-gt', [{ siteId: await hongLinhSiteId(env()), role: 'editor' }]);
    for (const viewport of VIEWPORTS) {
      await withPage(env(), { viewport }, async (page) => {
        await signIn(page, env(), 'bientap-gt');
        for (const path of ['/quan-tri/gioi-thieu', '/quan-tri/gioi-thieu/co-quan', '/quan-tri/gioi-thieu/don-vi', '/quan-tri/gioi-thieu/can-bo', '/quan-tri/gioi-thieu/ban-tieng-anh']) {
          assert.equal((await page.goto(env().url(path)))?.status(), 200, path);
          await assertAccessible(page, `${path} at ${viewport.width}px`);
        }
        if (viewport !== PHONE) return;
        await page.goto(env().url('/quan-tri/gioi-thieu/can-bo'));
        await navigation(page, () => page.getByRole('link', { name: 'Sửa: Nguyễn Thị Thu Hà' }).click());
        await page.locator('#f-post').fill('Phó Chủ tịch UBND phường phụ trách văn hóa – xã hội');
        await navigation(page, () => page.getByRole('button', { name: 'Lưu thông tin' }).click());
        assert.match(await visibleText(page, 'main'), /Đã lưu thông tin cán bộ\./);
        await page.goto(env().url('/quan-tri/gioi-thieu/ban-tieng-anh'));
        const row = page.locator('tr', { hasText: 'Nguyễn Thị Thu Hà' });
        assert.match(await row.innerText(), /Bản tiếng Anh cũ hơn bản tiếng Việt — cần cập nhật/);
        await assertAccessible(page, 'English list with a stale row');
      });
    }
  });
});
