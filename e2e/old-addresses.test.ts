/**
 * Quản lý trang › Địa chỉ cũ in Chromium: axe-core on the screen (empty, with errors, with an
 * answer) at a laptop and a tablet, as the other site screens, no sideways scrolling with long old
 * addresses, and the whole add → try → delete round done with the keyboard alone.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeUser } from '../test/helpers/admin.js';
import { recordOldAddress } from '../src/kernel/sites/old-addresses.js';
import { assertFocusVisible, focused, hongLinhSiteId, navigation, signIn } from './admin-helpers.js';
import { assertAccessible, e2eSuite, withPage } from './helpers.js';

const SCREEN = '/quan-tri/trang-web/dia-chi-cu';
const LAPTOP = { width: 1366, height: 768 };
const TABLET = { width: 820, height: 1180 };
const LONG = `/portal/pages/2019-05-05/${'Dang-uy-phuong-Nam-Hong-tong-ket-13-nam-thuc-hien-Nghi-quyet-'.repeat(3)}614999.aspx`;

e2eSuite('the old addresses screen in Chromium', (env) => {
  let ready: Promise<number> | null = null;
  const setUp = () =>
    (ready ??= (async () => {
      const siteId = await hongLinhSiteId(env());
      await env().db.db.insertInto('site_hosts').values({ host: 'namhonglinh-cu.hatinh.gov.vn', site_id: siteId }).execute();
      await env().app.cong.sites.reload();
      await makeUser(env().db.db, 'quantridiachi', [{ siteId, role: 'site_admin' }]);
      await recordOldAddress(env().db.db, { host: 'namhonglinh-cu.hatinh.gov.vn', ownerSiteId: siteId, fromUrl: `https://namhonglinh-cu.hatinh.gov.vn${LONG}`, toSiteId: siteId, toPath: '/bai-viet/tong-ket-13-nam-1', source: 'import' }, new Date());
      return siteId;
    })());

  for (const viewport of [LAPTOP, TABLET]) {
    test(`passes axe-core empty, with errors and with an answer, without sideways scrolling, at ${viewport.width}px`, async () => {
      await setUp();
      await withPage(env(), { viewport }, async (page) => {
        await signIn(page, env(), 'quantridiachi');
        const check = async (what: string) => {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert.ok(overflow <= 0, `${what}: no sideways scrolling at ${viewport.width}px (${overflow}px)`);
          await assertAccessible(page, `${what} at ${viewport.width}px`);
        };
        assert.equal((await page.goto(env().url(SCREEN)))?.status(), 200);
        await check('the list');
        await page.locator('#f-from_url').fill('portal/khong-co-gach');
        await page.locator('#f-to_path').fill('bai-viet/x');
        await navigation(page, () => page.getByRole('button', { name: 'Thêm địa chỉ cũ' }).click());
        assert.match(await page.locator('#f-from_url-error').innerText(), /phải là đường dẫn bắt đầu bằng "\/"/);
        assert.equal(await page.locator('#f-from_url').inputValue(), 'portal/khong-co-gach', 'what was typed comes back');
        await check('the form with errors');
        await page.goto(env().url(`${SCREEN}?thu=${encodeURIComponent(`https://namhonglinh-cu.hatinh.gov.vn${LONG.toUpperCase()}`)}`));
        assert.match(await page.locator('.notice').innerText(), /dẫn tới \/bai-viet\/tong-ket-13-nam-1/);
        await check('an answer');
      });
    });
  }

  test('add, try and delete with the keyboard alone, focus always visible', async () => {
    await setUp();
    await withPage(env(), { viewport: LAPTOP }, async (page) => {
      await signIn(page, env(), 'quantridiachi');
      await page.goto(env().url(SCREEN));
      await page.locator('#f-from_url').focus();
      await page.keyboard.type('/?p=2024');
      await page.keyboard.press('Tab');
      assert.match(await focused(page), /select#f-host/);
      await assertFocusVisible(page, 'the host list');
      await page.keyboard.press('Tab');
      assert.match(await focused(page), /input#f-to_path/);
      await page.keyboard.type('/chuyen-muc/tin-tuc');
      await navigation(page, () => page.keyboard.press('Enter'));
      assert.match(await page.getByRole('status').first().innerText(), /Đã thêm địa chỉ cũ\./);

      await page.locator('#f-thu').focus();
      await page.keyboard.type('/?p=2024&utm_source=zalo');
      await navigation(page, () => page.keyboard.press('Enter'));
      assert.match(await page.locator('.notice').first().innerText(), /dẫn tới \/chuyen-muc\/tin-tuc/);

      const remove = page.getByRole('button', { name: 'Xoá địa chỉ cũ: /?p=2024' });
      assert.equal(await remove.count(), 1, await page.locator('main').innerText());
      await remove.focus();
      await assertFocusVisible(page, 'the delete button');
      page.once('dialog', (d) => void d.accept()); // the back office asks before deleting
      await navigation(page, () => page.keyboard.press('Enter'));
      assert.match(await page.getByRole('status').first().innerText(), /Đã xoá địa chỉ cũ\./);
      assert.equal(await page.getByRole('button', { name: 'Xoá địa chỉ cũ: /?p=2024' }).count(), 0);
    });
  });
});
