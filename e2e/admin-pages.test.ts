/**
 * Every main back-office page in Chromium at a 1366×768 laptop and (article list and form) an
 * 820×1180 tablet: WCAG 2.1 AA with axe-core, form errors tied to their fields, screenshots in
 * artifacts/screenshots/, and the keyboard: tab order of the login form, the skip link, a
 * visible focus indicator with enough contrast.
 *
 * Build the assets first: npx tsx scripts/build-assets.ts
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  CATEGORY,
  createStaff,
  displayName,
  focused,
  assertFocusVisible,
  navigation,
  pressButton,
  signIn,
  signOut,
  STAFF,
  statusOf,
  typeBody,
  writeDraft,
  PASSWORD,
  enterCode,
  hongLinhSiteId,
} from './admin-helpers.js';
import { makeUser } from '../test/helpers/admin.js';
import { codeAt, freshCodeFor } from '../test/helpers/totp.js';
import { assertAccessible, e2eSuite, screenshot, SCREENSHOT_DIR, visibleText, withPage } from './helpers.js';

const LAPTOP = { width: 1366, height: 768 };
const TABLET = { width: 820, height: 1180 };

const ARTICLE = {
  title: 'Thị xã Hồng Lĩnh tổ chức Ngày hội Đại đoàn kết toàn dân tộc',
  sapo: 'Ngày hội được tổ chức đồng loạt tại 39 tổ dân phố, thôn.',
  body: 'Các khu dân cư đã trao 120 suất quà cho hộ nghèo, hộ cận nghèo.',
};
const SAPO_2 = 'Ngày hội được tổ chức đồng loạt tại 39 tổ dân phố, thôn trên địa bàn thị xã, thu hút hơn 5.000 người dân.';

/** Screenshot, then axe-core. */
async function check(page: Page, name: string): Promise<void> {
  await screenshot(page, `admin-${name}`);
  await assertAccessible(page, `${name} at ${page.viewportSize()?.width}px`);
}

/** The article form's sticky save button is on screen without scrolling, and a viewport shot. */
async function assertSaveOnScreen(page: Page, name: string): Promise<void> {
  const save = page.locator('form.article-form .form-actions button[type="submit"]');
  const box = await save.boundingBox();
  const vp = page.viewportSize()!;
  assert.ok(box && box.y >= 0 && box.y + box.height <= vp.height, `the save button is within the ${vp.width}×${vp.height} window (${JSON.stringify(box)})`);
  await page.screenshot({ path: join(SCREENSHOT_DIR, `admin-${name}-viewport-${vp.width}.png`) });
}

/** The page does not scroll sideways at its width. */
async function assertNoSidewaysScroll(page: Page, what: string): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  assert.ok(scroll <= width, `${what}: the page is ${scroll}px wide in a ${width}px window`);
}

/** Every error message shown next to a field is the description of an invalid control. */
async function assertErrorsDescribeFields(page: Page): Promise<string[]> {
  const found = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.field-error')].map((e) => {
      const controls = e.id ? [...document.querySelectorAll(`[aria-describedby~="${e.id}"]`)] : [];
      return {
        text: e.innerText,
        id: e.id,
        described: controls.length > 0,
        invalid: controls.some((c) => c.getAttribute('aria-invalid') === 'true'),
      };
    }),
  );
  for (const f of found) {
    assert.ok(f.id, `the error "${f.text}" has an id`);
    assert.ok(f.described, `the error "${f.text}" (#${f.id}) describes a control (aria-describedby)`);
    assert.ok(f.invalid, `the control described by "${f.text}" is aria-invalid`);
  }
  return found.map((f) => f.text);
}

/**
 * Contrast of the focused element's outline against the background it is drawn on (the nearest
 * ancestor with an opaque background colour): WCAG 1.4.11 asks 3:1 for focus indicators.
 */
async function focusOutlineContrast(page: Page): Promise<number> {
  // A string, not a function: tsx would wrap the named helpers in __name(), unknown in the page.
  return page.evaluate(`(() => {
    const parse = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
    const channel = (v) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
    const lum = (c) => 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
    const el = document.activeElement;
    const outline = parse(getComputedStyle(el).outlineColor);
    let bg = [255, 255, 255];
    for (let n = el.parentElement; n; n = n.parentElement) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] === 1)) { bg = c.slice(0, 3); break; }
    }
    const [a, b] = [lum(outline), lum(bg)].sort((x, y) => y - x);
    return (a + 0.05) / (b + 0.05);
  })()`);
}

