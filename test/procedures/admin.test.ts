import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AdminClient, makeUser } from '../helpers/admin.js';
import { buildTestApp, NAM_HONG_LINH, BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb, type TestDb } from '../helpers/db.js';
import { fieldError, lastAudit } from '../site-admin/helpers.js';

const ADMIN = '/quan-tri/thu-tuc';

async function setup(db: TestDb) {
  const app = await buildTestApp(db);
  await makeUser(db.db, 'quantri', [{ siteId: 1, role: 'site_admin' }]);
  await makeUser(db.db, 'bientap', [{ siteId: 1, role: 'editor' }]);
  await makeUser(db.db, 'congtacvien', [{ siteId: 1, role: 'contributor' }]);
  await makeUser(db.db, 'quantri2', [{ siteId: 2, role: 'site_admin' }]);
  const other = await AdminClient.login(app, BAC_HONG_LINH, 'quantri2');
  const otherProc = await db.db.selectFrom('procedures').select('id').where('site_id', '=', 2).executeTakeFirstOrThrow();
  return {
    app,
    admin: await AdminClient.login(app, NAM_HONG_LINH, 'quantri'),
    editor: await AdminClient.login(app, NAM_HONG_LINH, 'bientap'),
    contributor: await AdminClient.login(app, NAM_HONG_LINH, 'congtacvien'),
    aimed: Object.assign(new AdminClient(app, NAM_HONG_LINH), { cookie: other.cookie, csrf: other.csrf }),
    otherProcId: otherProc.id,
  };
}

const valid = {
  title: 'Đăng ký giám hộ', code: '1.004837', field: 'Hộ tịch', level: 'Cấp xã', duration: '03 ngày làm việc', fee: 'Miễn lệ phí',
  dossier: 'Tờ khai đăng ký giám hộ\nVăn bản cử người giám hộ', method: 'Nộp trực tiếp tại Bộ phận một cửa', portal_url: '', online_level: 'mot-phan', published: '1',
};

