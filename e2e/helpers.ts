/**
 * Shared set-up of the browser tests: one real server on the demo content (temporary SQLite
 * database) and one headless Chromium per test file. Without /usr/bin/chromium the suite is
 * skipped with a printed reason, or fails when CONG_REQUIRE_BROWSER=1 (CI).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildTestApp, NAM_HONG_LINH, BAC_HONG_LINH, ROOT } from '../test/helpers/app.js';
import { openTestDb, type TestDb } from '../test/helpers/db.js';
import { parseAnswer } from '../src/kernel/citizen/question.js';
import { startFakeExternalSites, type FakeExternalSites } from './fake-external-sites.js';

export { NAM_HONG_LINH, BAC_HONG_LINH };

export const CHROMIUM = '/usr/bin/chromium';
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };
export const VIEWPORTS = [DESKTOP, PHONE];
export const SCREENSHOT_DIR = join(ROOT, 'artifacts', 'screenshots');

/** The seed article, as published on the old platform. */
export const SEED = {
  legacyPath: '/portal/pages/2021-10-15/Dang-uy-phuong-Nam-Hong-614123.aspx',
  title: 'Đảng uỷ phường Nam Hồng tổng kết 13 năm thực hiện Nghị quyết 22-NQ/TW và 10 năm thực hiện Nghị quyết 02-NQ/TU',
  date: 'Thứ Sáu, 15/10/2021 08:30',
  paragraph:
    'Phát biểu chỉ đạo tại hội nghị, đồng chí Nguyễn Thăng Long, Phó Bí thư thường trực Thị uỷ đã ghi nhận, đánh giá cao những kết quả mà Đảng uỷ phường Nam Hồng đạt được trong quá trình thực hiện Nghị quyết số 22-NQ/TW, ngày 02/02/2008 của Ban Chấp hành Trung ương Đảng khóa X và Nghị quyết số 02-NQ/TU của Ban chấp hành Đảng bộ thị xã Hồng Lĩnh; đồng thời đồng chí cũng đã nhấn mạnh một số nhiệm vụ trọng tâm cần tập trung thực hiện trong thời gian tới.',
};

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
];

export interface E2E {
  browser: Browser;
  port: number;
  /** The server itself, for setting up a test's data with inject() (its own client address, so per-IP limits do not mix tests). */
  app: FastifyInstance;
  /** The test database (e.g. to create back-office users with test/helpers/admin.ts). */
  db: TestDb;
  /** Absolute URL of a path on one of the demo sites. */
  url(path: string, host?: string): string;
}

export interface PageOptions {
  viewport?: { width: number; height: number };
  js?: boolean;
}

/**
 * describe() with a running server and browser. Tests get them through the returned getter.
 */
export function e2eSuite(name: string, body: (env: () => E2E) => void): void {
  const missing = existsSync(CHROMIUM) ? null : `Chromium not found at ${CHROMIUM} (apt-get install chromium)`;
  if (missing && process.env.CONG_REQUIRE_BROWSER === '1') {
    describe(name, () => {
      throw new Error(`${missing} (CONG_REQUIRE_BROWSER=1: browser tests must run)`);
    });
    return;
  }
  if (missing) {
    console.log(`# skipping browser suite "${name}": ${missing}`);
    describe(name, { skip: missing }, () => undefined);
    return;
  }
  describe(name, () => {
    let db: TestDb | undefined;
    let app: FastifyInstance | undefined;
    let env: E2E | undefined;
    let external: FakeExternalSites | undefined;
    before(async () => {
      external = await startFakeExternalSites();
      db = await openTestDb('sqlite');
      app = await buildTestApp(db);
      await app.listen({ port: 0, host: '127.0.0.1' });
      const port = (app.server.address() as AddressInfo).port;
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...LAUNCH_ARGS, external.resolverRule] });
      env = { browser, port, app, db, url: (path, host = NAM_HONG_LINH) => `http://${host}:${port}${path}` };
    });
    after(async () => {
      await env?.browser.close();
      await app?.close();
      await db?.cleanup();
      await external?.close();
    });
    body(() => {
      assert.ok(env, 'the e2e environment is set up');
      return env;
    });
  });
}

const isLocal = (url: URL) => url.hostname === 'localhost' || url.hostname.endsWith('.localhost') || url.hostname === '127.0.0.1';

/**
 * A fresh context (own cookies and storage) for one test; closed afterwards. Requests that leave
 * the machine are aborted unless the test routes them itself with page.route (which wins). Only
 * the target of a redirect escapes routing; it reaches the stand-in of fake-external-sites.ts.
 */
export async function withPage<T>(env: E2E, opts: PageOptions, fn: (page: Page, context: BrowserContext) => Promise<T>): Promise<T> {
  const context = await env.browser.newContext({
    viewport: opts.viewport ?? DESKTOP,
    javaScriptEnabled: opts.js ?? true,
    locale: 'vi-VN',
    ignoreHTTPSErrors: true, // the stand-in external sites use a self-signed certificate
  });
  await context.route((url) => !isLocal(url), (route) => route.abort('internetdisconnected'));
  const errors: string[] = [];
  const page = await context.newPage();
  if (opts.js === false) withoutJs.set(page, env);
  page.on('pageerror', (err) => errors.push(err.message));
  try {
    const result = await fn(page, context);
    assert.deepEqual(errors, [], 'no uncaught script errors on the page');
    return result;
  } finally {
    await context.close();
  }
}

