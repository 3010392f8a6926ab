/**
 * The article editor (src/client/admin/editor.ts) in Chromium, without the back-office routes:
 * a static copy of the article form's markup (src/features/articles/admin/edit-view.tsx) is served by a
 * tiny node:http server with the built build/assets/editor.js and admin.css, under the same
 * Content-Security-Policy as the real site. The server also stands in for the autosave endpoint.
 *
 * Build the assets first: npx tsx scripts/build-assets.ts
 * Without /usr/bin/chromium the suite is skipped with a printed reason, or fails when
 * CONG_REQUIRE_BROWSER=1.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Dialog, type Page } from 'playwright-core';
import { sanitizeArticleHtml } from '../src/kernel/lib/html.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ASSETS = resolve(process.env.CONG_ASSETS_DIR || join(ROOT, 'build', 'assets'));
const CHROMIUM = '/usr/bin/chromium';
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// The production policy (src/kernel/http/security.ts) minus the map tiles: no inline style or script.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const INITIAL_BODY =
  '<p>Đoạn mở đầu của bài viết.</p><p style="text-align: right">Căn phải từ cổng cũ</p><h2 class="align-center">Tiêu đề giữa</h2>' +
  '<figure><img src="/media/cu.jpg" alt="Ảnh cũ"><figcaption>Chú thích cũ</figcaption></figure><p>Đoạn cuối.</p>';

/** What GET /quan-tri/thu-vien/chon answers (src/features/media/admin/picker-routes.ts). */
const LIBRARY = [
  { id: 7, title: 'Cầu Hồng Lĩnh', alt: 'Cây cầu bắc qua sông La', src: '/media/namhonglinh/2026/11/cau-960.jpg', thumb: '/media/namhonglinh/2026/11/cau-480.jpg', width: 960, height: 540 },
  { id: 8, title: 'Hội nghị tổng kết', alt: '', src: '/media/namhonglinh/2026/11/hoi-nghi.jpg', thumb: '/media/namhonglinh/2026/11/hoi-nghi-480.jpg', width: 800, height: 600 },
];

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The article form as edit-view.tsx renders it (autosave only when editing an existing article). */
function formPage(opts: { id: number; autosave: boolean; readOnly?: boolean }): string {
  const autosave = opts.autosave ? ` data-autosave="/quan-tri/bai-viet/${opts.id}/tu-dong-luu"` : '';
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sửa bài - Quản trị</title>
<link rel="stylesheet" href="/assets/admin.css">
<script type="module" src="/assets/editor.js"></script>
</head><body class="admin"><div class="admin-body">
<nav class="admin-nav" aria-label="Trình đơn quản trị"><ul><li><a href="/quan-tri/bai-viet" aria-current="page">Bài viết</a></li></ul></nav>
<main id="noi-dung" tabindex="-1" class="admin-main">
<h1>Sửa bài viết</h1>
<form method="post" action="/quan-tri/bai-viet/${opts.id}/luu" class="article-form"${autosave} novalidate>
<input type="hidden" name="_csrf" value="csrf-token-123">
${opts.autosave ? '<input type="hidden" name="_version" value="1000">' : ''}
<fieldset${opts.readOnly ? ' disabled' : ''}><legend class="visually-hidden">Nội dung bài viết</legend>
<div class="field"><label for="f-title">Tiêu đề<span class="req" aria-hidden="true"> *</span></label><input id="f-title" name="title" required maxlength="300" value="Lịch tiếp công dân"></div>
<div class="field"><label for="f-sapo">Sapo (đoạn mở đầu)</label><textarea id="f-sapo" name="sapo" rows="3" maxlength="1000"></textarea></div>
<div class="field"><label for="f-body">Nội dung</label><p class="hint" id="f-body-hint">Có thể dán trực tiếp từ Microsoft Word hoặc trang web; định dạng thừa sẽ được làm sạch.</p>
<textarea id="f-body" name="body" rows="18" data-editor>${escapeHtml(INITIAL_BODY)}</textarea></div>
<div class="field"><label for="f-cover_media_id">Ảnh đại diện (mã trong thư viện)</label><input id="f-cover_media_id" name="cover_media_id" inputmode="numeric" value=""></div>
<div class="field"><label for="f-cover_alt">Mô tả ảnh đại diện</label><input id="f-cover_alt" name="cover_alt" maxlength="300" value=""></div>
<div class="form-actions"><button type="submit" class="primary">Lưu</button><span class="autosave-status muted" aria-live="polite" data-autosave-status></span></div>
</fieldset></form></main></div></body></html>`;
}

interface Posted {
  path: string;
  headers: IncomingHttpHeaders;
  form: URLSearchParams;
}

interface Site {
  url: string;
  posts: Posted[];
  /** Replies of the autosave endpoint, in order; then {ok:true} with the next version of the article. */
  autosaveReplies: { status: number; body: unknown }[];
  /** A fresh article id for each page, so that requests of closed pages never mix in. */
  nextId(): number;
  close(): Promise<void>;
}

async function startSite(): Promise<Site> {
  const posts: Posted[] = [];
  const autosaveReplies: Site['autosaveReplies'] = [];
  const versions = new Map<string, number>();
  let lastId = 0;
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { 'content-type': type, 'content-security-policy': CSP, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (req.method === 'GET') {
      // /sua/<id>: an existing article (autosave); /moi/<id>: a new one (no autosave);
      // /xem/<id>: someone without the right to edit (disabled fieldset, no autosave).
      const page = /^\/(sua|moi|xem)\/(\d+)$/.exec(path);
      if (page) return send(200, 'text/html; charset=utf-8', formPage({ id: Number(page[2]), autosave: page[1] === 'sua', readOnly: page[1] === 'xem' }));
      if (path === '/favicon.ico') return send(204, 'image/x-icon', '');
      if (path === '/quan-tri/thu-vien/chon') {
        const q = new URL(req.url ?? '/', 'http://x').searchParams.get('q') ?? '';
        return send(200, 'application/json', JSON.stringify({ images: LIBRARY.filter((i) => !q || i.title.toLowerCase().includes(q.toLowerCase())), next: null }));
      }
      if (path.startsWith('/media/')) return send(200, 'image/gif', Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64'));
      const asset = /^\/assets\/(editor\.js|admin\.css)$/.exec(path)?.[1];
      if (asset) return send(200, asset.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8', readFileSync(join(ASSETS, asset)));
      return send(404, 'text/plain', 'not found');
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      posts.push({ path, headers: req.headers, form: new URLSearchParams(Buffer.concat(chunks).toString('utf8')) });
      if (path.endsWith('/tu-dong-luu')) {
        const version = (versions.get(path) ?? 1000) + 1;
        const reply = autosaveReplies.shift() ?? { status: 200, body: { ok: true, version } };
        if (reply.status === 200) versions.set(path, version);
        return send(reply.status, 'application/json', JSON.stringify(reply.body));
      }
      return send(200, 'text/html; charset=utf-8', '<!doctype html><html lang="vi"><title>Đã lưu</title><p>Đã lưu</p></html>');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    posts,
    autosaveReplies,
    nextId: () => ++lastId,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

// ---------------------------------------------------------------------------------------------

const missing = existsSync(CHROMIUM) ? null : `Chromium not found at ${CHROMIUM} (apt-get install chromium)`;
const suite = 'article editor (TipTap) in Chromium';

if (missing && process.env.CONG_REQUIRE_BROWSER === '1') {
  describe(suite, () => {
    test('browser is available', () => {
      throw new Error(`${missing} (CONG_REQUIRE_BROWSER=1: browser tests must run)`);
    });
  });
} else if (missing) {
  console.log(`# skipping browser suite "${suite}": ${missing}`);
  describe(suite, { skip: missing }, () => undefined);
} else {
  describe(suite, () => {
    let browser: Browser;
    let site: Site;

    before(async () => {
      for (const f of ['editor.js', 'admin.css']) {
        assert.ok(existsSync(join(ASSETS, f)), `${join(ASSETS, f)} is missing: run "npx tsx scripts/build-assets.ts" first`);
      }
      // A stale bundle would test old code.
      const built = statSync(join(ASSETS, 'editor.js')).mtimeMs;
      for (const src of ['src/client/admin/editor.ts', 'src/client/admin/paste-clean.ts']) {
        assert.ok(statSync(join(ROOT, src)).mtimeMs <= built + 1000, `${src} is newer than build/assets/editor.js: run "npx tsx scripts/build-assets.ts"`);
      }
      site = await startSite();
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    });
    after(async () => {
      await browser?.close();
      await site?.close();
    });

    /** Runs fn on a fresh page; fails on script errors and on CSP violations. */
    /** Opens /sua/<id> (existing article) or /moi/<id> (new article) with a fresh id. */
    async function withEditor(kind: '/sua' | '/moi' | '/xem', fn: (page: Page, dialogs: DialogScript, id: number) => Promise<void>, opts: { clock?: Date } = {}): Promise<void> {
      const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('console', (m) => {
        // Chrome logs the autosave endpoint's scripted 409/500 answers; those are expected.
        if (m.type() === 'error' && !/Failed to load resource: the server responded with a status of (409|500)/.test(m.text())) {
          problems.push(`console error: ${m.text()}`);
        }
      });
      const dialogs = new DialogScript(page);
      try {
        if (opts.clock) await page.clock.install({ time: opts.clock });
        const id = site.nextId();
        await page.goto(`${site.url}${kind}/${id}`);
        await page.locator('.rte-content').waitFor();
        assert.equal(site.posts.filter((p) => p.path.startsWith(`/quan-tri/bai-viet/${id}/`)).length, 0, 'nothing is posted on load');
        await fn(page, dialogs, id);
        assert.deepEqual(dialogs.pending(), [], 'every scripted dialog answer was used');
        assert.deepEqual(problems, [], 'no script errors and no CSP violations');
      } finally {
        await context.close();
      }
    }

    const body = (page: Page) => page.locator('#f-body').inputValue();
    const editorArea = (page: Page) => page.locator('.rte-content');
    const tool = (page: Page, name: string) => page.getByRole('toolbar', { name: 'Định dạng văn bản' }).getByRole('button', { name, exact: true });

    /** Puts the caret in a new paragraph after the last one and types text. */
    async function typeNewParagraph(page: Page, text: string): Promise<void> {
      await page.locator('.rte-content > p').last().click();
      await page.keyboard.press('End');
      await settle(page);
      await page.keyboard.press('Enter');
      await page.keyboard.type(text);
      await settle(page);
    }

    /** Selects the current line (and lets the editor read the new selection). */
    async function selectLine(page: Page): Promise<void> {
      await page.keyboard.press('Shift+Home');
      await settle(page);
    }

    test('replaces the textarea with an accessible toolbar and editing area', async () => {
      await withEditor('/sua', async (page, _dialogs, id) => {
        const textarea = page.locator('#f-body');
        assert.equal(await textarea.isHidden(), true, 'textarea hidden');
        assert.equal(await page.locator('form.article-form #f-body[name="body"]').count(), 1, 'textarea still in the form');
        const toolbar = page.getByRole('toolbar', { name: 'Định dạng văn bản' });
        assert.ok(await toolbar.isVisible(), 'toolbar visible');
        for (const name of ['Đậm', 'Nghiêng', 'Gạch chân', 'Danh sách', 'Danh sách số', 'Trích dẫn', 'Liên kết', 'Căn trái', 'Căn giữa', 'Căn phải', 'Căn đều', 'Ảnh', 'Hoàn tác', 'Làm lại']) {
          const b = tool(page, name);
          assert.equal(await b.count(), 1, `button "${name}"`);
          assert.equal(await b.getAttribute('type'), 'button', `"${name}" does not submit the form`);
        }
        assert.equal(await tool(page, 'Đậm').getAttribute('aria-pressed'), 'false');
        assert.ok(await toolbar.getByRole('combobox', { name: 'Kiểu đoạn' }).isVisible(), 'paragraph/heading select');
        assert.equal(await tool(page, 'Thêm hàng').isHidden(), true, 'table tools only inside a table');

        const area = editorArea(page);
        assert.equal(await area.getAttribute('role'), 'textbox');
        assert.equal(await area.getAttribute('aria-multiline'), 'true');
        const labelId = await area.getAttribute('aria-labelledby');
        assert.ok(labelId, 'aria-labelledby set');
        assert.equal((await page.locator(`#${labelId}`).textContent())?.trim(), 'Nội dung');
        assert.equal(await page.locator(`#${labelId}`).getAttribute('for'), 'f-body');
        assert.match((await area.getAttribute('aria-describedby')) ?? '', /f-body-hint/, 'hint carried over');
        assert.ok(await page.getByRole('textbox', { name: 'Nội dung' }).isVisible(), 'editing area found by its label');
        assert.match(await area.innerText(), /Đoạn mở đầu của bài viết\./, 'initial HTML loaded');
        assert.equal(await page.locator('.rte-content p.align-right').count(), 1, 'style="text-align:right" read as alignment');
        assert.equal(await page.locator('.rte-content h2.align-center').count(), 1, 'class="align-center" read as alignment');
        assert.equal(await body(page), INITIAL_BODY, 'the textarea is untouched until the first edit');

        // Clicking the label focuses the editor; the focus is visible.
        await page.locator(`#${labelId}`).click();
        assert.equal(await area.evaluate((el) => el === document.activeElement), true, 'label focuses the editor');
        const outline = await area.evaluate((el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth);
        assert.match(outline, /^solid [1-9]/, `visible focus outline (${outline})`);

        // One tab stop in the toolbar; arrows move between controls.
        assert.equal(await toolbar.locator('[tabindex="0"]').count(), 1, 'roving tabindex');
        await page.locator('#f-sapo').focus();
        await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Kiểu đoạn', 'Tab enters the toolbar at its first control');
        await page.keyboard.press('ArrowRight');
        assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Đậm');
        // Nothing to undo or redo yet: those buttons are disabled and skipped.
        await page.keyboard.press('End');
        assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Ảnh');
        await page.keyboard.press('Home');
        assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Kiểu đoạn');
        await page.keyboard.press('ArrowLeft');
        assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Ảnh', 'wraps around');
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('Escape');
        // The editor focuses itself on the next frame: on a loaded machine that can be later than the next line.
        await until(() => area.evaluate((el) => el === document.activeElement), 'Escape returns to the text');

        await page.evaluate(AXE_SOURCE);
        const violations = await page.evaluate(() =>
          (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe
            .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
            .then((r) => r.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`)),
        );
        assert.deepEqual(violations, [], 'no axe violations');
      });
    });

    test('Đậm, headings, lists and centre alignment end up in the textarea as clean HTML', async () => {
      await withEditor('/sua', async (page, _dialogs, id) => {
        await typeNewParagraph(page, 'Mục một');
        await tool(page, 'Danh sách').click();
        assert.match(await body(page), /<ul><li><p>Mục một<\/p><\/li><\/ul>/);
        assert.equal(await tool(page, 'Danh sách').getAttribute('aria-pressed'), 'true');
        await page.keyboard.press('Enter');
        await page.keyboard.press('Enter'); // leaves the list
        await page.keyboard.type('Tiêu đề nhỏ');
        await page.getByRole('combobox', { name: 'Kiểu đoạn' }).selectOption('h3');
        assert.match(await body(page), /<\/ul><h3>Tiêu đề nhỏ<\/h3>/);
        await page.keyboard.press('End');
        await page.keyboard.press('Enter');

        await page.keyboard.type('Chữ đậm ở đây');
        await selectLine(page);
        await tool(page, 'Đậm').click();
        assert.match(await body(page), /<p><strong>Chữ đậm ở đây<\/strong><\/p>/);
        assert.equal(await tool(page, 'Đậm').getAttribute('aria-pressed'), 'true');

        await tool(page, 'Căn giữa').click();
        assert.match(await body(page), /<p class="align-center"><strong>Chữ đậm ở đây<\/strong><\/p>/);
        assert.equal(await tool(page, 'Căn giữa').getAttribute('aria-pressed'), 'true');
        assert.doesNotMatch(await body(page), /style=/, 'alignment is a class, never a style');
        // An edit serialises the old content as well: the right-aligned paragraph keeps its class.
        assert.match(await body(page), /<p class="align-right">Căn phải từ cổng cũ<\/p>/);
        assert.match(await body(page), /<h2 class="align-center">Tiêu đề giữa<\/h2>/);
        await tool(page, 'Căn giữa').click();
        assert.match(await body(page), /<p><strong>Chữ đậm ở đây<\/strong><\/p>/, 'pressing again removes the alignment');

        await page.keyboard.press('End');
        await page.keyboard.press('Enter');
        await tool(page, 'Bảng').click();
        assert.ok(await tool(page, 'Thêm hàng').isVisible(), 'table tools appear inside a table');
        await page.keyboard.type('Cột A');
        await tool(page, 'Thêm cột').click();
        await tool(page, 'Thêm hàng').click();
        const html = await body(page);
        assert.match(html, /<table><tbody><tr><th><p>(<strong>)?Cột A(<\/strong>)?<\/p><\/th>/, 'table with a header row');
        assert.equal((html.match(/<tr>/g) ?? []).length, 4, '3 rows + 1 added');
        assert.equal((html.match(/<th>/g) ?? []).length, 4, '3 columns + 1 added');
        assert.doesNotMatch(html, /style=|colgroup|colwidth/, 'no inline styles or column widths');
        await tool(page, 'Xóa bảng').click();
        assert.doesNotMatch(await body(page), /<table/);

        await tool(page, 'Hoàn tác').click();
        assert.match(await body(page), /<table/, 'undo brings the table back');
        await tool(page, 'Làm lại').click();
        assert.doesNotMatch(await body(page), /<table/, 'redo removes it again');
        assert.match(await body(page), /<figure><img src="\/media\/cu\.jpg" alt="Ảnh cũ"><figcaption>Chú thích cũ<\/figcaption><\/figure>/, 'existing figure kept');
      });
    });

    /** Pastes the Word document into a new paragraph; the textarea's HTML afterwards. */
    async function pasteFromWord(page: Page): Promise<string> {
      await typeNewParagraph(page, '');
      await page.evaluate(
        ([html, text]) => {
          const data = new DataTransfer();
          data.setData('text/html', html);
          data.setData('text/plain', text);
          document.querySelector('.rte-content')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        },
        [WORD_HTML, 'THÔNG BÁO'] as const,
      );
      return body(page);
    }

    test('pasting from Microsoft Word keeps the structure and drops the junk', async () => {
      await withEditor('/sua', async (page, _dialogs, id) => {
        const html = await pasteFromWord(page);
        assert.doesNotMatch(html, /mso/i, 'no mso-* styles or Mso classes');
        assert.doesNotMatch(html, /<o:p|<\/o:p/i, 'no <o:p>');
        assert.doesNotMatch(html, /style=/i, 'no style attributes');
        assert.doesNotMatch(html, /<span|<font|lang=|<!--|<meta|<link|<style|<xml|file:/i, 'no spans, fonts, comments, head junk or local files');
        assert.doesNotMatch(html, /<p><\/p>|<p>\s*<\/p>/, 'no empty paragraphs');
        assert.doesNotMatch(html, /·|§/, 'no typed list markers');
        assert.match(html, /<p class="align-center"><strong>THÔNG BÁO<\/strong><\/p>/, 'bold centred title');
        assert.match(html, /<p class="align-justify">Ủy ban nhân dân phường Nam Hồng thông báo lịch tiếp công dân <strong>tháng 10 năm 2024<\/strong> như sau:<\/p>/, 'bold run inside a paragraph');
        assert.match(
          html,
          /<ul><li><p>Thứ Hai: tiếp công dân tại trụ sở<\/p><\/li><li><p>Thứ Tư: đối thoại với hộ kinh doanh<\/p><ul><li><p>Tại nhà văn hoá tổ dân phố 3<\/p><\/li><\/ul><\/li><li><p>Thứ Sáu: <em>giải quyết kiến nghị<\/em><\/p><\/li><\/ul>/,
          'bulleted Word list with a nested item',
        );
        assert.match(
          html,
          /<p>Thủ tục:<\/p><ol><li><p>Nộp hồ sơ tại bộ phận một cửa, gồm:<\/p><p>a\) Đơn đề nghị;<\/p><p>b\) Bản sao giấy tờ tùy thân\.<\/p><\/li><li><p>Nhận kết quả sau 3 ngày làm việc\.<\/p><\/li><\/ol>/,
          'numbered Word list; lettered points keep their letters and do not break the numbering',
        );
        assert.match(html, /<table><tbody><tr><td><p><strong>Ngày<\/strong><\/p><\/td><td><p><strong>Nội dung<\/strong><\/p><\/td><\/tr>/, 'Word table kept');
        assert.match(html, /<td><p>Tiếp công dân định kỳ<\/p><\/td>/);
        assert.match(html, /Xem <a href="https:\/\/namhonglinh\.hatinh\.gov\.vn\/lich">lịch chi tiết<\/a>\./, 'link kept');
        assert.match(html, /<p><em>Trân trọng<\/em>\.<\/p>/);
      });
    });

    test('pasting from a web page keeps headings, formatting and safe links only', async () => {
      await withEditor('/sua', async (page, _dialogs, id) => {
        await typeNewParagraph(page, '');
        await page.evaluate((html) => {
          const data = new DataTransfer();
          data.setData('text/html', html);
          document.querySelector('.rte-content')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        }, WEB_HTML);
        const html = await body(page);
        assert.match(html, /<h2>Thủ tục hành chính<\/h2>/, 'h1 becomes h2');
        assert.match(html, /<p>Bước <strong>đầu tiên<\/strong> và <em>bước hai<\/em>, <u>gạch chân<\/u>\.<\/p>/, 'Google Docs style spans become tags');
        assert.match(html, /<a href="\/thu-tuc">xem thủ tục<\/a>/, 'relative link kept');
        assert.doesNotMatch(html, /javascript|onclick|<script|alert/i, 'script links and handlers dropped');
        assert.match(html, /Bấm vào đây/, 'text of the dropped link kept');
        assert.doesNotMatch(html, /class="(?!align-)|style=|id=/, 'no foreign classes, styles or ids');
      });
    });

    test('a javascript: link is refused; http(s) links are set and an empty URL removes them', async () => {
      await withEditor('/sua', async (page, dialogs, id) => {
        await typeNewParagraph(page, 'Cổng thông tin tỉnh');
        await selectLine(page);

        dialogs.answer('prompt', 'javascript:alert(1)');
        dialogs.answer('alert');
        await tool(page, 'Liên kết').click();
        await dialogs.drained();
        assert.match(dialogs.seen.at(-1)!.message, /không hợp lệ/);
        assert.doesNotMatch(await body(page), /<a |javascript/i, 'no link set');

        dialogs.answer('prompt', '  JaVaScRiPt:alert(document.cookie)');
        dialogs.answer('alert');
        await tool(page, 'Liên kết').click();
        await dialogs.drained();
        dialogs.answer('prompt', 'data:text/html,<script>alert(1)</script>');
        dialogs.answer('alert');
        await tool(page, 'Liên kết').click();
        await dialogs.drained();
        assert.doesNotMatch(await body(page), /<a |javascript|data:/i, 'still no link');

        dialogs.answer('prompt', 'https://hatinh.gov.vn');
        await tool(page, 'Liên kết').click();
        await dialogs.drained();
        assert.match(await body(page), /<a href="https:\/\/hatinh\.gov\.vn">Cổng thông tin tỉnh<\/a>/);
        assert.equal(await tool(page, 'Liên kết').getAttribute('aria-pressed'), 'true');

        dialogs.answer('prompt', '/van-ban');
        await tool(page, 'Liên kết').click();
        await dialogs.drained();
        assert.equal(dialogs.seen.at(-1)!.defaultValue, 'https://hatinh.gov.vn', 'the prompt shows the current address');
        assert.match(await body(page), /<a href="\/van-ban">Cổng thông tin tỉnh<\/a>/, 'relative link accepted');

        dialogs.answer('prompt', '');
        await tool(page, 'Liên kết').click();
        await dialogs.drained();
        assert.doesNotMatch(await body(page), /<a /, 'empty address removes the link');
      });
    });

    const picker = (page: Page) => page.getByRole('dialog', { name: 'Chọn ảnh từ thư viện' });

    test('Ảnh opens the library: search, choose by keyboard, a required description, a caption', async () => {
      await withEditor('/sua', async (page) => {
        await typeNewParagraph(page, 'Cầu mới:');
        await tool(page, 'Ảnh').click();
        const dialog = picker(page);
        await dialog.getByRole('button', { name: 'Hội nghị tổng kết' }).waitFor();
        assert.equal(await dialog.getByRole('searchbox', { name: 'Tìm ảnh theo tên' }).evaluate((e) => e === document.activeElement), true, 'focus starts in the search box');
        await page.evaluate(AXE_SOURCE);
        const violations = await page.evaluate(() =>
          (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe
            .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
            .then((r) => r.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`)),
        );
        assert.deepEqual(violations, [], 'no axe violations with the library dialog open');
        await dialog.getByRole('searchbox', { name: 'Tìm ảnh theo tên' }).fill('cầu');
        await dialog.getByRole('searchbox', { name: 'Tìm ảnh theo tên' }).press('Enter');
        await until(async () => (await dialog.locator('.mp-tile').count()) === 1, 'the search narrows the list');
        await dialog.getByRole('button', { name: 'Cầu Hồng Lĩnh' }).focus();
        await page.keyboard.press('Enter');
        const alt = dialog.getByRole('textbox', { name: /Mô tả ảnh \(bắt buộc\)/ });
        assert.equal(await alt.inputValue(), 'Cây cầu bắc qua sông La', 'the library\'s description is offered');
        assert.equal(await alt.evaluate((e) => e === document.activeElement), true);
        await alt.fill('  ');
        await dialog.getByRole('button', { name: 'Dùng ảnh này' }).click();
        assert.equal(await dialog.getByText('Vui lòng nhập mô tả ảnh cho người khiếm thị.').isVisible(), true);
        await alt.fill('Cầu Hồng Lĩnh ngày thông xe');
        await dialog.getByRole('textbox', { name: /Chú thích/ }).fill('Ảnh: Ban biên tập');
        await dialog.getByRole('button', { name: 'Dùng ảnh này' }).click();
        await until(async () => (await page.locator('dialog').count()) === 0, 'the dialog closes');
        await settle(page);
        assert.match(await body(page), /<figure><img src="\/media\/namhonglinh\/2026\/11\/cau-960\.jpg" alt="Cầu Hồng Lĩnh ngày thông xe"><figcaption>Ảnh: Ban biên tập<\/figcaption><\/figure>/);
      });
    });

    test('Escape closes the library without inserting anything; the cover button fills the cover fields', async () => {
      await withEditor('/moi', async (page) => {
        const before = await body(page);
        await tool(page, 'Ảnh').click();
        await picker(page).getByRole('button', { name: 'Cầu Hồng Lĩnh' }).waitFor();
        await page.keyboard.press('Escape');
        await until(async () => (await page.locator('dialog').count()) === 0, 'Escape closes');
        assert.equal(await body(page), before);

        await page.getByRole('button', { name: 'Chọn ảnh từ thư viện' }).click();
        const dialog = page.getByRole('dialog', { name: 'Chọn ảnh đại diện' });
        await dialog.getByRole('button', { name: 'Cầu Hồng Lĩnh' }).click();
        assert.equal(await dialog.getByRole('textbox', { name: /Chú thích/ }).count(), 0, 'no caption for a cover');
        await dialog.getByRole('button', { name: 'Dùng ảnh này' }).click();
        await until(async () => (await page.locator('dialog').count()) === 0, 'the dialog closes');
        assert.equal(await page.locator('#f-cover_media_id').inputValue(), '7');
        assert.equal(await page.locator('#f-cover_alt').inputValue(), 'Cây cầu bắc qua sông La');
        assert.equal(await page.locator('.cover-preview').getAttribute('src'), '/media/namhonglinh/2026/11/cau-480.jpg');
        await page.getByRole('button', { name: 'Bỏ ảnh đại diện' }).click();
        assert.equal(await page.locator('#f-cover_media_id').inputValue(), '');
        assert.equal(await page.locator('#f-cover_alt').inputValue(), '');
      });
    });

    test('Ảnh → "an address on the web" asks for the address, a required description and an optional caption', async () => {
      await withEditor('/sua', async (page, dialogs, id) => {
        const byUrl = async () => {
          await tool(page, 'Ảnh').click();
          await picker(page).getByRole('button', { name: 'Dùng địa chỉ ảnh trên mạng thay vì thư viện' }).click();
        };
        await typeNewParagraph(page, 'Ảnh hội nghị:');
        dialogs.answer('prompt', 'file:///C:/anh.jpg');
        dialogs.answer('alert');
        await byUrl();
        await dialogs.drained();
        assert.doesNotMatch(await body(page), /file:/, 'local file refused');
        assert.equal((await body(page)).match(/<img/g)?.length, 1, 'only the image that was there');

        dialogs.answer('prompt', '/media/2024/hoi-nghi.jpg');
        dialogs.answer('prompt', '   '); // empty description: asked again
        dialogs.answer('prompt', 'Toàn cảnh hội nghị');
        dialogs.answer('prompt', 'Hội nghị tổng kết năm 2024');
        await byUrl();
        await dialogs.drained();
        assert.match(dialogs.seen[3]!.message, /Mô tả ảnh \(bắt buộc\)/);
        assert.match(dialogs.seen[4]!.message, /Mô tả ảnh \(bắt buộc\)/, 'asked again when empty');
        assert.match(await body(page), /<figure><img src="\/media\/2024\/hoi-nghi\.jpg" alt="Toàn cảnh hội nghị"><figcaption>Hội nghị tổng kết năm 2024<\/figcaption><\/figure>/);
      });
    });

    test('autosaves 30 s after a change, updates _version, and stops after a conflict', async () => {
      await withEditor(
        '/sua',
        async (page, _dialogs, id) => {
          const autosaves = () => site.posts.filter((p) => p.path === `/quan-tri/bai-viet/${id}/tu-dong-luu`);
          const before = autosaves().length;
          await page.clock.runFor(65_000);
          assert.equal(autosaves().length, before, 'no autosave while nothing changed');

          await typeNewParagraph(page, 'Nội dung mới');
          await page.clock.runFor(25_000);
          assert.equal(autosaves().length, before, 'not before 30 s');
          await page.clock.runFor(6_000);
          await waitFor(() => autosaves().length === before + 1, 'autosave request');
          const sent = autosaves().at(-1)!;
          assert.equal(sent.headers['x-csrf-token'], 'csrf-token-123');
          assert.match(String(sent.headers['content-type']), /^application\/x-www-form-urlencoded/);
          assert.equal(sent.form.get('_csrf'), 'csrf-token-123');
          assert.equal(sent.form.get('_version'), '1000');
          assert.equal(sent.form.get('title'), 'Lịch tiếp công dân');
          assert.match(sent.form.get('body') ?? '', /<p>Nội dung mới<\/p>$/);
          const status = page.locator('[data-autosave-status]');
          await waitForPage(page, () => document.querySelector<HTMLInputElement>('input[name="_version"]')!.value !== '1000', '_version update');
          assert.equal(await page.locator('input[name="_version"]').inputValue(), '1001');
          assert.match((await status.textContent()) ?? '', /^Đã tự động lưu lúc 09:0[78]$/);

          assert.equal(await leavingIsStopped(page), false, 'everything is saved: no warning before leaving');
          await page.clock.runFor(65_000);
          assert.equal(autosaves().length, before + 1, 'nothing new to save');

          // Another field counts as a change too; this time someone else has edited the article.
          site.autosaveReplies.push({ status: 409, body: { ok: false, error: 'conflict' } });
          await page.locator('#f-sapo').fill('Sapo mới');
          await page.clock.runFor(31_000);
          await waitFor(() => autosaves().length === before + 2, 'second autosave');
          assert.equal(autosaves().at(-1)!.form.get('_version'), '1001', 'sends the version of the last autosave');
          assert.equal(autosaves().at(-1)!.form.get('sapo'), 'Sapo mới');
          await page.getByText('Không tự động lưu được: bài đã được người khác sửa.').waitFor();

          await typeNewParagraph(page, 'Thêm nữa');
          await page.clock.runFor(65_000);
          await page.evaluate(() => {
            Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
            document.dispatchEvent(new Event('visibilitychange'));
          });
          await new Promise((r) => setTimeout(r, 300));
          assert.equal(autosaves().length, before + 2, 'no more autosaves after a conflict');
        },
        { clock: new Date('2025-03-04T09:07:00+07:00') },
      );
    });

    test('autosaves when the tab is hidden, and reports a failed save', async () => {
      await withEditor('/sua', async (page, _dialogs, id) => {
        const autosaves = () => site.posts.filter((p) => p.path === `/quan-tri/bai-viet/${id}/tu-dong-luu`);
        const hide = () =>
          page.evaluate(() => {
            Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
            document.dispatchEvent(new Event('visibilitychange'));
          });
        const before = autosaves().length;
        await hide();
        await new Promise((r) => setTimeout(r, 300));
        assert.equal(autosaves().length, before, 'hidden without changes: nothing sent');

        site.autosaveReplies.push({ status: 500, body: { ok: false } });
        await typeNewParagraph(page, 'Sắp đóng tab');
        await hide();
        await waitFor(() => autosaves().length === before + 1, 'autosave on hide');
        await page.getByText('Không tự động lưu được, hãy bấm Lưu.').waitFor();
        assert.equal(await page.locator('input[name="_version"]').inputValue(), '1000', 'version unchanged after a failure');
      });
    });

    test('warns before leaving with unsaved changes, but not when the form is submitted', async () => {
      await withEditor('/moi', async (page, dialogs, id) => {
        assert.equal(await leavingIsStopped(page), false, 'no warning before any change');
        await typeNewParagraph(page, 'Bài mới');
        assert.equal(await leavingIsStopped(page), true, 'unsaved changes: the browser asks before leaving');
        await selectLine(page);
        await tool(page, 'Nghiêng').click();
        await Promise.all([page.waitForURL(new RegExp(`/quan-tri/bai-viet/${id}/luu$`)), page.getByRole('button', { name: 'Lưu', exact: true }).click()]);
        assert.deepEqual(dialogs.seen, [], 'no warning when saving');
        const posted = site.posts.find((p) => p.path === `/quan-tri/bai-viet/${id}/luu`);
        assert.ok(posted, 'the form was posted normally');
        assert.match(posted.form.get('body') ?? '', /<p><em>Bài mới<\/em><\/p>$/, 'the editor HTML is what gets submitted');
        assert.equal(posted.form.get('title'), 'Lịch tiếp công dân');
      });
    });

    test('without the right to edit, the text is shown read-only without a toolbar', async () => {
      await withEditor('/xem', async (page) => {
        assert.equal(await page.getByRole('toolbar').isHidden(), true, 'no toolbar');
        const area = editorArea(page);
        assert.equal(await area.getAttribute('contenteditable'), 'false');
        assert.equal(await area.getAttribute('aria-readonly'), 'true');
        assert.match(await area.innerText(), /Đoạn cuối\./);
      });
    });

    test('what the editor writes survives the server sanitizer unchanged, alignment included', async () => {
      // The editor's own output for the Word paste (made here: no test depends on another having run).
      let pastedFromWord = '';
      await withEditor('/sua', async (page) => {
        pastedFromWord = await pasteFromWord(page);
      });
      assert.ok(pastedFromWord, 'the paste gave HTML');
      // sanitize-html writes <img … /> and adds rel="noopener noreferrer" to external links.
      const normalise = (html: string) => html.replace(/ \/>/g, '>').replace(/ rel="noopener noreferrer"/g, '');
      assert.equal(normalise(sanitizeArticleHtml(pastedFromWord)), pastedFromWord);
      assert.match(sanitizeArticleHtml(pastedFromWord), /<p class="align-center"><strong>THÔNG BÁO<\/strong><\/p>/);
    });

    test('a new article (no data-autosave) is never autosaved', async () => {
      await withEditor(
        '/moi',
        async (page, _dialogs, id) => {
          const before = site.posts.length;
          await typeNewParagraph(page, 'Bản nháp');
          await page.clock.runFor(120_000);
          await new Promise((r) => setTimeout(r, 200));
          assert.equal(site.posts.length, before);
          assert.equal(await page.locator('[data-autosave-status]').textContent(), '');
        },
        { clock: new Date('2025-03-04T09:07:00+07:00') },
      );
    });
  });
}

/** Whether the page's beforeunload handler asks the browser to confirm leaving. */
function leavingIsStopped(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const e = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(e);
    return e.defaultPrevented;
  });
}

