/**
 * Issue 16 items 6 and 7 in Chromium, through the real forms: with the two-person rule on, an
 * editor's change to a published article waits as a pending edit (the public page keeps the
 * approved text) until another approver approves it from the diff; a site administrator invites
 * an account of another ward, which accepts after signing in there. Every screen passes axe.
 *
 * Build the assets first: npx tsx scripts/build-assets.ts
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { AdminClient, makeUser } from '../test/helpers/admin.js';
import { codeAt } from '../test/helpers/totp.js';
import { CATEGORY, createStaff, enterCode, hongLinhSiteId, navigation, pressButton, signIn, STAFF, visit } from './admin-helpers.js';
import { assertAccessible, BAC_HONG_LINH, e2eSuite, NAM_HONG_LINH, withPage, type E2E } from './helpers.js';

const TITLE = 'Lịch tiếp công dân định kỳ tháng 12/2026';
const APPROVED = 'Chủ tịch UBND phường tiếp công dân vào sáng thứ Năm hằng tuần.';
const CHANGED = 'Chủ tịch UBND phường tiếp công dân vào sáng thứ Ba và thứ Năm hằng tuần.';
const SECOND_APPROVER = 'truongban_hai';
const OTHER_WARD = 'canbo_bachonglinh';

/** The article, written by the contributor and published by the approver; its public path. */
async function publishedArticle(env: E2E): Promise<{ id: number; path: string }> {
  const contributor = await AdminClient.login(env.app, NAM_HONG_LINH, STAFF.contributor);
  const approver = await AdminClient.login(env.app, NAM_HONG_LINH, STAFF.approver);
  const category = await env.db.db.selectFrom('categories').select('id').where('site_id', '=', await hongLinhSiteId(env)).where('slug', '=', CATEGORY.slug).executeTakeFirstOrThrow();
  const res = await contributor.post('/quan-tri/bai-viet/moi', { title: TITLE, sapo: APPROVED, body: '<p>Địa điểm: trụ sở UBND phường.</p>', category_id: String(category.id), author: 'Văn phòng' });
  const id = Number(/bai-viet\/(\d+)/.exec(res.headers.location as string)![1]);
  assert.equal((await contributor.post(`/quan-tri/bai-viet/${id}/gui-duyet`)).statusCode, 303);
  assert.equal((await approver.post(`/quan-tri/bai-viet/${id}/xuat-ban`)).statusCode, 303);
  const path = (await env.app.inject({ url: `/bai-viet/x-${id}`, headers: { host: NAM_HONG_LINH } })).headers.location as string;
  return { id, path };
}

async function noticeText(page: Page): Promise<string> {
  return page.getByRole('status').first().innerText();
}