/** Fulfils every request to `hostname` with a small HTML page. */
export async function fakeExternalSite(page: Page, hostname: string): Promise<void> {
  await page.route(
    (url) => url.hostname === hostname,
    (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: `<!doctype html><title>${hostname}</title><h1>${hostname}</h1>` }),
  );
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Pages opened with scripts off, and the environment they came from. */
const withoutJs = new WeakMap<Page, E2E>();

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA) and fails with each violation's id, targets and summary.
 * The source goes in through the DevTools protocol, so the page's CSP does not block it.
 *
 * axe-core cannot run in a page whose scripts are off (its timers never fire, and the call hangs).
 * So the page a script-less browser shows is served again, as it is, to a browser with scripts on,
 * our own scripts blocked and <noscript> unwrapped: axe then sees what a person without JS sees.
 */
export async function assertAccessible(page: Page, label: string): Promise<void> {
  const env = withoutJs.get(page);
  if (env) return assertAccessibleWithoutJs(env, page, label);
  return runAxe(page, label);
}

async function assertAccessibleWithoutJs(env: E2E, noJs: Page, label: string): Promise<void> {
  const html = (await noJs.content()).replace(/<\/?noscript>/g, '');
  const url = noJs.url();
  await withPage(env, { viewport: noJs.viewportSize() ?? DESKTOP }, async (page) => {
    await page.route((u) => u.pathname.startsWith('/assets/') && u.pathname.endsWith('.js'), (r) => r.abort());
    await page.route((u) => u.href === url, (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    await page.goto(url);
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('js')), false, 'our scripts stayed off');
    await runAxe(page, `${label} (without JS)`);
  });
}

async function runAxe(page: Page, label: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(
    (tags) => (window as unknown as { axe: { run(c: Document, o: unknown): Promise<{ violations: AxeViolation[] }> } }).axe
      .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
      .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }))),
    AXE_TAGS,
  );
  const report = violations
    .map((v) => `- ${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${JSON.stringify(n.target)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`).join('\n')}`)
    .join('\n');
  assert.equal(violations.length, 0, `axe violations on ${label}:\n${report}`);
}

/**
 * Full-page screenshot to artifacts/screenshots/<name>-<viewport width>.png, after scrolling
 * through the page so that lazy images (the sidebar map) have loaded.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  // A screen at a time: a lazy image loads only when it comes near the viewport, and a jump to the
  // bottom of a long page passes the images in between (the sidebar's map on a phone).
  // (Stepped from here, not by timers in the page: a page without JavaScript runs none.)
  const { height, step } = await page.evaluate(() => ({ height: document.documentElement.scrollHeight, step: window.innerHeight }));
  for (let y = 0; y < height; y += step) {
    await page.evaluate((to) => window.scrollTo(0, to), y);
    await page.waitForTimeout(30);
  }
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForFunction(() => [...document.images].every((img) => img.complete));
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${width}.png`), fullPage: true });
}

/** Text of the whole rendered page, whitespace collapsed. */
export async function visibleText(page: Page, selector = 'body'): Promise<string> {
  return (await page.locator(selector).innerText()).replace(/\s+/g, ' ');
}

/** The four sidebar widgets the seed page shows, with the imported visit counter. */
export async function assertSidebarWidgets(page: Page): Promise<void> {
  const sidebar = page.getByRole('complementary', { name: 'Tiện ích' });
  assert.ok(await sidebar.isVisible(), 'the sidebar is shown');
  for (const heading of ['Liên kết website', 'Bản đồ phường Nam Hồng Lĩnh', 'Các ca khúc hay về Nam Hồng Lĩnh']) {
    assert.ok(await sidebar.getByRole('heading', { name: heading, exact: true }).isVisible(), `widget "${heading}"`);
  }
  const text = await visibleText(page, '.sidebar');
  assert.match(text, /Thống kê: 184\.250/);
  assert.match(text, /Online: \d/);
}

/** Reads the verification question ("Câu hỏi: hai cộng năm bằng mấy?") as a person does and works out the answer. */
export async function rightAnswer(page: Page): Promise<number> {
  const label = await page.getByText(/^Câu hỏi:/).innerText();
  const m = /Câu hỏi: (\S+) (cộng|trừ) (\S+) bằng mấy\?/.exec(label);
  assert.ok(m, label);
  const [a, b] = [parseAnswer(m[1]!)!, parseAnswer(m[3]!)!];
  return m[2] === 'cộng' ? a + b : a - b;
}

export async function noSidewaysScroll(page: Page, label: string): Promise<void> {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= (page.viewportSize()?.width ?? 0), `${label}: no sideways scroll (${wide}px)`);
}
