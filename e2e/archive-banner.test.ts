/**
 * An archived site in Chromium, with and without JavaScript, on a phone and a desktop: the
 * "Trang lưu trữ" banner is the first thing on the page, names and links the successor, passes
 * axe, and the page does not scroll sideways; the rating and comment forms are replaced.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { markArchived } from '../src/kernel/sites/archive.js';
import { assertAccessible, DESKTOP, e2eSuite, BAC_HONG_LINH, noSidewaysScroll, PHONE, screenshot, visibleText, withPage } from './helpers.js';

e2eSuite('an archived site in Chromium', (env) => {
  test('the banner on the home page and an article, phone and desktop, with and without JS', async () => {
    const { db, app } = env();
    const nam = await db.db.selectFrom('sites').select('id').where('code', '=', 'bachonglinh').executeTakeFirstOrThrow();
    const hong = await db.db.selectFrom('sites').select(['id', 'name']).where('code', '=', 'namhonglinh').executeTakeFirstOrThrow();
    await markArchived(db.db, nam.id, [hong.id], new Date('2025-06-30T17:00:00.000Z'));
    await app.cong.sites.reload();
    app.cong.pageCache.purgeSite(nam.id);
    const article = await db.db.selectFrom('articles').select('id').where('site_id', '=', nam.id).where('status', '=', 'published').orderBy('id').executeTakeFirstOrThrow();
    for (const viewport of [PHONE, DESKTOP]) {
      for (const js of [true, false]) {
        await withPage(env(), { viewport, js }, async (page) => {
          await page.goto(env().url('/', BAC_HONG_LINH));
          const banner = page.getByRole('complementary', { name: 'Trang lưu trữ' });
          assert.ok(await banner.isVisible());
          assert.match(await visibleText(page, '.archive-banner'), new RegExp(`^Trang lưu trữ – .+ ngừng cập nhật từ ngày 01/07/2025\\. Thông tin mới được đăng trên ${hong.name}\\.$`));
          assert.equal(await banner.getByRole('link', { name: hong.name }).getAttribute('href'), `http://namhonglinh.localhost:${env().port}/`);
          const top = await page.locator('.archive-banner').boundingBox();
          const header = await page.locator('.site-header').boundingBox();
          assert.ok(top && header && top.y < header.y, 'the banner is above the header');
          await assertAccessible(page, `the archive's home (${viewport.width}px, js ${js})`);
          await noSidewaysScroll(page, 'the archive home');
          if (js) await screenshot(page, 'archive-home');
          await page.goto(env().url(`/bai-viet/x-${article.id}`, BAC_HONG_LINH));
          const t = await visibleText(page);
          assert.match(t, /Trang lưu trữ không nhận đánh giá mới\./);
          assert.match(t, /Trang lưu trữ không nhận bình luận mới\./);
          assert.equal(await page.locator('form.rating-form, form.comment-form').count(), 0);
          await assertAccessible(page, `an archived article (${viewport.width}px, js ${js})`);
          await noSidewaysScroll(page, 'an archived article');
        });
      }
    }
  });
});
