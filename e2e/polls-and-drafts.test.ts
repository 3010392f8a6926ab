/**
 * Thăm dò ý kiến and Góp ý dự thảo in Chromium, without JavaScript: a vote goes through a plain
 * form post and lands on the results; feedback on a draft comes back with everything typed after
 * a wrong verification answer and is received after the right one. axe-core on the poll, the
 * results, the draft list and the draft page, at phone and desktop sizes, with no sideways
 * scrolling on a phone.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeUser } from '../test/helpers/admin.js';
import { hongLinhSiteId, navigation, signIn } from './admin-helpers.js';
import { assertAccessible, DESKTOP, e2eSuite, noSidewaysScroll, PHONE, rightAnswer, visibleText, withPage } from './helpers.js';

const WRONG = 'Mã xác thực không đúng.';
/** Headless Chromium says "HeadlessChrome", which the server rightly takes for a robot and does not count. */
const PERSON = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36' };



const typed = {
  name: 'Nguyễn Văn Bình',
  contact: '0912 888 999',
  organisation: 'Tổ dân phố 4, phường Bắc Hồng',
  content: 'Mục II.3: đề nghị ưu tiên lát lại vỉa hè đường Trần Phú trước Tết.\nCần bố trí thêm chỗ để xe máy.',
};

e2eSuite('Thăm dò ý kiến and Góp ý dự thảo in Chromium', (env) => {
  test('without JavaScript: vote on a poll and see the results', async () => {
    await withPage(env(), { js: false, viewport: PHONE }, async (page, context) => {
      await context.setExtraHTTPHeaders(PERSON);
      await page.goto(env().url('/tham-do-y-kien'));
      await navigation(page, () => page.getByRole('link', { name: /Bộ phận Một cửa/ }).click());
      await assertAccessible(page, 'the poll (phone)');
      await noSidewaysScroll(page, 'the poll');
      const group = page.getByRole('group', { name: 'Chọn một phương án:' });
      await group.getByLabel('Hài lòng', { exact: true }).check();
      // A first vote from this browser comes back ticked, with the voter cookie, to confirm (issue 16).
      const unconfirmed = await navigation(page, () => page.getByRole('button', { name: 'Bình chọn' }).click());
      assert.equal(unconfirmed?.status(), 200);
      assert.match(await visibleText(page), /vui lòng bấm “Bình chọn” một lần nữa để xác nhận/);
      assert.ok(await page.getByRole('radio', { name: 'Hài lòng', exact: true }).isChecked());
      await assertAccessible(page, 'the poll asking to confirm');
      const res = await navigation(page, () => page.getByRole('button', { name: 'Bình chọn' }).click());
      assert.equal(res?.status(), 200);
      assert.match(new URL(page.url()).pathname, /^\/tham-do-y-kien\/\d+\/ket-qua$/);
      const t = await visibleText(page);
      assert.match(t, /Cảm ơn bạn đã bình chọn/);
      assert.match(t, /Hài lòng \(bạn đã chọn\)/);
      assert.match(t, /100,0% \(1 lượt\)/);
      assert.match(t, /Tổng số: 1 lượt bình chọn/);
      await assertAccessible(page, 'the results (phone)');
      await noSidewaysScroll(page, 'the results');
      // Voting again changes the vote.
      await navigation(page, () => page.getByRole('link', { name: 'Đổi lựa chọn' }).click());
      await page.getByRole('radio', { name: 'Rất hài lòng' }).check();
      await navigation(page, () => page.getByRole('button', { name: 'Bình chọn' }).click());
      assert.match(await visibleText(page), /Rất hài lòng \(bạn đã chọn\) 100,0% \(1 lượt\).*Tổng số: 1 lượt bình chọn/);
    });
  });

  test('without JavaScript: draft feedback — a wrong answer keeps the text, the right one is received', async () => {
    await withPage(env(), { js: false }, async (page) => {
      await page.goto(env().url('/gop-y-du-thao'));
      await navigation(page, () => page.getByRole('link', { name: /chỉnh trang đô thị/ }).click());
      assert.ok(!(await visibleText(page)).includes(WRONG));
      await page.getByLabel('Họ và tên').fill(typed.name);
      await page.getByLabel('Email hoặc số điện thoại').fill(typed.contact);
      await page.getByLabel('Cơ quan, đơn vị').fill(typed.organisation);
      await page.getByLabel('Nội dung góp ý').fill(typed.content);
      await page.getByLabel(/^Câu hỏi:/).fill(String((await rightAnswer(page)) + 1));
      const bad = await navigation(page, () => page.getByRole('button', { name: 'Gửi góp ý' }).click());
      assert.equal(bad?.status(), 422);
      assert.equal(await page.locator('fieldset.verify-step .field-error').innerText(), WRONG);
      assert.equal(await page.getByLabel('Họ và tên').inputValue(), typed.name);
      assert.equal(await page.getByLabel('Email hoặc số điện thoại').inputValue(), typed.contact);
      assert.equal(await page.getByLabel('Cơ quan, đơn vị').inputValue(), typed.organisation);
      assert.equal(await page.getByLabel('Nội dung góp ý').inputValue(), typed.content);
      await assertAccessible(page, 'the draft page with a wrong answer');
      await page.getByLabel(/^Câu hỏi:/).fill(String(await rightAnswer(page)));
      const ok = await navigation(page, () => page.getByRole('button', { name: 'Gửi góp ý' }).click());
      assert.equal(ok?.status(), 200);
      assert.match(await page.getByRole('status').innerText(), /Cảm ơn bạn đã góp ý/);
      await navigation(page, () => page.getByRole('link', { name: /Quay lại dự thảo/ }).click());
      const t = await visibleText(page);
      assert.match(t, /Đã có 3 ý kiến góp ý/);
      assert.ok(!t.includes(typed.contact) && !t.includes('vỉa hè đường Trần Phú'), 'feedback and contact are not published');
    });
  });

  test('axe-core and no sideways scrolling: polls, results, draft list and draft pages, phone and desktop', async () => {
    for (const viewport of [PHONE, DESKTOP]) {
      await withPage(env(), { js: false, viewport }, async (page) => {
        const size = viewport === PHONE ? 'phone' : 'desktop';
        await page.goto(env().url('/tham-do-y-kien'));
        await assertAccessible(page, `poll list (${size})`);
        await navigation(page, () => page.getByRole('link', { name: /thường tìm thông tin/ }).click());
        assert.match(await visibleText(page), /Tổng số: 1\.234 lượt bình chọn/);
        await assertAccessible(page, `closed poll with results (${size})`);
        await noSidewaysScroll(page, `closed poll (${size})`);
        await page.goto(env().url('/tham-do-y-kien'));
        await navigation(page, () => page.getByRole('link', { name: /ngân sách phường/ }).click());
        await assertAccessible(page, `multiple-choice poll (${size})`);
        await page.goto(env().url('/gop-y-du-thao'));
        assert.match(await visibleText(page), /còn 14 ngày/);
        await assertAccessible(page, `draft list (${size})`);
        await noSidewaysScroll(page, `draft list (${size})`);
        await navigation(page, () => page.getByRole('link', { name: /chỉnh trang đô thị/ }).click());
        await assertAccessible(page, `draft page (${size})`);
        await noSidewaysScroll(page, `draft page (${size})`);
        await page.goto(env().url('/gop-y-du-thao'));
        await navigation(page, () => page.getByRole('link', { name: /nhà văn hóa tổ dân phố/ }).click());
        assert.match(await visibleText(page), /Đã hết thời hạn góp ý\./);
        await assertAccessible(page, `closed draft (${size})`);
      });
    }
  });

  test('back office: an editor creates a poll (bad input comes back with the typed text), reads draft feedback; axe-core', async () => {
    await makeUser(env().db.db, 'td_bientap', [{ siteId: await hongLinhSiteId(env()), role: 'editor' }]);
    await withPage(env(), {}, async (page) => {
      await signIn(page, env(), 'td_bientap');
      await page.goto(env().url('/quan-tri/tham-do'));
      await assertAccessible(page, 'poll list (back office)');
      await navigation(page, () => page.getByRole('link', { name: 'Tạo cuộc thăm dò' }).click());
      await page.getByLabel('Câu hỏi').fill('Ông/bà có ủng hộ làm đường đi bộ quanh hồ?');
      await page.getByLabel('Phương án mới 1', { exact: true }).fill('Ủng hộ');
      const bad = await navigation(page, () => page.getByRole('button', { name: 'Tạo cuộc thăm dò' }).click());
      assert.equal(bad?.status(), 422);
      assert.match(await visibleText(page), /Cần ít nhất 2 phương án\./);
      assert.equal(await page.getByLabel('Câu hỏi').inputValue(), 'Ông/bà có ủng hộ làm đường đi bộ quanh hồ?');
      await assertAccessible(page, 'poll form with errors (back office)');
      await page.getByLabel('Phương án mới 2', { exact: true }).fill('Không ủng hộ');
      await page.getByLabel('Đăng trên trang').check();
      const ok = await navigation(page, () => page.getByRole('button', { name: 'Tạo cuộc thăm dò' }).click());
      assert.equal(ok?.status(), 200);
      assert.match(await visibleText(page), /Đã tạo cuộc thăm dò\./);
      await page.goto(env().url('/quan-tri/gop-y-du-thao'));
      await assertAccessible(page, 'drafts (back office)');
      await navigation(page, () => page.getByRole('link', { name: /09\/DT-UBND/ }).click());
      assert.match(await visibleText(page), /0912 345 678/);
      await assertAccessible(page, 'draft feedback (back office)');
    });
  });
});
