/**
 * Rating and comments in Chromium: stars by mouse and by keyboard without a reload, a comment
 * verified by the real ALTCHA widget (proof of work solved in the browser's workers, under our
 * CSP), the waiting message, approval in the back office, the comment on the article; the same
 * with JavaScript off through the fallback question. axe-core on every state.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { makeUser } from '../test/helpers/admin.js';
import { hongLinhSiteId, navigation, signIn } from './admin-helpers.js';
import { assertAccessible, e2eSuite, rightAnswer, SEED, visibleText, withPage } from './helpers.js';

/** Headless Chromium says "HeadlessChrome", which the server rightly takes for a robot and does not count. */
const PERSON = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36' };

const PENDING = 'Bình luận của bạn đã được gửi và đang chờ duyệt.';
const WRONG = 'Mã xác thực không đúng.';

async function articlePath(page: Page, url: string): Promise<string> {
  await page.goto(url);
  return new URL(page.url()).pathname;
}

/** Another published article of the demo site (so that each test starts from no votes). */
async function secondArticle(page: Page, url: (p: string) => string): Promise<string> {
  await page.goto(url('/chuyen-muc/tin-tuc-su-kien'));
  const href = await page.locator('main a[href^="/bai-viet/"]').nth(1).getAttribute('href');
  return href!;
}

