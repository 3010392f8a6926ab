/**
 * The editorial workflow of the back office in Chromium, through the real forms: a contributor
 * writes and submits, an approver publishes, edits, returns and unpublishes; anonymous visitors
 * see each change on the public pages at once (the in-process page cache is warmed first, so
 * the test proves the writes purge it). Also: the Vietnamese errors of the article form and of
 * the return form, with nothing typed lost.
 *
 * Build the assets first: npx tsx scripts/build-assets.ts
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  bodyText,
  CATEGORY,
  createStaff,
  displayName,
  escapeRegExp,
  navigation,
  pressButton,
  signIn,
  signOut,
  STAFF,
  statusOf,
  submittedArticle,
  typeBody,
  visit,
} from './admin-helpers.js';
import { assertAccessible, e2eSuite, screenshot, withPage, type E2E } from './helpers.js';

const ARTICLE = {
  title: 'Hồng Lĩnh ra quân tổng vệ sinh môi trường',
  sapo: 'Sáng 12/10, hơn 2.000 cán bộ, đoàn viên và nhân dân thị xã Hồng Lĩnh đồng loạt ra quân tổng vệ sinh môi trường.',
  body: 'Các tổ dân phố đã thu gom hơn 15 tấn rác thải, phát quang 12 km đường giao thông và nạo vét kênh mương nội đồng.',
};
const NEW_SAPO = 'Hơn 2.500 người dân 6 phường, xã của thị xã Hồng Lĩnh tham gia tổng vệ sinh môi trường trong sáng Chủ nhật.';
const LAPTOP = { width: 1366, height: 768 };
const CATEGORY_PATH = `/chuyen-muc/${CATEGORY.slug}`;

/** The titles in the category page's article list. */
async function categoryListTitles(page: Page, env: E2E): Promise<string[]> {
  const res = await page.goto(env.url(CATEGORY_PATH));
  assert.equal(res?.status(), 200);
  return (await page.locator('.list .item a').allInnerTexts()).map((t) => t.trim());
}

async function noticeText(page: Page): Promise<string> {
  return page.getByRole('status').first().innerText();
}

