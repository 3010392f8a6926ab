/**
 * Helpers of the back-office browser tests (admin-workflow, admin-pages): staff accounts on the
 * test database, signing in and out through the real login form, filling the article form
 * whether or not the rich-text editor (src/client/admin/editor.ts) has replaced the body
 * textarea, and keyboard-focus checks.
 */
import assert from 'node:assert/strict';
import type { Locator, Page, Response } from 'playwright-core';
import type { Role } from '../src/kernel/db/schema.js';
import { makeUser, PASSWORD } from '../test/helpers/admin.js';
import { codeAt, freshCodeFor } from '../test/helpers/totp.js';
import { NAM_HONG_LINH, visibleText, type E2E } from './helpers.js';

export { PASSWORD };

/** The people of the Hồng Lĩnh newsroom used by the tests. */
export const STAFF = {
  contributor: 'phongvien',
  approver: 'truongban',
  editor: 'bientap',
  admin: 'quantri',
} as const;

export const displayName = (username: string) => `Người dùng ${username}`;

export const CATEGORY = { name: 'Tin tức – Sự kiện', slug: 'tin-tuc-su-kien' };

/** Id of the demo site answering on namhonglinh.localhost. */
export async function hongLinhSiteId(env: E2E): Promise<number> {
  const row = await env.db.db.selectFrom('site_hosts').select('site_id').where('host', '=', NAM_HONG_LINH).executeTakeFirst();
  assert.ok(row, `a site answers on ${NAM_HONG_LINH}`);
  return row.site_id;
}

/** Creates the four staff accounts on the Hồng Lĩnh site (once per test file). */
export async function createStaff(env: E2E): Promise<void> {
  const siteId = await hongLinhSiteId(env);
  const roles: [string, Role][] = [
    [STAFF.contributor, 'contributor'],
    [STAFF.approver, 'approver'],
    [STAFF.editor, 'editor'],
    [STAFF.admin, 'site_admin'],
  ];
  for (const [username, role] of roles) await makeUser(env.db.db, username, [{ siteId, role }]);
}

/**
 * Runs `action` (a click, a key press) and waits until the page it makes the browser load has
 * loaded; returns that page's response (after redirects).
 */
export async function navigation(page: Page, action: () => Promise<unknown>): Promise<Response | null> {
  const [response] = await Promise.all([page.waitForNavigation(), action()]);
  return response;
}