/** Tab stops from the top of a freshly loaded page, up to `max`; each must show its focus. */
async function tabThrough(page: Page, max: number): Promise<string[]> {
  const stops: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const where = await focused(page);
    await assertFocusVisible(page, `tab stop ${i + 1}`);
    const contrast = await focusOutlineContrast(page);
    assert.ok(contrast >= 3, `tab stop ${i + 1} ${where}: focus outline contrast ${contrast.toFixed(2)}:1 is below 3:1`);
    stops.push(where);
  }
  return stops;
}

e2eSuite('back-office pages in Chromium', (env) => {
  let articleId = 0;

  before(async () => {
    await createStaff(env());
    // A submitted article with two saved versions (for the revision diff).
    await withPage(env(), {}, async (page) => {
      await signIn(page, env(), STAFF.contributor);
      articleId = await writeDraft(page, ARTICLE);
      await page.getByLabel('Sapo (đoạn mở đầu)').fill(SAPO_2);
      await navigation(page, () => page.getByRole('button', { name: 'Lưu', exact: true }).click());
      assert.match(await page.getByRole('status').first().innerText(), /Đã lưu bài viết\./);
      await pressButton(page, 'Gửi duyệt');
      assert.equal(await statusOf(page), 'Chờ duyệt');
      await signOut(page);
    });
  });

  describe(`at ${LAPTOP.width}×${LAPTOP.height}`, () => {
    test('login page, empty and with errors', async () => {
      await withPage(env(), { viewport: LAPTOP }, async (page) => {
        const res = await page.goto(env().url('/quan-tri/dang-nhap'));
        assert.equal(res?.status(), 200);
        assert.equal(await page.locator('h1').innerText(), 'Đăng nhập quản trị');
        assert.equal(await page.getByRole('navigation', { name: 'Trình đơn quản trị' }).count(), 0, 'no menu before sign-in');
        // Without the menu, the sign-in box is centred and as wide as it is meant to be.
        const box = (await page.locator('.auth-box').boundingBox())!;
        assert.ok(box.width >= 380, `the sign-in box is ${box.width}px wide`);
        assert.ok(Math.abs(box.x + box.width / 2 - LAPTOP.width / 2) < 20, `the sign-in box is centred (x=${box.x}, width=${box.width})`);
        await check(page, 'login');

        await page.getByLabel('Email hoặc tên đăng nhập').fill('khong-co-ai');
        await page.getByLabel('Mật khẩu').fill('sai-mat-khau-123');
        const wrong = await navigation(page, () => page.getByLabel('Mật khẩu').press('Enter'));
        assert.equal(wrong?.status(), 401);
        assert.equal(await page.getByRole('alert').innerText(), 'Tên đăng nhập hoặc mật khẩu không đúng.');
        assert.equal(await page.getByLabel('Email hoặc tên đăng nhập').inputValue(), 'khong-co-ai', 'the login typed is kept');
        assert.equal(await page.getByLabel('Mật khẩu').inputValue(), '', 'the password is not sent back');
        await check(page, 'login-error');

        const empty = await navigation(page, () => page.getByRole('button', { name: 'Đăng nhập' }).click());
        assert.equal(empty?.status(), 400);
        assert.equal(await page.getByRole('alert').innerText(), 'Vui lòng nhập email hoặc tên đăng nhập và mật khẩu.');
        await assertAccessible(page, 'login with empty fields');
      });
    });

    test('dashboard, article list with filters, new-article form empty and with errors', async () => {
      await withPage(env(), { viewport: LAPTOP }, async (page) => {
        await signIn(page, env(), STAFF.approver);
        const waiting = page.getByRole('region', { name: 'Bài chờ duyệt' });
        assert.ok(await waiting.getByRole('link', { name: ARTICLE.title }).isVisible());
        assert.ok(await page.getByRole('region', { name: 'Bài viết theo trạng thái' }).getByRole('link', { name: /Chờ duyệt/ }).isVisible());
        assert.equal(await page.locator('.admin-nav a[aria-current="page"]').innerText(), 'Tổng quan');
        await assertNoSidewaysScroll(page, 'dashboard');
        await check(page, 'dashboard');

        await navigation(page, () => page.getByRole('navigation', { name: 'Trình đơn quản trị' }).getByRole('link', { name: 'Bài viết' }).click());
        assert.ok((await page.locator('.data-table tbody tr').count()) > 10, 'the demo articles are listed');
        const filters = page.getByRole('search', { name: 'Lọc bài viết' });
        await filters.getByLabel('Trạng thái').selectOption({ label: 'Chờ duyệt' });
        await filters.getByLabel('Chuyên mục').selectOption({ label: CATEGORY.name });
        await filters.getByLabel('Tiêu đề có chứa').fill('Đại đoàn kết');
        await navigation(page, () => filters.getByRole('button', { name: 'Lọc' }).click());
        const q = new URL(page.url()).searchParams;
        assert.equal(q.get('trang_thai'), 'submitted');
        assert.equal(q.get('q'), 'Đại đoàn kết');
        const rows = page.locator('.data-table tbody tr');
        assert.equal(await rows.count(), 1, 'only the submitted article matches');
        assert.match((await rows.first().innerText()).replace(/\s+/g, ' '), new RegExp(`${ARTICLE.title} ${CATEGORY.name} ${displayName(STAFF.contributor)} Chờ duyệt`));
        assert.equal(await filters.getByLabel('Trạng thái').locator('option:checked').innerText(), 'Chờ duyệt', 'the filters keep their values');
        await assertNoSidewaysScroll(page, 'article list');
        await check(page, 'article-list');

        await navigation(page, () => page.getByRole('link', { name: 'Viết bài mới' }).click());
        assert.equal(await page.locator('h1').innerText(), 'Viết bài mới');
        await check(page, 'new-article');

        const res = await navigation(page, () => page.getByRole('button', { name: 'Lưu nháp' }).click());
        assert.equal(res?.status(), 422);
        const errors = await assertErrorsDescribeFields(page);
        assert.deepEqual(errors.sort(), ['Vui lòng chọn chuyên mục.', 'Vui lòng nhập tiêu đề bài viết.']);
        await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
        await check(page, 'new-article-errors');
      });
    });

    test('edit form of a submitted article with the workflow forms, and the revision diff', async () => {
      await withPage(env(), { viewport: LAPTOP }, async (page) => {
        await signIn(page, env(), STAFF.approver);
        await page.goto(env().url(`/quan-tri/bai-viet/${articleId}`));
        assert.equal(await statusOf(page), 'Chờ duyệt');
        const workflow = page.getByRole('region', { name: 'Quy trình duyệt bài' });
        for (const name of ['Xuất bản ngay', 'Hẹn giờ', 'Trả lại tác giả']) {
          assert.ok(await workflow.getByRole('button', { name, exact: true }).isVisible(), `button "${name}"`);
        }
        assert.equal(await workflow.getByRole('button', { name: 'Gửi duyệt' }).count(), 0);
        assert.ok(await page.getByRole('textbox', { name: 'Tiêu đề', exact: true }).isEnabled(), 'an approver may edit');
        await assertNoSidewaysScroll(page, 'edit form');
        await assertSaveOnScreen(page, 'edit-submitted');
        await check(page, 'edit-submitted');

        // A schedule time in the past: the error comes back next to its field.
        await workflow.getByLabel('Hẹn giờ xuất bản (giờ Việt Nam)').fill('2020-01-01T08:00');
        const past = await navigation(page, () => workflow.getByRole('button', { name: 'Hẹn giờ', exact: true }).click());
        assert.equal(past?.status(), 422);
        assert.deepEqual(await assertErrorsDescribeFields(page), ['Thời điểm hẹn giờ phải ở tương lai.']);
        await check(page, 'edit-schedule-error');

        await navigation(page, () => page.getByRole('link', { name: 'Lịch sử phiên bản' }).click());
        assert.equal(await page.locator('h1').innerText(), 'Lịch sử phiên bản');
        assert.equal(await page.locator('.data-table tbody tr').count(), 2, 'two saved versions');
        await navigation(page, () => page.getByRole('button', { name: 'So sánh' }).click());
        const compare = page.getByRole('region', { name: /^So sánh phiên bản/ });
        assert.ok(await compare.isVisible(), 'the comparison is shown');
        assert.equal(await compare.getByRole('heading', { name: 'Sapo' }).count(), 1);
        assert.match((await compare.locator('.diff ins').allInnerTexts()).join(''), /thu hút hơn/, 'the added words are marked');
        assert.equal((await compare.locator('.diff-text').innerText()).replace(/\s+/g, ' ').includes('trên địa bàn thị xã'), true);
        assert.equal(await compare.getByRole('heading', { name: 'Tiêu đề' }).count(), 0, 'the unchanged title is not listed');
        await check(page, 'revisions-diff');
      });
    });

    test('users, audit log, account and two-factor set-up pages of a site admin', async () => {
      await withPage(env(), { viewport: LAPTOP }, async (page) => {
        await signIn(page, env(), STAFF.admin);
        const nav = page.getByRole('navigation', { name: 'Trình đơn quản trị' });

        await navigation(page, () => nav.getByRole('link', { name: 'Người dùng' }).click());
        assert.equal(await page.locator('h1').innerText(), 'Người dùng và vai trò');
        const people = await page.locator('.data-table tbody th[scope="row"]').allInnerTexts();
        for (const u of Object.values(STAFF)) assert.ok(people.includes(displayName(u)), `${u} is listed`);
        assert.ok(await page.getByRole('checkbox', { name: 'Trưởng ban biên tập' }).first().isVisible());
        await assertNoSidewaysScroll(page, 'users');
        await check(page, 'users');

        await navigation(page, () => nav.getByRole('link', { name: 'Nhật ký thao tác' }).click());
        const log = await visibleText(page, '.data-table tbody');
        assert.match(log, new RegExp(`${displayName(STAFF.contributor)} Gửi duyệt Bài #${articleId}`));
        assert.match(log, new RegExp(`${displayName(STAFF.contributor)} Tạo bài viết Bài #${articleId}`));
        await check(page, 'audit-log');

        await navigation(page, () => nav.getByRole('link', { name: 'Tài khoản của tôi' }).click());
        assert.equal(await page.locator('h1').innerText(), 'Tài khoản của tôi');
        await check(page, 'account');

        // A site admin must have two factors: set up at the first sign-in, so turning it off is offered.
        assert.ok(await page.getByRole('button', { name: 'Tắt xác thực hai lớp' }).isVisible());
      });
    });

    test('two-factor set-up forced at first sign-in, and the second step of the next one', async () => {
      await makeUser(env().db.db, 'moihailop', [{ siteId: await hongLinhSiteId(env()), role: 'editor' }]);
      await withPage(env(), { viewport: LAPTOP }, async (page) => {
        await page.goto(env().url('/quan-tri/dang-nhap'));
        await page.getByLabel('Email hoặc tên đăng nhập').fill('moihailop');
        await page.getByLabel('Mật khẩu').fill(PASSWORD);
        await navigation(page, () => page.getByLabel('Mật khẩu').press('Enter'));
        assert.equal(new URL(page.url()).pathname, '/quan-tri/tai-khoan/hai-lop');
        assert.equal(await page.locator('h1').innerText(), 'Bật xác thực hai lớp');
        assert.ok(await page.getByRole('img', { name: 'Mã QR để thêm tài khoản vào ứng dụng xác thực' }).isVisible());
        const secret = await page.locator('main code').innerText();
        assert.match(secret, /^[A-Z2-7]{16,}$/, 'the secret is shown for manual entry');
        await check(page, 'totp-setup');
        await navigation(page, () => page.goto(env().url('/quan-tri/bai-viet')));
        assert.equal(new URL(page.url()).pathname, '/quan-tri/tai-khoan/hai-lop', 'nothing else opens before set-up');
        await enterCode(page, await codeAt(secret, env().app.cong.now()), 'Xác nhận và bật');
        assert.match(await visibleText(page, 'main'), /Đã bật xác thực hai lớp\./);
        await check(page, 'totp-recovery-codes');
        await navigation(page, () => page.getByRole('link', { name: 'Tiếp tục' }).click());
        await signOut(page);
        await page.getByLabel('Email hoặc tên đăng nhập').fill('moihailop');
        await page.getByLabel('Mật khẩu').fill(PASSWORD);
        await navigation(page, () => page.getByLabel('Mật khẩu').press('Enter'));
        assert.equal(new URL(page.url()).pathname, '/quan-tri/dang-nhap/xac-thuc');
        await check(page, 'totp-step');
        await enterCode(page, await freshCodeFor(env().app, 'moihailop'), 'Xác nhận');
        assert.equal(new URL(page.url()).pathname, '/quan-tri');
      });
    });
  });

  describe(`at ${TABLET.width}×${TABLET.height} (tablet)`, () => {
    test('article list and edit form', async () => {
      await withPage(env(), { viewport: TABLET }, async (page) => {
        await signIn(page, env(), STAFF.approver);
        await navigation(page, () => page.getByRole('navigation', { name: 'Trình đơn quản trị' }).getByRole('link', { name: 'Bài viết' }).click());
        assert.ok(await page.getByRole('link', { name: ARTICLE.title }).isVisible());
        await assertNoSidewaysScroll(page, 'article list on a tablet');
        await check(page, 'article-list');

        await navigation(page, () => page.getByRole('link', { name: ARTICLE.title }).click());
        assert.equal(await statusOf(page), 'Chờ duyệt');
        assert.ok(await page.getByRole('button', { name: 'Xuất bản ngay' }).isVisible());
        await assertNoSidewaysScroll(page, 'edit form on a tablet');
        await assertSaveOnScreen(page, 'edit-submitted');
        await check(page, 'edit-submitted');
      });
    });
  });

  describe('keyboard', () => {
    test('the login form in tab order, signing in without a mouse', async () => {
      await withPage(env(), { viewport: LAPTOP }, async (page) => {
        await page.goto(env().url('/quan-tri/dang-nhap'));
        const stops = await tabThrough(page, 5);
        assert.match(stops[0]!, /^a "Bỏ qua đến nội dung chính"$/, 'the skip link comes first');
        const login = stops.findIndex((s) => s.startsWith('input#f-login'));
        assert.ok(login > 0, `the login field is reached (${stops.join(' → ')})`);
        assert.match(stops[login + 1] ?? '', /^input#f-password/, 'then the password');
        assert.match(stops[login + 2] ?? '', /^button "Đăng nhập"$/, 'then the button');

        // Back to the login field and sign in from the keyboard alone.
        await page.keyboard.press('Shift+Tab');
        await page.keyboard.press('Shift+Tab');
        assert.match(await focused(page), /^input#f-login/);
        // A contributor: signs in with the password alone (editors and above then give a TOTP code).
        await page.keyboard.type(STAFF.contributor);
        await page.keyboard.press('Tab');
        await page.keyboard.type(PASSWORD);
        await page.keyboard.press('Tab');
        await navigation(page, () => page.keyboard.press('Enter'));
        assert.equal(new URL(page.url()).pathname, '/quan-tri');
        assert.equal(await page.locator('h1').innerText(), `Xin chào, ${displayName(STAFF.contributor)}`);
      });
    });

    test('the skip link is the first stop on admin pages and moves focus to the main content; focus stays visible', async () => {
      await withPage(env(), { viewport: LAPTOP }, async (page) => {
        await signIn(page, env(), STAFF.admin);
        for (const path of ['/quan-tri', '/quan-tri/bai-viet', `/quan-tri/bai-viet/${articleId}`, '/quan-tri/bai-viet/moi', '/quan-tri/nguoi-dung', '/quan-tri/tai-khoan']) {
          await page.goto(env().url(path));
          await page.keyboard.press('Tab');
          const skip = page.getByRole('link', { name: 'Bỏ qua đến nội dung chính' });
          assert.ok(await skip.evaluate((el) => el === document.activeElement), `${path}: the skip link is the first stop (${await focused(page)})`);
          const box = await skip.boundingBox();
          assert.ok(box && box.x >= 0 && box.y >= 0 && box.width > 20, `${path}: the focused skip link is on screen`);
          await assertFocusVisible(page, `${path}: skip link`);
          await page.keyboard.press('Enter');
          await page.waitForFunction(() => document.activeElement?.id === 'noi-dung');
          assert.equal(new URL(page.url()).hash, '#noi-dung');
          await page.keyboard.press('Tab');
          assert.ok(await page.evaluate(() => !!document.activeElement?.closest('main')), `${path}: the next stop is in the main content (${await focused(page)})`);
          await assertFocusVisible(page, `${path}: first stop in main`);
        }

        // Every stop of the header, the menu and the dashboard shows a focus outline that stands out.
        await page.goto(env().url('/quan-tri'));
        const stops = await tabThrough(page, 16);
        assert.ok(stops.some((s) => /^button "Đăng xuất"$/.test(s)), `the sign-out button is reachable (${stops.join(' → ')})`);
        assert.ok(stops.some((s) => /^a "Bài viết"$/.test(s)), 'the menu is reachable');
      });
    });
  });
});