describeEachDb('back office: administrative procedures', setup, (ctx) => {
  test('bad input: messages by the field, typed text kept, only https links, nothing stored', async () => {
    const { editor, db } = ctx();
    const count = async () => Number((await db.db.selectFrom('procedures').select((eb) => eb.fn.countAll<number>().as('n')).where('site_id', '=', 1).executeTakeFirstOrThrow()).n);
    const before = await count();
    const cases: [Record<string, string>, string, string][] = [
      [{ ...valid, title: ' ' }, 'title', 'Vui lòng nhập tên thủ tục.'],
      [{ ...valid, field: '' }, 'field', 'Vui lòng chọn lĩnh vực.'],
      [{ ...valid, field: 'Hải quan' }, 'field', 'Lĩnh vực không có trong danh sách.'],
      [{ ...valid, code: 'ABC' }, 'code', 'Mã thủ tục không hợp lệ, ví dụ 1.001193.'],
      [{ ...valid, code: '1.001193' }, 'code', 'Mã thủ tục 1.001193 đã có trong danh sách.'],
      [{ ...valid, portal_url: 'http://dichvucong.gov.vn/p/home' }, 'portal_url', 'Địa chỉ liên kết phải bắt đầu bằng https://.'],
      [{ ...valid, portal_url: 'javascript:alert(1)' }, 'portal_url', 'Địa chỉ liên kết phải bắt đầu bằng https://.'],
      [{ ...valid, portal_url: 'dichvucong.gov.vn' }, 'portal_url', 'Địa chỉ liên kết không hợp lệ, ví dụ https://dichvucong.gov.vn/….'],
      [{ ...valid, title: 'T'.repeat(301) }, 'title', 'Tên thủ tục dài tối đa 300 ký tự (hiện có 301).'],
    ];
    for (const [form, field, message] of cases) {
      const res = await editor.post(`${ADMIN}/moi`, form);
      assert.equal(res.statusCode, 422, JSON.stringify(form).slice(0, 80));
      assert.equal(fieldError(res.body, field), message);
      assert.match(res.body, /Tờ khai đăng ký giám hộ\nVăn bản cử người giám hộ/);
    }
    assert.equal(await count(), before);
  });

  test('create, edit, reorder, delete: audit rows and purged public pages', async () => {
    const { editor, app, db } = ctx();
    const pub = (url: string) => app.inject({ url, headers: { host: NAM_HONG_LINH } });
    assert.doesNotMatch((await pub('/thu-tuc-hanh-chinh')).body, /Đăng ký giám hộ/); // cached
    assert.doesNotMatch((await pub('/thu-tuc-hanh-chinh?linh-vuc=ho-tich')).body, /Đăng ký giám hộ/);
    const created = await editor.post(`${ADMIN}/moi`, { ...valid, title: 'Đăng ký giám hộ <script>alert(1)</script>' });
    assert.equal(created.statusCode, 303);
    const row = await db.db.selectFrom('procedures').selectAll().where('site_id', '=', 1).where('code', '=', '1.004837').executeTakeFirstOrThrow();
    assert.equal(row.portal_url, 'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.004837');
    assert.equal(row.slug, 'dang-ky-giam-ho-script-alert-1-script');
    assert.equal((await lastAudit(db, 'procedure.create')).after.title, 'Đăng ký giám hộ <script>alert(1)</script>');
    const list = (await pub('/thu-tuc-hanh-chinh')).body;
    assert.match(list, /Đăng ký giám hộ &lt;script/);
    assert.doesNotMatch(list, /<script>alert/);
    assert.match((await pub('/thu-tuc-hanh-chinh?linh-vuc=ho-tich')).body, /Đăng ký giám hộ/);
    assert.match((await pub('/thu-tuc-hanh-chinh?q=giam+ho')).body, /Đăng ký giám hộ/);
    const page = await pub(`/thu-tuc-hanh-chinh/${row.slug}-${row.id}`);
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /<script>alert/);

    // Edit: new title (new slug; the old one redirects), own https link, hidden from the public.
    assert.equal((await editor.post(`${ADMIN}/${row.id}`, { ...valid, portal_url: 'https://dichvucong.hatinh.gov.vn/thu-tuc/giam-ho' })).statusCode, 303);
    const newPath = `/thu-tuc-hanh-chinh/dang-ky-giam-ho-${row.id}`;
    assert.equal((await pub(`/thu-tuc-hanh-chinh/${row.slug}-${row.id}`)).headers.location, newPath);
    assert.match((await pub(newPath)).body, /href="https:\/\/dichvucong\.hatinh\.gov\.vn\/thu-tuc\/giam-ho"/);
    const upd = await lastAudit(db, 'procedure.update');
    assert.equal(upd.before.title, 'Đăng ký giám hộ <script>alert(1)</script>');
    assert.equal(upd.after.title, 'Đăng ký giám hộ');
    assert.equal((await editor.post(`${ADMIN}/${row.id}`, { ...valid, published: '' })).statusCode, 303);
    assert.equal((await pub(newPath)).statusCode, 404);
    assert.doesNotMatch((await pub('/thu-tuc-hanh-chinh')).body, /Đăng ký giám hộ/);
    assert.equal((await editor.post(`${ADMIN}/${row.id}`, { ...valid })).statusCode, 303);

    // Reorder within Hộ tịch: up moves it before the one above.
    const titles = async () => [...(await pub('/thu-tuc-hanh-chinh?linh-vuc=ho-tich')).body.matchAll(/<li><a href="\/thu-tuc-hanh-chinh\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
    const was = await titles();
    assert.equal(was[was.length - 1], 'Đăng ký giám hộ');
    assert.equal((await editor.post(`${ADMIN}/${row.id}/len`)).statusCode, 303);
    const now = await titles();
    assert.equal(now[now.length - 2], 'Đăng ký giám hộ');
    assert.equal(now[now.length - 1], was[was.length - 2]);
    assert.ok(await lastAudit(db, 'procedure.move'));

    assert.equal((await editor.post(`${ADMIN}/${row.id}/xoa`)).statusCode, 303);
    assert.equal((await pub(newPath)).statusCode, 404);
    assert.doesNotMatch((await pub('/thu-tuc-hanh-chinh')).body, /Đăng ký giám hộ/);
    assert.equal((await lastAudit(db, 'procedure.delete')).before.id, row.id);
  });

  test('permissions 403 and other sites\' ids 404', async () => {
    const { contributor, aimed, admin, otherProcId } = ctx();
    assert.equal((await contributor.get(ADMIN)).statusCode, 403);
    assert.equal((await contributor.post(`${ADMIN}/moi`, valid)).statusCode, 403);
    assert.equal((await aimed.post(`${ADMIN}/moi`, valid)).statusCode, 403);
    assert.equal((await admin.get(ADMIN)).statusCode, 200);
    assert.equal((await admin.get(`${ADMIN}/${otherProcId}`)).statusCode, 404);
    assert.equal((await admin.post(`${ADMIN}/${otherProcId}`, valid)).statusCode, 404);
    assert.equal((await admin.post(`${ADMIN}/${otherProcId}/xoa`)).statusCode, 404);
    assert.equal((await admin.post(`${ADMIN}/${otherProcId}/len`)).statusCode, 404);
    assert.equal((await admin.post(`${ADMIN}/moi`, valid, { csrf: null })).statusCode, 403);
  });
});