/** Signs in through the login form: types the credentials and presses Enter. */
export async function signIn(page: Page, env: E2E, username: string, password = PASSWORD): Promise<void> {
  page.setDefaultTimeout(10_000);
  await page.goto(env.url('/quan-tri/dang-nhap'));
  await page.getByLabel('Email hoặc tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  let res = await navigation(page, () => page.getByLabel('Mật khẩu').press('Enter'));
  const path = new URL(page.url()).pathname;
  // Staff who publish or administer must have a second factor: set up at the first sign-in, a code later.
  if (path === '/quan-tri/tai-khoan/hai-lop') {
    await enterCode(page, await codeAt(await page.locator('main code').innerText(), env.app.cong.now()), 'Xác nhận và bật');
    res = await navigation(page, () => page.getByRole('link', { name: 'Tiếp tục' }).click());
  } else if (path === '/quan-tri/dang-nhap/xac-thuc') {
    res = await enterCode(page, await freshCodeFor(env.app, username), 'Xác nhận');
  }
  assert.equal(res?.status(), 200, `sign-in of ${username} lands on a page`);
  assert.equal(new URL(page.url()).pathname, '/quan-tri', `${username} lands on the dashboard`);
  assert.equal(await page.locator('h1').innerText(), `Xin chào, ${displayName(username)}`);
}

/** Types a TOTP code into the form on screen and submits it with the named button. */
export async function enterCode(page: Page, code: string, button: string): Promise<Response | null> {
  await page.getByLabel('Mã xác thực').fill(code);
  return navigation(page, () => page.getByRole('button', { name: button, exact: true }).click());
}

export async function signOut(page: Page): Promise<void> {
  await navigation(page, () => page.getByRole('button', { name: 'Đăng xuất', exact: true }).click());
  assert.equal(new URL(page.url()).pathname, '/quan-tri/dang-nhap');
  assert.match(await visibleText(page, 'main'), /Bạn đã đăng xuất\./);
}

/** The rich-text editing area, when editor.js has mounted one over the body textarea. */
export async function richEditor(page: Page): Promise<Locator | null> {
  const editor = page.locator('.ProseMirror, [contenteditable="true"]').first();
  // Module scripts run before "load", so the editor is normally there already.
  await editor.waitFor({ state: 'visible', timeout: 1500 }).catch(() => undefined);
  return (await editor.isVisible()) ? editor : null;
}

let reportedEditor = false;

/** Types the article body: into the editor if there is one, otherwise into the HTML textarea. */
export async function typeBody(page: Page, text: string): Promise<void> {
  const editor = await richEditor(page);
  if (!reportedEditor) {
    reportedEditor = true;
    console.log(`article body typed into ${editor ? 'the rich-text editor (editor.js)' : 'the plain HTML textarea (no editor mounted)'}`);
  }
  if (editor) {
    await editor.click();
    await page.keyboard.type(text);
    assert.match(await editor.innerText(), new RegExp(escapeRegExp(text)), 'the editor shows what was typed');
  } else {
    await page.locator('#f-body').fill(`<p>${text}</p>`);
  }
}

/** The body as shown to the person editing it. */
export async function bodyText(page: Page): Promise<string> {
  const editor = await richEditor(page);
  return editor ? editor.innerText() : page.locator('#f-body').inputValue();
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface ArticleInput {
  title: string;
  sapo: string;
  body: string;
}

/**
 * From anywhere in the back office: Bài viết → Viết bài mới, fill the form, Lưu nháp.
 * Returns the new article's id.
 */
export async function writeDraft(page: Page, article: ArticleInput): Promise<number> {
  await navigation(page, () => page.getByRole('navigation', { name: 'Trình đơn quản trị' }).getByRole('link', { name: 'Bài viết' }).click());
  await navigation(page, () => page.getByRole('link', { name: 'Viết bài mới' }).click());
  assert.equal(await page.locator('h1').innerText(), 'Viết bài mới');
  await page.getByRole('textbox', { name: 'Tiêu đề', exact: true }).fill(article.title);
  await page.getByLabel('Sapo (đoạn mở đầu)').fill(article.sapo);
  await typeBody(page, article.body);
  await page.locator('#f-category_id').selectOption({ label: CATEGORY.name });
  const res = await navigation(page, () => page.getByRole('button', { name: 'Lưu nháp' }).click());
  assert.equal(res?.status(), 200);
  assert.match(await page.getByRole('status').first().innerText(), /Đã tạo bài viết nháp\./);
  const m = /\/quan-tri\/bai-viet\/(\d+)\?tb=da-tao$/.exec(page.url());
  assert.ok(m, `redirected to the new article (${page.url()})`);
  assert.equal(await statusOf(page), 'Nháp');
  return Number(m[1]);
}

/** The workflow status shown in the edit page's status panel. */
export function statusOf(page: Page): Promise<string> {
  return page.locator('.status-panel .status').innerText();
}

/** Presses a workflow button from the keyboard (focus, then Enter) and waits for the next page. */
export async function pressButton(page: Page, name: string): Promise<Response | null> {
  const button = page.getByRole('button', { name, exact: true });
  await button.focus();
  return navigation(page, () => page.keyboard.press('Enter'));
}

/** A contributor's article, written and sent for approval; the page is left signed in. */
export async function submittedArticle(page: Page, article: ArticleInput): Promise<number> {
  const id = await writeDraft(page, article);
  await pressButton(page, 'Gửi duyệt');
  assert.match(await page.getByRole('status').first().innerText(), /Đã gửi bài viết để duyệt\./);
  assert.equal(await statusOf(page), 'Chờ duyệt');
  return id;
}

/**
 * A public page as an anonymous visitor's browser gets it. `page` is a page of a context of its
 * own, without a session; withPage() routes every request, which turns the browser's HTTP cache
 * off, so each visit reaches the server (and its page cache).
 */
export async function visit(page: Page, env: E2E, path: string): Promise<{ status: number; body: string; text: string }> {
  page.setDefaultTimeout(10_000);
  const res = await page.goto(env.url(path));
  assert.ok(res, `a response for ${path}`);
  const body = await res.text();
  const type = res.headers()['content-type'] ?? '';
  const text = type.startsWith('text/html') ? await visibleText(page) : body;
  return { status: res.status(), body, text };
}

/** Describes the focused element (tag, id, name, text) for messages. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '(nothing)';
    const name = el.getAttribute('name');
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${name ? `[name=${name}]` : ''} "${(el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 40)}"`;
  });
}

/** The focused element draws a visible outline (not `none`, wider than 0). */
export async function assertFocusVisible(page: Page, what: string): Promise<void> {
  const style = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    return { style: s.outlineStyle, width: s.outlineWidth, color: s.outlineColor };
  });
  assert.ok(style, `${what}: something has focus`);
  assert.notEqual(style.style, 'none', `${what}: focus outline is not none (${await focused(page)})`);
  assert.ok(parseFloat(style.width) >= 2, `${what}: focus outline is at least 2px wide (${style.width})`);
}
