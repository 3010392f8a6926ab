/**
 * Pictures, photo albums, video and audio bulletins in Chromium: the home page's pictures load
 * in their responsive sizes, the photo viewer is used with the keyboard and without JavaScript,
 * and axe-core passes on every page at phone and laptop widths with no sideways scrolling.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { assertAccessible, e2eSuite, PHONE, screenshot, VIEWPORTS, withPage } from './helpers.js';

async function assertNoSidewaysScroll(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  assert.ok(scroll <= width, `page is ${scroll}px wide in a ${width}px window`);
}

/** Every <img> of the main column has loaded (none broken). */
async function assertImagesLoaded(page: Page): Promise<number> {
  await page.waitForLoadState('load');
  const imgs = page.locator('main img');
  const n = await imgs.count();
  for (let i = 0; i < n; i++) {
    const img = imgs.nth(i);
    await img.scrollIntoViewIfNeeded();
    await page.waitForFunction((el) => (el as HTMLImageElement).complete, await img.elementHandle());
    assert.ok(await img.evaluate((el) => (el as HTMLImageElement).naturalWidth > 0), `image ${i} loaded`);
  }
  return n;
}

e2eSuite('pictures, albums and video in Chromium', (env) => {
  test('the home page shows at least four pictures, loaded in a small size on a phone', async () => {
    await withPage(env(), { viewport: PHONE }, async (page) => {
      await page.goto(env().url('/'));
      assert.ok((await assertImagesLoaded(page)) >= 4);
      // On a 390 px phone the list thumbnails take a 480 px copy, never the full picture.
      const thumb = page.locator('.item-thumb img').first();
      assert.match(await thumb.evaluate((el) => (el as HTMLImageElement).currentSrc), /-480\.(webp|jpg)$/);
      await screenshot(page, 'home-pictures-phone');
    });
  });

  test('without JS: from the sidebar to an album, then through its photos with the keyboard', async () => {
    await withPage(env(), { js: false, viewport: PHONE }, async (page) => {
      await page.goto(env().url('/'));
      await page.locator('.sidebar').getByRole('link', { name: 'Thư viện ảnh', exact: true }).click();
      assert.equal(await page.locator('h1').innerText(), 'Thư viện ảnh');
      await page.getByRole('link', { name: /Ngày hội Đại đoàn kết/ }).click();
      await page.getByRole('link', { name: 'Xem ảnh 1' }).click();
      assert.match(await page.locator('.photo-view figcaption').innerText(), /Ảnh 1\/3/);
      // Keyboard: focus the "next" link and press Enter.
      await page.getByRole('link', { name: 'Ảnh sau' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/anh-2$/);
      assert.match(await page.locator('.photo-view figcaption').innerText(), /Ảnh 2\/3/);
      await page.getByRole('link', { name: 'Ảnh trước' }).click();
      await page.waitForURL(/\/anh-1$/);
      await assertNoSidewaysScroll(page);
      await screenshot(page, 'album-photo-phone');
    });
  });

  test('YouTube click-to-load: a link first, the youtube-nocookie.com player only after a click; without JS a plain link', async () => {
    const list = await env().app.inject({ url: '/video', headers: { host: 'namhonglinh.localhost' } });
    const path = /href="(\/video\/phong-su-[^"]+)"/.exec(list.body)![1]!;
    await withPage(env(), { viewport: PHONE }, async (page) => {
      const asked: string[] = [];
      page.on('request', (r) => asked.push(r.url()));
      await page.goto(env().url(path));
      await page.waitForLoadState('load');
      assert.equal(await page.locator('iframe').count(), 0);
      assert.ok(!asked.some((u) => /youtube/.test(u)), 'nothing from YouTube before the click');
      await page.getByRole('link', { name: /Xem video trên YouTube/ }).click();
      const frame = page.locator('iframe.youtube-frame');
      await frame.waitFor();
      assert.equal(await frame.getAttribute('src'), 'https://www.youtube-nocookie.com/embed/NamHongLnh1?autoplay=1');
      assert.match(page.url(), /\/video\//, 'the page stays');
      await screenshot(page, 'video-phone');
    });
    await withPage(env(), { js: false }, async (page) => {
      await page.goto(env().url(path));
      assert.equal(await page.getByRole('link', { name: /Xem video trên YouTube/ }).getAttribute('href'), 'https://www.youtube.com/watch?v=NamHongLnh1');
    });
  });

  test('a bulletin plays in the native audio player (seeking uses byte ranges)', async () => {
    await withPage(env(), { viewport: PHONE }, async (page) => {
      await page.goto(env().url('/phat-thanh'));
      await page.getByRole('link', { name: /Bản tin phòng chống thiên tai/ }).click();
      const audio = page.locator('audio.bulletin-player');
      await page.waitForFunction(() => (document.querySelector('audio.bulletin-player') as HTMLAudioElement | null)?.readyState! >= 1);
      assert.ok((await audio.evaluate((el) => (el as HTMLAudioElement).duration)) > 1);
      await screenshot(page, 'bulletin-phone');
    });
  });

  test('axe-core passes on the pages with pictures, video and audio, at phone and laptop sizes', async () => {
    const list = await env().app.inject({ url: '/thu-vien-anh', headers: { host: 'namhonglinh.localhost' } });
    const album = /href="(\/thu-vien-anh\/ngay-hoi-[^"]+)"/.exec(list.body)![1]!;
    const videos = await env().app.inject({ url: '/video', headers: { host: 'namhonglinh.localhost' } });
    const video = /href="(\/video\/phong-su-[^"]+)"/.exec(videos.body)![1]!;
    const bulletins = await env().app.inject({ url: '/phat-thanh', headers: { host: 'namhonglinh.localhost' } });
    const bulletin = /href="(\/phat-thanh\/ban-tin-[^"]+)"/.exec(bulletins.body)![1]!;
    const paths = ['/', '/chuyen-muc/tin-tuc-su-kien', '/thu-vien-anh', album, `${album}/anh-2`, '/video', video, '/phat-thanh', bulletin];
    for (const viewport of VIEWPORTS) {
      await withPage(env(), { viewport }, async (page) => {
        for (const path of paths) {
          await page.goto(env().url(path));
          await assertAccessible(page, `${path} at ${viewport.width}px`);
          await assertNoSidewaysScroll(page);
        }
        await page.goto(env().url('/thu-vien-anh'));
        await screenshot(page, `albums-${viewport.width}`);
      });
    }
  });
});
