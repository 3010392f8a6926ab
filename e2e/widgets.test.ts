/**
 * The interactive parts of the page frame and the article tools, with and without JavaScript:
 * the playlist, the links drop-down, text size, printing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { e2eSuite, fakeExternalSite, PHONE, SEED, withPage } from './helpers.js';

interface AudioState {
  src: string;
  paused: boolean;
  currentTime: number;
  duration: number;
}

const audioState = (page: Page): Promise<AudioState> =>
  page.locator('.widget-songs audio').evaluate((a: HTMLAudioElement) => ({ src: a.src, paused: a.paused, currentTime: a.currentTime, duration: a.duration }));

/** Waits until the player plays `src` and its position has moved past `after` seconds. */
async function waitUntilPlaying(page: Page, src: string, after = 0.2): Promise<AudioState> {
  try {
    await page.waitForFunction(
      ([s, t]) => {
        const a = document.querySelector<HTMLAudioElement>('.widget-songs audio');
        return !!a && a.src === s && !a.paused && a.currentTime > t;
      },
      [src, after] as const,
      { timeout: 5000 },
    );
  } catch {
    assert.fail(`expected ${src} playing past ${after}s, the player is at ${JSON.stringify(await audioState(page))}`);
  }
  return audioState(page);
}

const fontSize = (page: Page) => page.locator('.article-body p').first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));

