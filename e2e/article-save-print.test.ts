/**
 * "Lưu bài viết" and "In bài viết" in Chromium (issue 15 item 5). Without JavaScript: the first
 * link downloads the PDF under the article's Vietnamese title, the second opens the print view (the
 * article alone, no navigation, hidden tools when printed), axe-clean at phone and desktop sizes.
 * With JavaScript: "In bài viết" prints the article page at once, without leaving it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { assertAccessible, e2eSuite, SEED, VIEWPORTS, withPage } from './helpers.js';

async function seedArticlePath(page: Page, url: (p: string) => string): Promise<string> {
  const res = await page.goto(url(SEED.legacyPath));
  assert.equal(res?.status(), 200);
  return new URL(page.url()).pathname;
}

const hasPdftotext = spawnSync('which', ['pdftotext']).status === 0;
if (!hasPdftotext && process.env.CI) throw new Error('pdftotext (poppler-utils) is required in CI');

e2eSuite('saving and printing an article in Chromium', (env) => {
  for (const viewport of VIEWPORTS) {
    test(`at ${viewport.width}px without JavaScript: "Lưu bài viết" downloads the PDF under the Vietnamese title`, async () => {
      await withPage(env(), { viewport, js: false }, async (page) => {
        const path = await seedArticlePath(page, env().url);
        assert.equal(await page.evaluate(() => document.documentElement.classList.contains('js')), false, 'scripts really are off');
        const link = page.getByRole('link', { name: 'Lưu bài viết (tệp PDF)' });
        assert.ok(await link.isVisible(), 'the link shows without JavaScript');
        const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
        assert.equal(download.suggestedFilename(), `${SEED.title.replace(/\//g, '-')}.pdf`);
        assert.equal(new URL(download.url()).pathname, `${path}/luu.pdf`);
        const file = await download.path();
        const pdf = readFileSync(file);
        assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
        if (hasPdftotext) {
          const text = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
          assert.ok(text.includes(SEED.title), 'the title, with its diacritics');
          assert.ok(text.includes(SEED.date), 'the date');
        }
        assert.equal(new URL(page.url()).pathname, path, 'the reader stays on the article');
      });
    });

    test(`at ${viewport.width}px without JavaScript: "In bài viết" opens the print view, axe-clean`, async () => {
      await withPage(env(), { viewport, js: false }, async (page) => {
        const path = await seedArticlePath(page, env().url);
        await assertAccessible(page, `the article page at ${viewport.width}px`);
        await page.getByRole('link', { name: 'In bài viết' }).click();
        await page.waitForURL((u) => u.pathname === `${path}/in`);
        assert.equal(await page.locator('h1').textContent(), SEED.title);
        assert.ok((await page.locator('main').innerText()).includes(SEED.paragraph));
        assert.equal(await page.locator('nav').count(), 0, 'no navigation');
        assert.equal(await page.locator('meta[name="robots"]').getAttribute('content'), 'noindex');
        assert.ok(await page.getByText('Dùng lệnh In của trình duyệt (Ctrl+P) để in trang này.').isVisible());
        assert.equal(await page.getByRole('button', { name: 'In trang này' }).isVisible(), false, 'the print button needs JavaScript');
        await assertAccessible(page, `the print view at ${viewport.width}px`);
        await page.emulateMedia({ media: 'print' });
        assert.equal(await page.getByRole('link', { name: 'Quay lại bài viết' }).isVisible(), false, 'the tools are not printed');
        await page.emulateMedia({ media: 'screen' });
        await page.getByRole('link', { name: 'Quay lại bài viết' }).click();
        await page.waitForURL((u) => u.pathname === path);
      });
    });
  }

  test('with JavaScript, "In bài viết" prints the article page itself, and the print view has a print button', async () => {
    await withPage(env(), {}, async (page) => {
      await page.addInitScript(() => {
        window.print = () => {
          (window as unknown as { printed: number }).printed = ((window as unknown as { printed?: number }).printed ?? 0) + 1;
        };
      });
      const path = await seedArticlePath(page, env().url);
      await page.waitForFunction(() => document.documentElement.classList.contains('js'));
      await page.getByRole('link', { name: 'In bài viết' }).click();
      await page.waitForFunction(() => (window as unknown as { printed?: number }).printed === 1);
      assert.equal(new URL(page.url()).pathname, path, 'no navigation: the page itself is printed');

      await page.goto(env().url(`${path}/in`));
      await page.waitForFunction(() => document.documentElement.classList.contains('js'));
      await page.getByRole('button', { name: 'In trang này' }).click();
      await page.waitForFunction(() => (window as unknown as { printed?: number }).printed === 1);
      await assertAccessible(page, 'the print view with JavaScript');
    });
  });
});