/** Lets the editor catch up with the browser (it reads selection changes asynchronously). */
function settle(page: Page): Promise<void> {
  return page.waitForTimeout(100);
}

async function waitForPage(page: Page, cond: () => boolean, what: string, timeout = 5000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await page.evaluate(cond))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function until(cond: () => Promise<boolean>, what: string, timeout = 5000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function waitFor(cond: () => boolean, what: string, timeout = 5000): Promise<void> {
  const end = Date.now() + timeout;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Answers the page's prompt/alert/confirm/beforeunload dialogs from a script, in order. */
class DialogScript {
  readonly seen: { type: string; message: string; defaultValue: string }[] = [];
  private queue: { type: string; value?: string; accept: boolean }[] = [];
  private unexpected: string[] = [];

  constructor(page: Page) {
    page.on('dialog', (d: Dialog) => void this.handle(d));
  }

  answer(type: 'prompt' | 'alert' | 'confirm' | 'beforeunload', value?: string, accept = true): void {
    this.queue.push({ type, value, accept });
  }

  pending(): string[] {
    return [...this.queue.map((q) => `unused ${q.type}`), ...this.unexpected];
  }

  async drained(timeout = 5000): Promise<void> {
    await waitFor(() => this.queue.length === 0, `dialogs ${this.queue.map((q) => q.type).join(', ')}`, timeout);
    assert.deepEqual(this.unexpected, [], 'no unexpected dialogs');
  }

  private async handle(d: Dialog): Promise<void> {
    this.seen.push({ type: d.type(), message: d.message(), defaultValue: d.defaultValue() });
    const next = this.queue.shift();
    if (!next || next.type !== d.type()) {
      this.unexpected.push(`${d.type()}: ${d.message()}`);
      await d.dismiss();
      return;
    }
    if (next.accept) await d.accept(next.value);
    else await d.dismiss();
  }
}

// ---------------------------------------------------------------------------------------------
// Clipboard fixtures

/** What Chrome gets on the clipboard when copying from Word for Windows (trimmed, structure kept). */
const WORD_HTML = `<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<link rel=File-List href="file:///C:/Users/CANBO~1/AppData/Local/Temp/msohtmlclip1/01/clip_filelist.xml">
<!--[if gte mso 9]><xml>
 <o:OfficeDocumentSettings>
  <o:AllowPNG/>
 </o:OfficeDocumentSettings>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 @font-face {font-family:"Cambria Math"; panose-1:2 4 5 3 5 4 6 3 2 4; mso-font-charset:0;}
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal {mso-style-unhide:no; margin:0in; font-size:12.0pt; font-family:"Times New Roman",serif;}
 p.MsoListParagraph {mso-style-priority:34; margin-left:.5in;}
 @list l0:level1 {mso-level-number-format:bullet; mso-level-text:\\F0B7; font-family:Symbol;}
 @list l1:level1 {mso-level-tab-stop:none; mso-level-number-position:left;}
-->
</style>
</head>
<body lang=EN-US style='tab-interval:.5in;word-wrap:break-word'>
<!--StartFragment-->
<p class=MsoNormal align=center style='text-align:center'><b><span lang=VI
style='font-size:14.0pt;mso-bidi-font-size:12.0pt'>THÔNG BÁO<o:p></o:p></span></b></p>
<p class=MsoNormal style='text-align:justify;text-indent:.5in'><span lang=VI
style='font-size:13.0pt;mso-bidi-font-size:12.0pt'>Ủy ban nhân dân phường Nam Hồng thông báo lịch tiếp công dân
<b>tháng 10 năm 2024</b> như sau:<o:p></o:p></span></p>
<p class=MsoNormal><span lang=VI><o:p>&nbsp;</o:p></span></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-.25in;mso-list:l0 level1 lfo1'><![if !supportLists]><span
lang=VI style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:
Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]><span lang=VI>Thứ Hai: tiếp công dân tại trụ sở<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpMiddle style='text-indent:-.25in;mso-list:l0 level1 lfo1'><![if !supportLists]><span
lang=VI style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:
Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]><span lang=VI>Thứ Tư: đối thoại với hộ kinh doanh<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:1.0in;mso-add-space:auto;text-indent:-.25in;mso-list:l0 level2 lfo1'><![if !supportLists]><span
lang=VI style='font-family:"Courier New";mso-fareast-font-family:"Courier New"'><span
style='mso-list:Ignore'>o<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]><span lang=VI>Tại nhà văn hoá tổ dân phố 3<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-.25in;mso-list:l0 level1 lfo1'><![if !supportLists]><span
lang=VI style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:
Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]><span lang=VI>Thứ Sáu: <i>giải quyết kiến nghị</i><o:p></o:p></span></p>
<p class=MsoNormal><span lang=VI style='font-size:13.0pt'>Thủ tục:<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-.25in;mso-list:l1 level1 lfo2'><![if !supportLists]><span
lang=VI><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]><span lang=VI>Nộp hồ sơ tại bộ phận một cửa, gồm:<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:1.0in;mso-add-space:auto;text-indent:-.25in;mso-list:l1 level2 lfo2'><![if !supportLists]><span
lang=VI><span style='mso-list:Ignore'>a)<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]><span lang=VI>Đơn đề nghị;<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:1.0in;mso-add-space:auto;text-indent:-.25in;mso-list:l1 level2 lfo2'><![if !supportLists]><span
lang=VI><span style='mso-list:Ignore'>b)<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]><span lang=VI>Bản sao giấy tờ tùy thân.<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-.25in;mso-list:l1 level1 lfo2'><![if !supportLists]><span
lang=VI><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]><span lang=VI>Nhận kết quả sau 3 ngày làm việc.<o:p></o:p></span></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0
 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;
 mso-yfti-tbllook:1184;mso-padding-alt:0in 5.4pt 0in 5.4pt'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=312 valign=top style='width:233.75pt;border:solid windowtext 1.0pt;
  mso-border-alt:solid windowtext .5pt;padding:0in 5.4pt 0in 5.4pt'>
  <p class=MsoNormal><b><span lang=VI>Ngày<o:p></o:p></span></b></p>
  </td>
  <td width=312 valign=top style='width:233.75pt;border:solid windowtext 1.0pt;
  border-left:none;mso-border-left-alt:solid windowtext .5pt;mso-border-alt:solid windowtext .5pt;
  padding:0in 5.4pt 0in 5.4pt'>
  <p class=MsoNormal><b><span lang=VI>Nội dung<o:p></o:p></span></b></p>
  </td>
 </tr>
 <tr style='mso-yfti-irow:1;mso-yfti-lastrow:yes'>
  <td width=312 valign=top style='width:233.75pt;border:solid windowtext 1.0pt;
  border-top:none;padding:0in 5.4pt 0in 5.4pt'>
  <p class=MsoNormal><span lang=VI>15/10/2024<o:p></o:p></span></p>
  </td>
  <td width=312 valign=top style='width:233.75pt;border-top:none;border-left:none;
  border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0in 5.4pt 0in 5.4pt'>
  <p class=MsoNormal><span lang=VI>Tiếp công dân định kỳ<o:p></o:p></span></p>
  </td>
 </tr>
</table>
<p class=MsoNormal><span lang=VI style='font-size:13.0pt'>Xem <a
href="https://namhonglinh.hatinh.gov.vn/lich"><span style='color:#0563C1'>lịch chi tiết</span></a>.<o:p></o:p></span></p>
<p class=MsoNormal><a name="_Toc1"></a><span lang=VI style='mso-spacerun:yes'>&nbsp;</span><i><span
lang=VI>Trân trọng</span></i><span lang=VI style='mso-bidi-font-weight:bold'>.<o:p></o:p></span></p>
<p class=MsoNormal><span lang=VI><o:p>&nbsp;</o:p></span></p>
<!--EndFragment-->
</body>
</html>`;

/** A fragment copied from a web page and from Google Docs. */
const WEB_HTML = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1234"><h1 id="tt" class="page-title" style="color:#c00">Thủ tục hành chính</h1>
<p dir="ltr" style="line-height:1.38;margin-top:0pt"><span style="font-size:11pt;font-family:Arial">Bước </span><span style="font-size:11pt;font-weight:700">đầu tiên</span><span> và </span><span style="font-style:italic">bước hai</span><span>, </span><span style="text-decoration:underline">gạch chân</span><span>.</span></p>
<p class="lead"><a href="javascript:alert(1)" onclick="alert(2)">Bấm vào đây</a> hoặc <a href="/thu-tuc" class="btn" target="_blank">xem thủ tục</a></p>
<script>alert(3)</script><style>p{color:red}</style>
<p><img src="data:image/png;base64,iVBORw0KGgo=" alt="x"></p></b>`;