e2eSuite('widgets and article tools in Chromium', (env) => {
  test('clicking a song plays it, "Bài tiếp theo" switches track, and a finished song moves on to the next', async () => {
    await withPage(env(), {}, async (page) => {
      await page.goto(env().url('/'));
      const widget = page.locator('.widget-songs');
      const tracks = await widget.locator('[data-track]').evaluateAll((as) =>
        as.map((a) => ({ href: (a as HTMLAnchorElement).href, title: (a as HTMLElement).dataset.title ?? '' })),
      );
      assert.ok(tracks.length >= 3, 'the playlist has several songs');
      const [first, second, third] = tracks as [(typeof tracks)[0], (typeof tracks)[0], (typeof tracks)[0]];

      await widget.locator('[data-track]').first().click();
      assert.equal(new URL(page.url()).pathname, '/', 'the link plays in the page instead of opening the file');
      const playing = await waitUntilPlaying(page, first.href);
      assert.equal(playing.paused, false);
      const later = await waitUntilPlaying(page, first.href, playing.currentTime);
      assert.ok(later.currentTime > playing.currentTime, 'time advances');
      assert.equal(await widget.locator('[data-now-playing]').textContent(), `Đang phát: ${first.title}`);
      assert.equal(await widget.getByRole('button', { name: 'Tạm dừng' }).count(), 1, 'the play button offers to pause');

      await widget.getByRole('button', { name: 'Bài tiếp theo' }).click();
      const next = await waitUntilPlaying(page, second.href, 0);
      assert.notEqual(next.src, first.href);
      assert.equal(await widget.locator('[data-now-playing]').textContent(), `Đang phát: ${second.title}`);
      assert.equal(await widget.locator('[data-track][aria-current="true"]').getAttribute('href'), new URL(second.href).pathname);

      await page.waitForFunction(() => Number.isFinite(document.querySelector<HTMLAudioElement>('.widget-songs audio')?.duration));
      await page.locator('.widget-songs audio').evaluate((a: HTMLAudioElement) => {
        a.currentTime = a.duration - 0.2;
      });
      const auto = await waitUntilPlaying(page, third.href, 0);
      assert.equal(auto.paused, false, 'the next song starts by itself');
      assert.equal(await widget.locator('[data-now-playing]').textContent(), `Đang phát: ${third.title}`);
    });
  });

  for (const js of [true, false]) {
    test(`${js ? 'with' : 'without'} JS, the links drop-down opens and its link reaches the chosen website, under form-action 'self'`, async () => {
      await withPage(env(), { js }, async (page) => {
        const violations: string[] = [];
        page.on('console', (m) => { if (/Content Security Policy/.test(m.text())) violations.push(m.text()); });
        const home = await page.goto(env().url('/'));
        assert.match(home!.headers()['content-security-policy']!, /(^|; )form-action 'self'(;|$)/);
        const widget = page.locator('.widget-links');
        const link = widget.getByRole('link').nth(1);
        assert.equal(await link.isVisible(), false, 'closed at first');
        await widget.getByText('Chọn website', { exact: true }).click();
        assert.equal(await link.isVisible(), true, 'the summary opens the list');
        const target = new URL((await link.getAttribute('href'))!);
        assert.equal(target.protocol, 'https:');
        await fakeExternalSite(page, target.hostname);
        await Promise.all([page.waitForURL(target.href), link.click()]);
        assert.equal(await page.locator('h1').textContent(), target.hostname);
        assert.deepEqual(violations, []);
      });
    });
  }

  test('A+ makes the article text bigger, A puts it back, and the size is remembered', async () => {
    await withPage(env(), { viewport: PHONE }, async (page) => {
      await page.goto(env().url(SEED.legacyPath));
      const normal = await fontSize(page);
      const bigger = page.getByRole('button', { name: /tăng cỡ chữ/ });
      assert.ok(await bigger.isVisible(), 'the A+ button is shown with JS');
      await bigger.click();
      await bigger.click();
      const big = await fontSize(page);
      assert.ok(big > normal, `text grows (${normal}px → ${big}px)`);
      await page.reload();
      assert.equal(await fontSize(page), big, 'the chosen size survives a reload');
      await page.getByRole('button', { name: /cỡ chữ mặc định/ }).click();
      assert.equal(await fontSize(page), normal);
      await page.getByRole('button', { name: /giảm cỡ chữ/ }).click();
      assert.ok((await fontSize(page)) < normal, 'A- makes it smaller');
    });
  });

  test('the print link is there with JS and opens the print dialog', async () => {
    await withPage(env(), {}, async (page) => {
      await page.goto(env().url(SEED.legacyPath));
      const print = page.getByRole('link', { name: 'In bài viết' });
      assert.ok(await print.isVisible());
      await page.evaluate(() => {
        const w = window as unknown as { printed: number };
        w.printed = 0;
        window.print = () => void w.printed++;
      });
      await print.click();
      assert.equal(await page.evaluate(() => (window as unknown as { printed: number }).printed), 1);
    });
  });

  test('without JS the buttons that need it (text size, copy link, player controls) are hidden; print and save are links', async () => {
    await withPage(env(), { js: false }, async (page) => {
      await page.goto(env().url(SEED.legacyPath));
      assert.equal(await page.locator('[data-print]').count(), 1);
      assert.ok(await page.getByRole('link', { name: 'In bài viết' }).isVisible(), 'print works without JS (the print view)');
      assert.ok(await page.getByRole('link', { name: /^Lưu bài viết/ }).isVisible(), 'save works without JS (the PDF)');
      for (const selector of ['.font-size', '[data-copy-link]', '.playlist-controls']) {
        assert.equal(await page.locator(selector).isVisible(), false, `${selector} hidden without JS`);
      }
      assert.ok(await page.getByRole('link', { name: /Facebook/ }).isVisible(), 'plain share links stay');
      assert.ok(await page.locator('.widget-songs [data-track]').first().isVisible(), 'songs are plain links');
    });
  });

  test('printed, the article keeps its title and text but loses the sidebar, menu and tools', async () => {
    await withPage(env(), {}, async (page) => {
      await page.goto(env().url(SEED.legacyPath));
      assert.ok(await page.locator('.sidebar').isVisible(), 'on screen the sidebar is shown');
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('.sidebar').isVisible(), false, 'sidebar hidden on paper');
      assert.equal(await page.locator('.main-nav').isVisible(), false, 'menu hidden on paper');
      assert.equal(await page.locator('.article-tools').isVisible(), false, 'tools hidden on paper');
      assert.ok(await page.locator('h1.article-title').isVisible(), 'title printed');
      assert.ok(await page.getByText(SEED.paragraph).isVisible(), 'text printed');
      assert.ok(await page.locator('.site-footer').isVisible(), 'publisher information printed');
    });
  });
});