e2eSuite('back-office editorial workflow in Chromium', (env) => {
  before(async () => {
    await createStaff(env());
  });

  test('contributor writes and submits, approver publishes, edits and unpublishes; the public site follows at once', async () => {
    // An anonymous visitor (own browser context) loads the pages first: they sit in the page cache.
    await withPage(env(), {}, async (visitor) => {
      const homeBefore = await visit(visitor, env(), '/');
      assert.equal(homeBefore.status, 200);
      assert.doesNotMatch(homeBefore.text, new RegExp(escapeRegExp(ARTICLE.title)), 'not on the home page yet');
      assert.ok(!(await categoryListTitles(visitor, env())).includes(ARTICLE.title), 'not in the category yet');
      assert.doesNotMatch((await visit(visitor, env(), '/rss.xml')).body, new RegExp(escapeRegExp(ARTICLE.title)));
      const sitemapBefore = await visit(visitor, env(), '/sitemap.xml');
      assert.equal(sitemapBefore.status, 200);

      let articlePath = '';
      await withPage(env(), { viewport: LAPTOP }, async (page) => {
        // The contributor: sign in with Enter, write, save, submit.
        await signIn(page, env(), STAFF.contributor);
        await navigation(page, () => page.getByRole('navigation', { name: 'Trình đơn quản trị' }).getByRole('link', { name: 'Bài viết' }).click());
        await navigation(page, () => page.getByRole('link', { name: 'Viết bài mới' }).click());
        assert.equal(await page.locator('h1').innerText(), 'Viết bài mới');
        assert.equal(await page.getByLabel('Tác giả').inputValue(), displayName(STAFF.contributor), 'author filled in');
        await page.getByRole('textbox', { name: 'Tiêu đề', exact: true }).fill(ARTICLE.title);
        await page.getByLabel('Sapo (đoạn mở đầu)').fill(ARTICLE.sapo);
        await typeBody(page, ARTICLE.body);
        await page.getByLabel('Chuyên mục').selectOption({ label: CATEGORY.name });
        const saved = await navigation(page, () => page.getByRole('button', { name: 'Lưu nháp' }).click());
        assert.equal(saved?.status(), 200);
        assert.match(await noticeText(page), /^Đã tạo bài viết nháp\.$/);
        const id = Number(/\/quan-tri\/bai-viet\/(\d+)\?tb=da-tao$/.exec(page.url())?.[1]);
        assert.ok(id > 0, `on the new article's page (${page.url()})`);
        assert.equal(await statusOf(page), 'Nháp');
        assert.equal(await page.getByRole('textbox', { name: 'Tiêu đề', exact: true }).inputValue(), ARTICLE.title);
        assert.match(await bodyText(page), new RegExp(escapeRegExp(ARTICLE.body)), 'the body was saved');
        assert.equal(await page.getByRole('button', { name: 'Xuất bản ngay' }).count(), 0, 'a contributor cannot publish');

        await pressButton(page, 'Gửi duyệt');
        assert.match(await noticeText(page), /^Đã gửi bài viết để duyệt\.$/);
        assert.equal(await statusOf(page), 'Chờ duyệt');
        assert.ok(await page.getByRole('textbox', { name: 'Tiêu đề', exact: true }).isDisabled(), 'a submitted article is locked for its contributor');
        assert.equal(await page.getByRole('button', { name: 'Gửi duyệt' }).count(), 0);
        await screenshot(page, 'admin-workflow-submitted');
        await signOut(page);

        // The approver: finds it on the dashboard and publishes it.
        await signIn(page, env(), STAFF.approver);
        const waiting = page.getByRole('region', { name: 'Bài chờ duyệt' });
        assert.ok(await waiting.isVisible(), 'the dashboard lists articles waiting for approval');
        assert.match(await waiting.innerText(), new RegExp(`${escapeRegExp(ARTICLE.title)} \\(${displayName(STAFF.contributor)}, `));
        await navigation(page, () => waiting.getByRole('link', { name: ARTICLE.title }).click());
        assert.equal(new URL(page.url()).pathname, `/quan-tri/bai-viet/${id}`);
        assert.equal(await statusOf(page), 'Chờ duyệt');

        // Still hidden from the public while waiting.
        assert.equal((await visit(visitor, env(), '/')).text.includes(ARTICLE.title), false);

        const published = await pressButton(page, 'Xuất bản ngay');
        assert.equal(published?.status(), 200);
        assert.match(await noticeText(page), /^Đã xuất bản bài viết\.$/);
        assert.equal(await statusOf(page), 'Đã xuất bản');
        articlePath = (await page.locator('.status-panel').getByRole('link', { name: 'Xem trên trang' }).getAttribute('href')) ?? '';
        assert.equal(articlePath, `/bai-viet/hong-linh-ra-quan-tong-ve-sinh-moi-truong-${id}`);

        // Everyone sees it now, although the pages were in the cache.
        const home = await visit(visitor, env(), '/');
        assert.match(home.text, new RegExp(escapeRegExp(ARTICLE.title)), 'on the home page');
        assert.equal((await categoryListTitles(visitor, env()))[0], ARTICLE.title, 'first in its category');
        const rss = await visit(visitor, env(), '/rss.xml');
        assert.equal(rss.status, 200);
        assert.match(rss.body, new RegExp(`<title>(<!\\[CDATA\\[)?${escapeRegExp(ARTICLE.title)}`), 'in the RSS feed');
        assert.ok(rss.body.includes(articlePath), 'the feed links the article');
        const sitemap = await visit(visitor, env(), '/sitemap.xml');
        assert.ok(sitemap.body.includes(`<loc>${env().url(articlePath)}</loc>`), 'in the sitemap');
        assert.ok(!sitemapBefore.body.includes(articlePath));
        const view = await visit(visitor, env(), articlePath);
        assert.equal(view.status, 200);
        assert.match(view.text, new RegExp(escapeRegExp(ARTICLE.title)));
        assert.match(view.text, new RegExp(escapeRegExp(ARTICLE.sapo)));
        assert.match(view.text, new RegExp(escapeRegExp(ARTICLE.body)), 'the article page shows the body');

        // The approver corrects the sapo of the published article.
        await page.getByLabel('Sapo (đoạn mở đầu)').fill(NEW_SAPO);
        const resaved = await navigation(page, () => page.getByRole('button', { name: 'Lưu', exact: true }).click());
        assert.equal(resaved?.status(), 200);
        assert.match(await noticeText(page), /^Đã lưu bài viết\.$/);
        assert.equal(await statusOf(page), 'Đã xuất bản');
        const edited = await visit(visitor, env(), articlePath);
        assert.match(edited.text, new RegExp(escapeRegExp(NEW_SAPO)), 'the new sapo is public at once');
        assert.doesNotMatch(edited.text, new RegExp(escapeRegExp(ARTICLE.sapo)));

        // Unpublish, after confirming.
        const dialog = page.waitForEvent('dialog').then(async (d) => {
          assert.equal(d.type(), 'confirm');
          assert.equal(d.message(), 'Gỡ bài khỏi trang?');
          await d.accept();
        });
        const unpublished = await navigation(page, () => page.getByRole('button', { name: 'Gỡ bài khỏi trang' }).click());
        await dialog;
        assert.equal(unpublished?.status(), 200);
        assert.match(await noticeText(page), /^Đã gỡ bài viết khỏi trang\.$/);
        assert.equal(await statusOf(page), 'Đã gỡ');
        await screenshot(page, 'admin-workflow-unpublished');
      });

      const gone = await visit(visitor, env(), articlePath);
      assert.equal(gone.status, 404, 'the article page answers 404');
      assert.doesNotMatch(gone.text, new RegExp(escapeRegExp(NEW_SAPO)));
      assert.ok(!(await categoryListTitles(visitor, env())).includes(ARTICLE.title), 'no longer listed in its category');
      assert.doesNotMatch((await visit(visitor, env(), '/')).text, new RegExp(escapeRegExp(ARTICLE.title)), 'no longer on the home page');
      assert.doesNotMatch((await visit(visitor, env(), '/rss.xml')).body, new RegExp(escapeRegExp(ARTICLE.title)), 'no longer in the feed');
    });
  });

  test('an approver returns a submitted article with a reason, which its contributor then reads', async () => {
    const title = 'Phường Bắc Hồng đối thoại với hộ kinh doanh về trật tự đô thị';
    const reason = 'Bổ sung số liệu cụ thể và ảnh minh hoạ buổi đối thoại.';
    await withPage(env(), { viewport: LAPTOP }, async (page) => {
      await signIn(page, env(), STAFF.contributor);
      const id = await submittedArticle(page, { title, sapo: 'Chiều 20/10, UBND phường Bắc Hồng tổ chức đối thoại.', body: 'Hơn 80 hộ kinh doanh đã dự buổi đối thoại.' });
      await signOut(page);

      await signIn(page, env(), STAFF.approver);
      await navigation(page, () => page.getByRole('region', { name: 'Bài chờ duyệt' }).getByRole('link', { name: title }).click());
      assert.equal(new URL(page.url()).pathname, `/quan-tri/bai-viet/${id}`);

      // Without a reason: the error sits next to the field and is tied to it.
      const reasonField = page.getByLabel('Lý do trả lại');
      const empty = await navigation(page, () => page.getByRole('button', { name: 'Trả lại tác giả' }).click());
      assert.equal(empty?.status(), 422);
      assert.equal(await statusOf(page), 'Chờ duyệt', 'nothing changed');
      const message = 'Vui lòng nhập lý do trả lại để tác giả biết cần sửa gì.';
      const error = page.locator('#f-reason-error');
      assert.equal(await error.innerText(), message);
      assert.equal(await reasonField.getAttribute('aria-invalid'), 'true');
      assert.match((await reasonField.getAttribute('aria-describedby')) ?? '', /\bf-reason-error\b/, 'the error is the field’s description');
      assert.equal(await page.locator('.field.has-error').filter({ has: page.locator('#f-reason') }).filter({ has: error }).count(), 1, 'the error is in the field’s box');
      await screenshot(page, 'admin-return-error');
      await assertAccessible(page, 'edit page with the return-reason error');

      await reasonField.fill(reason);
      await pressButton(page, 'Trả lại tác giả');
      assert.match(await noticeText(page), /^Đã trả lại bài viết cho tác giả\.$/);
      assert.equal(await statusOf(page), 'Trả lại');
      await signOut(page);

      // The contributor sees it returned, with the reason, and may edit again.
      await signIn(page, env(), STAFF.contributor);
      const mine = page.getByRole('region', { name: 'Bài viết gần đây của tôi' });
      assert.match(await mine.innerText(), new RegExp(`${escapeRegExp(title)} Trả lại`));
      await navigation(page, () => mine.getByRole('link', { name: title }).click());
      assert.equal(await statusOf(page), 'Trả lại');
      const note = page.getByRole('note');
      assert.equal((await note.innerText()).replace(/\s+/g, ' ').trim(), `Lý do trả lại: ${reason}`);
      assert.ok(await page.getByRole('textbox', { name: 'Tiêu đề', exact: true }).isEnabled(), 'a returned article can be edited by its contributor');
      assert.equal(await page.getByRole('button', { name: 'Gửi duyệt' }).count(), 1, 'and sent again');
      await screenshot(page, 'admin-returned');
    });
  });

  test('a new article without a title shows the error next to the field, focuses the summary and keeps what was typed', async () => {
    const sapo = 'Thị xã Hồng Lĩnh triển khai cấp nước sạch cho 1.200 hộ dân.';
    const body = 'Dự án có tổng vốn 45 tỷ đồng, dự kiến hoàn thành trong quý IV.';
    await withPage(env(), { viewport: LAPTOP }, async (page) => {
      await signIn(page, env(), STAFF.contributor);
      await navigation(page, () => page.getByRole('navigation', { name: 'Trình đơn quản trị' }).getByRole('link', { name: 'Bài viết' }).click());
      const countBefore = await page.locator('.data-table tbody tr').count();
      await navigation(page, () => page.getByRole('link', { name: 'Viết bài mới' }).click());
      await page.getByLabel('Sapo (đoạn mở đầu)').fill(sapo);
      await typeBody(page, body);
      await page.getByLabel('Chuyên mục').selectOption({ label: CATEGORY.name });
      const res = await navigation(page, () => page.getByRole('button', { name: 'Lưu nháp' }).click());
      assert.equal(res?.status(), 422);
      assert.equal(new URL(page.url()).pathname, '/quan-tri/bai-viet/moi');

      const message = 'Vui lòng nhập tiêu đề bài viết.';
      const title = page.getByRole('textbox', { name: 'Tiêu đề', exact: true });
      assert.equal(await page.locator('#f-title-error').innerText(), message);
      assert.equal(await title.getAttribute('aria-invalid'), 'true');
      assert.match((await title.getAttribute('aria-describedby')) ?? '', /\bf-title-error\b/);
      const box = page.locator('.field.has-error').filter({ has: page.locator('#f-title') });
      assert.equal(await box.locator('.field-error').innerText(), message, 'the error is next to the title field');

      // The summary has focus (admin.js), is announced, and links to the field.
      const summary = page.locator('.error-summary');
      await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
      assert.equal(await summary.getAttribute('role'), 'alert');
      assert.match(await summary.innerText(), /Vui lòng sửa 1 lỗi dưới đây:/);
      assert.equal(await summary.getByRole('link', { name: message }).getAttribute('href'), '#f-title');

      // Nothing typed is lost.
      assert.equal(await page.getByLabel('Sapo (đoạn mở đầu)').inputValue(), sapo);
      assert.match(await bodyText(page), new RegExp(escapeRegExp(body)));
      assert.equal(await page.getByLabel('Chuyên mục').locator('option:checked').innerText(), CATEGORY.name);
      assert.equal(await title.inputValue(), '');
      await screenshot(page, 'admin-new-article-error');

      // And nothing was saved.
      await navigation(page, () => page.getByRole('navigation', { name: 'Trình đơn quản trị' }).getByRole('link', { name: 'Bài viết' }).click());
      assert.equal(await page.locator('.data-table tbody tr').count(), countBefore, 'no article was created');
    });
  });
});
