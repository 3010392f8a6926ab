import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDb } from '../helpers/db.js';
import { AdminClient, makeUser, PASSWORD } from '../helpers/admin.js';
import { NAM_HONG_LINH } from '../helpers/app.js';
import { auditRows, fieldError, lastAudit, publicGet, setupSiteAdmin } from './helpers.js';

const PATH = '/quan-tri/trang-web/cai-dat';

describeEachDb('site settings', setupSiteAdmin, (get) => {
  /** The form as it is now, with some fields changed. */
  async function formWith(over: Record<string, string>): Promise<Record<string, string>> {
    const html = (await get().admin.get(PATH)).body;
    const fields: Record<string, string> = {};
    for (const m of html.matchAll(/<input id="f-([a-z_]+)" name="[a-z_]+"[^>]*?value="([^"]*)"/g)) fields[m[1]!] = m[2]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"');
    for (const m of html.matchAll(/<textarea id="f-([a-z_]+)"[^>]*>([^<]*)<\/textarea>/g)) fields[m[1]!] = m[2]!;
    for (const m of html.matchAll(/<input type="checkbox" id="f-([a-z_]+)" name="[a-z_]+" value="1"( checked)?/g)) if (m[2]) fields[m[1]!] = '1';
    return { ...fields, ...over };
  }

  test('the form shows the current settings', async () => {
    const res = await get().admin.get(PATH);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /value="Cổng thông tin điện tử phường Nam Hồng Lĩnh"/);
    assert.match(res.body, /value="184250"/);
    const form = await formWith({});
    assert.equal(form.agency, 'Ủy ban nhân dân phường Nam Hồng Lĩnh');
    assert.equal(form.links_title, 'Liên kết website');
  });

  test('required publisher fields, email, phone and counter are checked; typed values kept; nothing stored', async () => {
    const { admin, app, db } = get();
    const before = (await db.db.selectFrom('sites').select('settings').where('id', '=', 1).executeTakeFirstOrThrow()).settings;
    const res = await admin.post(PATH, await formWith({ name: 'Tên mới <b>', agency: '', responsible: ' ', email: 'khong-phai-email', phone: 'abc', counter_base: '-5', links_title: '' }));
    assert.equal(res.statusCode, 422);
    assert.equal(fieldError(res.body, 'agency'), 'Vui lòng nhập cơ quan chủ quản.');
    assert.equal(fieldError(res.body, 'responsible'), 'Vui lòng nhập người chịu trách nhiệm chính.');
    assert.match(fieldError(res.body, 'email')!, /^Email không hợp lệ/);
    assert.match(fieldError(res.body, 'phone')!, /^Số điện thoại không hợp lệ/);
    assert.equal(fieldError(res.body, 'counter_base'), 'Số lượt truy cập ban đầu phải là số nguyên không âm, ví dụ 2763801.');
    assert.equal(fieldError(res.body, 'links_title'), 'Vui lòng nhập tiêu đề ô liên kết website.');
    assert.match(res.body, /value="Tên mới &lt;b>"/);
    assert.match(res.body, /value="khong-phai-email"/);
    assert.equal((await db.db.selectFrom('sites').select('settings').where('id', '=', 1).executeTakeFirstOrThrow()).settings, before);
    assert.equal(app.cong.sites.byIdOrNull(1)!.name, 'Cổng thông tin điện tử phường Nam Hồng Lĩnh');
  });

  test('saving: the header, footer, widget titles and counter change on every cached page at once', async () => {
    const { admin, app, db } = get();
    const old = (await publicGet(app, '/')).body;
    assert.match(old, /Thống kê:<\/dt> <dd data-stat="total">184\.2[5-9]\d</);
    await publicGet(app, '/trang/gioi-thieu');
    const res = await admin.post(PATH, await formWith({
      name: 'Cổng thông tin điện tử phường Bắc Hồng Lĩnh',
      agency: 'Ủy ban nhân dân phường Bắc Hồng Lĩnh',
      email: 'UBND@BacHongLinh.HaTinh.gov.vn',
      licence: 'Giấy phép số 20/GP-STTTT cấp ngày 1/7/2025',
      links_title: 'Website liên kết',
      counter_base: '3.000.000',
    }));
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `${PATH}?tb=da-luu`);
    const page = (await publicGet(app, '/trang/gioi-thieu')).body;
    assert.match(page, /<span class="brand-name">Cổng thông tin điện tử phường Bắc Hồng Lĩnh<\/span>/);
    assert.match(page, /<dd>Ủy ban nhân dân phường Bắc Hồng Lĩnh<\/dd>/);
    assert.match(page, /mailto:ubnd@bachonglinh\.hatinh\.gov\.vn/);
    assert.match(page, /Giấy phép số 20\/GP-STTTT cấp ngày 1\/7\/2025/);
    assert.match(page, /Website liên kết/);
    assert.match(page, /data-stat="total">3\.000\.\d\d\d</);
    const site = app.cong.sites.byIdOrNull(1)!;
    assert.equal(site.counterBase, 3_000_000);
    assert.equal(site.settings.map.title, 'Bản đồ phường Nam Hồng Lĩnh', 'the map settings are left alone');

    const settings = await lastAudit(db, 'site.settings');
    assert.equal(settings.before.name, 'Cổng thông tin điện tử phường Nam Hồng Lĩnh');
    assert.equal(settings.after.publisher.agency, 'Ủy ban nhân dân phường Bắc Hồng Lĩnh');
    assert.deepEqual(await lastAudit(db, 'site.counter_base').then((a) => [a.before, a.after]), [{ counter_base: 184250 }, { counter_base: 3000000 }]);
  });

  test('saving again without changing the counter writes no counter audit row', async () => {
    const { admin, db } = get();
    const n = (await auditRows(db, 'site.counter_base')).length;
    assert.equal((await admin.post(PATH, await formWith({ tagline: 'Tỉnh Hà Tĩnh mới' }))).statusCode, 303);
    assert.equal((await auditRows(db, 'site.counter_base')).length, n);
  });

  test('the security switches: two-person rule and a second factor required of every role', async () => {
    const { admin, app } = get();
    const form = await formWith({ two_person_rule: '1' });
    assert.equal((await admin.post(PATH, form)).statusCode, 303);
    assert.equal(app.cong.sites.byIdOrNull(1)!.settings.twoPersonRule, true);
    assert.match((await admin.get(PATH)).body, /id="f-two_person_rule" name="two_person_rule" value="1" checked/);
    const { two_person_rule: _, ...off } = form;
    assert.equal((await admin.post(PATH, { ...off, require_totp: '1' })).statusCode, 303);
    const s = app.cong.sites.byIdOrNull(1)!.settings;
    assert.deepEqual([s.twoPersonRule, s.requireTotpForAll], [false, true]);
    await makeUser(get().db.db, 'ctv-cai-dat', [{ siteId: 1, role: 'contributor' }]);
    const login = await new AdminClient(app, NAM_HONG_LINH).loginAttempt('ctv-cai-dat', PASSWORD);
    assert.equal(login.statusCode, 303);
    assert.equal(login.headers.location, '/quan-tri/tai-khoan/hai-lop?batbuoc=1', 'a contributor is now sent to set up a second factor');
  });

  test('an editor, or the admin of another site, cannot see or change the settings', async () => {
    const { editor, otherAdmin, app } = get();
    for (const c of [editor, otherAdmin]) {
      assert.equal((await c.get(PATH)).statusCode, 403);
      assert.equal((await c.post(PATH, { name: 'Chiếm quyền' })).statusCode, 403);
    }
    assert.notEqual(app.cong.sites.byIdOrNull(1)!.name, 'Chiếm quyền');
  });
});