e2eSuite('rating and comments in Chromium', (env) => {
  test('rate an article by mouse and another by keyboard, without a page reload', async () => {
    await withPage(env(), {}, async (page, context) => {
      await context.setExtraHTTPHeaders(PERSON);
      const path = await articlePath(page, env().url(SEED.legacyPath));
      const summary = page.locator('[data-rating-summary]');
      assert.equal(await summary.textContent(), 'Chưa có đánh giá');
      await assertAccessible(page, 'the article page, unrated');
      await page.evaluate(() => ((window as unknown as { stay: boolean }).stay = true));

      await page.locator('label[for="sao-4"]').click();
      await page.getByText('Cảm ơn bạn đã đánh giá. Bạn đã chấm 4 sao.').waitFor();
      assert.equal(await summary.textContent(), '1 lượt đánh giá · trung bình 4,0/5');
      assert.ok(await page.evaluate(() => (window as unknown as { stay?: boolean }).stay), 'no reload');
      assert.equal(new URL(page.url()).pathname, path);
      assert.ok(await page.locator('#sao-4').isChecked());

      const other = await secondArticle(page, env().url);
      await page.goto(env().url(other));
      await page.locator('#sao-1').focus();
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      assert.ok(await page.locator('#sao-3').isChecked(), 'arrow keys move the choice');
      assert.equal(await summary.textContent(), 'Chưa có đánh giá', 'choosing with the keyboard does not send yet');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Gửi đánh giá');
      await page.keyboard.press('Enter');
      await page.getByText('Cảm ơn bạn đã đánh giá. Bạn đã chấm 3 sao.').waitFor();
      assert.equal(await summary.textContent(), '1 lượt đánh giá · trung bình 3,0/5');
      await assertAccessible(page, 'the article page, rated');
    });
  });

  test('comment with the ALTCHA widget, wait for approval, approve in the back office, see it published', async () => {
    const name = 'Phạm Thị Hoa';
    const words = 'Đề nghị phường bố trí thêm đèn chiếu sáng ở tổ dân phố 5.';
    let path = '';
    await withPage(env(), {}, async (page) => {
      path = await articlePath(page, env().url(SEED.legacyPath));
      const form = page.locator('form[data-comment-form]');
      assert.ok(!(await visibleText(page)).includes(WRONG), 'no verification error before a post');

      // Sent empty: every message next to its field, the verification step included.
      await page.getByLabel('Họ và tên').focus();
      await form.getByRole('button', { name: 'Gửi bình luận' }).click();
      await form.getByText('Vui lòng nhập họ tên.').waitFor();
      assert.ok(await form.getByText('Vui lòng nhập nội dung bình luận.').isVisible());
      assert.equal(await form.locator('[data-verify-step] .field-error').textContent(), WRONG);
      assert.equal(await page.getByLabel('Họ và tên').getAttribute('aria-invalid'), 'true');
      await assertAccessible(page, 'the article page, comment form with errors');

      await page.getByLabel('Họ và tên').fill(name);
      await page.getByLabel('Nội dung bình luận').fill(words);
      const box = page.getByRole('checkbox', { name: 'Tôi không phải là robot' });
      await box.click();
      await page.locator('altcha-widget .altcha[data-state="verified"]').waitFor({ timeout: 60_000 });
      assert.match(await page.locator('altcha-widget').innerText(), /Đã xác minh/);
      await form.getByRole('button', { name: 'Gửi bình luận' }).click();
      await form.getByText(PENDING).waitFor();
      assert.equal(await form.locator('.field-error').count(), 0, 'the errors are gone');
      assert.equal(await page.getByLabel('Nội dung bình luận').inputValue(), '', 'the text box is emptied');
      await assertAccessible(page, 'the article page, comment sent');
    });

    const siteId = await hongLinhSiteId(env());
    await makeUser(env().db.db, 'kiemduyet', [{ siteId, role: 'moderator' }]);
    await withPage(env(), {}, async (page) => {
      await signIn(page, env(), 'kiemduyet');
      await navigation(page, () => page.getByRole('navigation', { name: 'Trình đơn quản trị' }).getByRole('link', { name: 'Bình luận' }).click());
      assert.match(await visibleText(page, 'main'), new RegExp(words.replace(/\./g, '\\.')));
      await assertAccessible(page, 'the moderation queue');
      await navigation(page, () => page.getByRole('button', { name: `Duyệt bình luận của ${name}` }).click());
      assert.match(await page.getByRole('status').first().innerText(), /Đã duyệt và đăng bình luận\./);
    });

    await withPage(env(), {}, async (page) => {
      await page.goto(env().url(path));
      const section = page.locator('#binh-luan');
      assert.equal(await section.locator('h2').textContent(), 'Bình luận (1)');
      assert.match(await visibleText(page, '#binh-luan .comment-list'), new RegExp(`${name} (Thứ|Chủ)`));
      assert.ok(await section.getByText(words).isVisible());
      await assertAccessible(page, 'the article page with a published comment');
    });
  });

  test('without JavaScript: "Viết bình luận", a wrong answer keeps the text, the right one is received', async () => {
    await withPage(env(), { js: false }, async (page) => {
      await page.goto(env().url(SEED.legacyPath));
      assert.ok(!(await visibleText(page)).includes(WRONG));
      assert.equal(await page.locator('form[data-comment-form]').isVisible(), false, 'the script form is hidden');
      await assertAccessible(page, 'the article page without JS');
      await navigation(page, () => page.getByRole('link', { name: 'Viết bình luận' }).click());
      assert.equal(await page.locator('h1').innerText(), 'Viết bình luận');
      assert.ok(!(await visibleText(page)).includes(WRONG), 'no error before the post');

      const typed = { name: 'Hoàng Văn Nam', email: 'nam.hoang@example.vn', content: 'Xin hỏi lịch tiêm chủng tháng này\nở trạm y tế phường?' };
      await page.getByLabel('Họ và tên').fill(typed.name);
      await page.getByLabel('Email').fill(typed.email);
      await page.getByLabel('Nội dung bình luận').fill(typed.content);
      const answer = await rightAnswer(page);
      await page.getByLabel(/^Câu hỏi:/).fill(String(answer + 1));
      const res = await navigation(page, () => page.getByRole('button', { name: 'Gửi bình luận' }).click());
      assert.equal(res?.status(), 422);
      assert.equal(await page.locator('fieldset.verify-step .field-error').innerText(), WRONG);
      assert.equal(await page.getByLabel('Họ và tên').inputValue(), typed.name);
      assert.equal(await page.getByLabel('Email').inputValue(), typed.email);
      assert.equal(await page.getByLabel('Nội dung bình luận').inputValue(), typed.content);
      assert.equal(await page.getByLabel(/^Câu hỏi:/).inputValue(), '', 'a new question to answer');
      await assertAccessible(page, 'the no-JS comment page with a wrong answer');

      await page.getByLabel(/^Câu hỏi:/).fill(String(await rightAnswer(page)));
      const ok = await navigation(page, () => page.getByRole('button', { name: 'Gửi bình luận' }).click());
      assert.equal(ok?.status(), 200);
      assert.match(new URL(page.url()).pathname, /^\/binh-luan\/\d+\/da-gui$/);
      assert.equal(await page.getByRole('status').innerText(), PENDING);
      await assertAccessible(page, 'the no-JS "received" page');
      const stored = await env().db.db.selectFrom('comments').select(['status', 'content']).where('author_name', '=', typed.name).execute();
      assert.deepEqual(stored.map((c) => ({ ...c })), [{ status: 'pending', content: typed.content }]);
    });
  });
});


