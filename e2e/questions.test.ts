/**
 * Hỏi đáp in Chromium: a citizen without JavaScript asks a question (a wrong verification answer
 * keeps everything typed, the right one gives a tracking code), looks it up, the board answers
 * and publishes it in the back office, and it appears in the public list without the asker's
 * details. axe-core on the form, the result, the lookup, the list and the Q&A page, at phone
 * and desktop sizes, and no sideways scrolling on a phone. Each test sets up what it needs, so
 * any one of them runs alone (--test-name-pattern).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeUser } from '../test/helpers/admin.js';
import { ask, freshIp } from '../test/questions/helpers.js';
import { hongLinhSiteId, navigation, signIn } from './admin-helpers.js';
import { assertAccessible, DESKTOP, e2eSuite, noSidewaysScroll, PHONE, rightAnswer, visibleText, withPage } from './helpers.js';

const WRONG = 'Mã xác thực không đúng.';



const typed = {
  name: 'Phạm Thị Hoa',
  phone: '0912 888 999',
  email: 'hoa.pham@example.vn',
  address: 'Tổ dân phố 9, phường Trung Lương',
  title: 'Đăng ký tạm trú cho người thuê trọ',
  body: 'Nhà tôi cho sinh viên thuê trọ.\nXin hỏi chủ nhà có phải đăng ký tạm trú cho người thuê không?',
};

/** The question the board answers: sent by the test that answers it, not left over by another. */
const asked = {
  name: 'Lê Văn Bình',
  phone: '0913 777 666',
  email: 'binh.le@example.vn',
  address: 'Tổ dân phố 4, phường Bắc Hồng',
  title: 'Đăng ký tạm trú cho sinh viên thuê nhà',
  body: 'Tôi cho hai sinh viên thuê nhà.\nXin hỏi ai phải đăng ký tạm trú, chủ nhà hay người thuê?',
};