e2eSuite('two-person review of edits and invitations in Chromium', (env) => {
  before(async () => {
    await createStaff(env());
    const siteId = await hongLinhSiteId(env());
    await makeUser(env().db.db, SECOND_APPROVER, [{ siteId, role: 'approver' }]);
    const other = await env().db.db.selectFrom('site_hosts').select('site_id').where('host', '=', BAC_HONG_LINH).executeTakeFirstOrThrow();
    await makeUser(env().db.db, OTHER_WARD, [{ siteId: other.site_id, role: 'editor' }]);
    const site = await env().db.db.selectFrom('sites').select('settings').where('id', '=', siteId).executeTakeFirstOrThrow();
    await env().db.db.updateTable('sites').set({ settings: JSON.stringify({ ...JSON.parse(site.settings), twoPersonRule: true }) }).where('id', '=', siteId).execute();
    await env().app.cong.sites.reload();
  });

  test('an edit to a published article waits for another approver; the public page changes only then', async () => {
    const { id, path } = await publishedArticle(env());
    await withPage(env(), {}, async (visitor) => {
      assert.match((await visit(visitor, env(), path)).text, new RegExp(APPROVED));
      await withPage(env(), {}, async (page) => {
        await signIn(page, env(), STAFF.editor);
        await page.goto(env().url(`/quan-tri/bai-viet/${id}`));
        assert.match(await page.getByRole('note').first().innerText(), /Nguyên tắc hai người đang bật/);
        await page.getByLabel('Sapo (đoạn mở đầu)').fill(CHANGED);
        await navigation(page, () => page.getByRole('button', { name: 'Lưu', exact: true }).click());
        assert.match(await noticeText(page), /Đã lưu bản sửa\./);
        await pressButton(page, 'Gửi duyệt bản sửa');
        assert.match(await noticeText(page), /Đã gửi bản sửa để duyệt\./);
        assert.match(await page.locator('.pending-edit').innerText(), /Đã gửi, chờ duyệt/);
        await assertAccessible(page, 'edit page with a pending edit (editor)');
      });
      assert.match((await visit(visitor, env(), path)).text, new RegExp(APPROVED), 'still the approved text');
      await withPage(env(), {}, async (page) => {
        await signIn(page, env(), SECOND_APPROVER);
        await page.goto(env().url(`/quan-tri/bai-viet/${id}`));
        assert.match(await page.locator('.pending-edit .diff ins').first().innerText(), /Ba và/);
        await assertAccessible(page, 'edit page with a pending edit (approver)');
        await pressButton(page, 'Duyệt và xuất bản bản sửa');
        assert.match(await noticeText(page), /Đã duyệt bản sửa/);
        await assertAccessible(page, 'edit page after approval');
      });
      assert.match((await visit(visitor, env(), path)).text, new RegExp(CHANGED));
    });
  });

  test('a site administrator invites an account of another ward, which accepts after signing in there', async () => {
    await withPage(env(), {}, async (page) => {
      await signIn(page, env(), STAFF.admin);
      await page.goto(env().url('/quan-tri/nguoi-dung'));
      await assertAccessible(page, 'users page with the invitation form');
      await page.getByLabel('Tên đăng nhập hoặc email').fill(OTHER_WARD);
      const roles = page.getByRole('group', { name: 'Vai trò khi chấp nhận' });
      await roles.getByLabel('Phóng viên / Cộng tác viên').uncheck();
      await roles.getByLabel('Biên tập viên').check();
      await navigation(page, () => page.getByRole('button', { name: 'Gửi lời mời' }).click());
      assert.match(await noticeText(page), /Đã ghi lời mời\./);
      await page.goto(env().url('/quan-tri/nguoi-dung/loi-moi'));
      assert.match(await page.locator('table').innerText(), new RegExp(OTHER_WARD));
      await assertAccessible(page, 'open invitations of the site');
    });
    await withPage(env(), {}, async (page) => {
      await page.goto(env().url('/quan-tri/dang-nhap', BAC_HONG_LINH));
      await page.getByLabel('Email hoặc tên đăng nhập').fill(OTHER_WARD);
      await page.getByLabel('Mật khẩu').fill('mat-khau-thu-nghiem-2026');
      await navigation(page, () => page.getByLabel('Mật khẩu').press('Enter'));
      // An editor signs in with two factors: set up at this first sign-in, as a person must.
      assert.equal(new URL(page.url()).pathname, '/quan-tri/tai-khoan/hai-lop');
      await enterCode(page, await codeAt(await page.locator('main code').innerText(), env().app.cong.now()), 'Xác nhận và bật');
      await navigation(page, () => page.getByRole('link', { name: 'Tiếp tục' }).click());
      assert.match(await page.locator('main').innerText(), /Bạn có 1 lời mời tham gia trang khác/);
      await navigation(page, () => page.getByRole('link', { name: 'Xem và trả lời lời mời' }).click());
      await assertAccessible(page, 'my invitations');
      await navigation(page, () => page.getByRole('button', { name: /^Chấp nhận lời mời của/ }).click());
      assert.match(await noticeText(page), /Đã chấp nhận lời mời/);
    });
    const roles = await env().db.db.selectFrom('user_roles').innerJoin('users', 'users.id', 'user_roles.user_id').select('user_roles.role').where('users.username', '=', OTHER_WARD).where('user_roles.site_id', '=', await hongLinhSiteId(env())).execute();
    assert.deepEqual(roles.map((r) => r.role), ['editor']);
  });
});