e2eSuite('Hỏi đáp in Chromium', (env) => {
  test('without JavaScript: a wrong answer keeps the text, the right one gives a tracking code; the code finds the question', async () => {
    await withPage(env(), { js: false }, async (page) => {
      await page.goto(env().url('/hoi-dap'));
      await navigation(page, () => page.getByRole('link', { name: 'Gửi câu hỏi' }).first().click());
      assert.equal(new URL(page.url()).pathname, '/hoi-dap/gui-cau-hoi');
      assert.ok(!(await visibleText(page)).includes(WRONG));
      await assertAccessible(page, 'the question form');

      await page.getByLabel('Họ và tên').fill(typed.name);
      await page.getByLabel('Số điện thoại').fill(typed.phone);
      await page.getByLabel('Email').fill(typed.email);
      await page.getByLabel('Địa chỉ').fill(typed.address);
      await page.getByLabel('Phản ánh, kiến nghị').check();
      await page.getByLabel('Chủ đề').selectOption({ label: 'Hộ tịch – Chứng thực' });
      await page.getByLabel('Tiêu đề').fill(typed.title);
      await page.locator('#hd-noi-dung').fill(typed.body);
      await page.getByLabel(/^Câu hỏi:/).fill(String((await rightAnswer(page)) + 1));
      const bad = await navigation(page, () => page.getByRole('button', { name: 'Gửi câu hỏi' }).click());
      assert.equal(bad?.status(), 422);
      assert.equal(await page.locator('fieldset.verify-step .field-error').innerText(), WRONG);
      assert.equal(await page.getByLabel('Họ và tên').inputValue(), typed.name);
      assert.equal(await page.getByLabel('Số điện thoại').inputValue(), typed.phone);
      assert.equal(await page.getByLabel('Email').inputValue(), typed.email);
      assert.equal(await page.getByLabel('Địa chỉ').inputValue(), typed.address);
      assert.ok(await page.getByLabel('Phản ánh, kiến nghị').isChecked());
      assert.equal(await page.locator('#hd-chu-de option:checked').innerText(), 'Hộ tịch – Chứng thực');
      assert.equal(await page.getByLabel('Tiêu đề').inputValue(), typed.title);
      assert.equal(await page.locator('#hd-noi-dung').inputValue(), typed.body);
      assert.equal(await page.getByLabel(/^Câu hỏi:/).inputValue(), '');
      await assertAccessible(page, 'the question form with a wrong answer');

      await page.getByLabel(/^Câu hỏi:/).fill(String(await rightAnswer(page)));
      const ok = await navigation(page, () => page.getByRole('button', { name: 'Gửi câu hỏi' }).click());
      assert.equal(ok?.status(), 200);
      assert.equal(await page.getByRole('status').innerText(), 'Câu hỏi của bạn đã được tiếp nhận.');
      const code = await page.locator('.qa-code-value').innerText();
      assert.match(code, /^HD-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
      await assertAccessible(page, 'the "received" page with the code');

      await navigation(page, () => page.getByRole('link', { name: 'Tra cứu câu hỏi' }).click());
      await assertAccessible(page, 'the lookup page');
      await page.getByLabel('Mã tra cứu').fill(code.toLowerCase());
      await navigation(page, () => page.getByRole('button', { name: 'Tra cứu' }).click());
      const t = await visibleText(page, 'main');
      assert.ok(t.includes(typed.title));
      assert.match(t, /Tình trạng: Đã tiếp nhận/);
      await assertAccessible(page, 'the lookup result');
    });
  });

  test('with JavaScript: the ALTCHA widget replaces the question once the form is touched, and its proof is accepted', async () => {
    await withPage(env(), {}, async (page) => {
      await page.goto(env().url('/hoi-dap/gui-cau-hoi'));
      assert.ok(await page.getByLabel(/^Câu hỏi:/).isVisible(), 'the question is there until the form is touched');
      await page.getByLabel('Họ và tên').fill('Trần Văn Nam');
      await page.getByLabel('Số điện thoại').fill('0987 654 321');
      await page.getByLabel('Chủ đề').selectOption({ label: 'Hộ tịch – Chứng thực' });
      await page.getByLabel('Tiêu đề').fill('Cấp bản sao trích lục khai sinh');
      await page.locator('#hd-noi-dung').fill('Tôi cần bản sao trích lục khai sinh, thủ tục ở đâu?');
      const box = page.getByRole('checkbox', { name: 'Tôi không phải là robot' });
      await box.click();
      await page.locator('altcha-widget .altcha[data-state="verified"]').waitFor({ timeout: 60_000 });
      assert.equal(await page.getByLabel(/^Câu hỏi:/).count(), 0, 'the widget took the question\'s place');
      await assertAccessible(page, 'the question form with the ALTCHA widget');
      const ok = await navigation(page, () => page.getByRole('button', { name: 'Gửi câu hỏi' }).click());
      assert.equal(ok?.status(), 200);
      assert.equal(await page.getByRole('status').innerText(), 'Câu hỏi của bạn đã được tiếp nhận.');
      assert.match(await page.locator('.qa-code-value').innerText(), /^HD-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    });
  });

  test('the board answers and publishes; the citizen sees the answer; the list shows it without the asker', async () => {
    const siteId = await hongLinhSiteId(env());
    // A citizen's question, sent as the form does (from an address of its own: the per-IP limit is the other tests').
    const { code } = await ask(env().app, env().db, siteId, {
      ip: freshIp(),
      extra: { ho_ten: asked.name, dien_thoai: asked.phone, email: asked.email, dia_chi: asked.address, tieu_de: asked.title, noi_dung: asked.body },
    });
    await makeUser(env().db.db, 'hd_bientap', [{ siteId, role: 'editor' }]);
    await withPage(env(), {}, async (page) => {
      await signIn(page, env(), 'hd_bientap');
      await page.goto(env().url('/quan-tri/hoi-dap?trang_thai=da-tiep-nhan'));
      await navigation(page, () => page.getByRole('link', { name: asked.title }).click());
      assert.ok((await visibleText(page, 'main')).includes(asked.email), 'staff see the contact');
      await page.getByLabel('Người xử lý').selectOption({ label: 'Người dùng hd_bientap' });
      await navigation(page, () => page.getByRole('button', { name: 'Giao', exact: true }).click());
      assert.match(await visibleText(page, 'main'), /Đã giao xử lý\./);
      await page.getByLabel('Nội dung trả lời').fill('Theo Luật Cư trú, người thuê trọ tự đăng ký tạm trú tại Công an phường.\n\nChủ nhà có trách nhiệm đồng ý cho đăng ký tạm trú tại chỗ ở hợp pháp của mình.');
      await navigation(page, () => page.getByRole('button', { name: 'Lưu và đánh dấu đã trả lời' }).click());
      assert.match(await visibleText(page, 'main'), /Đã lưu trả lời và đánh dấu đã trả lời\./);
      await navigation(page, () => page.getByRole('button', { name: 'Công khai câu hỏi và trả lời' }).click());
      assert.match(await visibleText(page, 'main'), /Đã công khai câu hỏi và trả lời\./);
    });
    await withPage(env(), { js: false }, async (page) => {
      await page.goto(env().url('/hoi-dap/tra-cuu'));
      await page.getByLabel('Mã tra cứu').fill(code);
      await navigation(page, () => page.getByRole('button', { name: 'Tra cứu' }).click());
      const t = await visibleText(page, 'main');
      assert.match(t, /Tình trạng: Đã trả lời/);
      assert.ok(t.includes('người thuê trọ tự đăng ký tạm trú'));
    });
    for (const viewport of [PHONE, DESKTOP]) {
      await withPage(env(), { viewport }, async (page) => {
        await page.goto(env().url('/hoi-dap'));
        const first = page.locator('.qa-list h2 a').first();
        assert.equal(await first.innerText(), asked.title, 'the newest answer comes first');
        for (const secret of [asked.name, asked.email, asked.phone, '0913777666', asked.address]) assert.ok(!(await page.content()).includes(secret), secret);
        await assertAccessible(page, `the Q&A list at ${viewport.width}px`);
        await noSidewaysScroll(page, 'the list');
        await navigation(page, () => first.click());
        const t = await visibleText(page, 'main');
        assert.match(t, /Công dân hỏi ngày \d{2} tháng \d{2} năm \d{4}/);
        assert.ok(t.includes('Chủ nhà có trách nhiệm'));
        for (const secret of [asked.name, asked.email, asked.phone, asked.address]) assert.ok(!(await page.content()).includes(secret), secret);
        await assertAccessible(page, `the Q&A page at ${viewport.width}px`);
        await noSidewaysScroll(page, 'the Q&A page');
        await page.goto(env().url('/hoi-dap/gui-cau-hoi'));
        await assertAccessible(page, `the form at ${viewport.width}px`);
        await noSidewaysScroll(page, 'the form');
        await page.goto(env().url('/hoi-dap/tra-cuu'));
        await page.getByLabel('Mã tra cứu').fill('HD-2222-3333');
        await navigation(page, () => page.getByRole('button', { name: 'Tra cứu' }).click());
        assert.match(await visibleText(page, 'main'), /Không tìm thấy câu hỏi với mã này\./);
        await assertAccessible(page, `the lookup with a wrong code at ${viewport.width}px`);
        await noSidewaysScroll(page, 'the lookup');
        await page.goto(env().url('/hoi-dap?q=tam+tru'));
        assert.equal(await page.locator('.qa-list h2 a').first().innerText(), asked.title, 'found without diacritics');
      });
    }
  });
});
