import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AdminClient, makeUser } from '../helpers/admin.js';
import { buildTestApp, NAM_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';

/**
 * Route schemas (src/kernel/http/route-schemas.ts): a path part that does not fit its schema is
 * the ordinary Vietnamese 404 page, as before the schemas; query strings are never refused.
 */
const NOT_FOUND = 'Không tìm thấy trang bạn yêu cầu.';

describeEachDb('route params and query strings', async (db) => {
  const app = await buildTestApp(db);
  await makeUser(db.db, 'quantri-params', [{ siteId: 1, role: 'site_admin' }]);
  const admin = await AdminClient.login(app, NAM_HONG_LINH, 'quantri-params');
  const article = await db.db.selectFrom('articles').select(['id', 'slug']).where('site_id', '=', 1).where('status', '=', 'published').orderBy('id').executeTakeFirstOrThrow();
  return { app, admin, article };
}, (get) => {
  const page = (url: string, headers: Record<string, string> = {}) => get().app.inject({ url, headers: { host: NAM_HONG_LINH, ...headers } });
  const post = (url: string, headers: Record<string, string> = {}) =>
    get().app.inject({ method: 'POST', url, headers: { host: NAM_HONG_LINH, origin: `http://${NAM_HONG_LINH}`, 'content-type': 'application/x-www-form-urlencoded', ...headers }, payload: 'sao=3' });

  test('a malformed id in a public address is the 404 page, like an unknown address', async () => {
    const { article } = get();
    assert.equal((await page(`/bai-viet/${article.slug}-${article.id}`)).statusCode, 200, 'the well-formed address works');
    const unknown = await page('/khong-co-trang-nay');
    assert.equal(unknown.statusCode, 404);
    for (const url of [
      '/bai-viet/abc', '/bai-viet/1e3', '/bai-viet/0x1F', `/bai-viet/${article.slug}-1234567890123`, '/bai-viet/%20', '/chuyen-muc/xay-dung-dang/trang-x',
      '/van-ban/abc', '/van-ban/tai-ve/1.5', '/bai-hat/abc', '/tham-do-y-kien/abc', '/tham-do-y-kien/-1/ket-qua', '/gop-y-du-thao/abc',
      '/thu-tuc-hanh-chinh/abc', '/hoi-dap/Cau-Hoi-12', '/binh-luan/abc/viet',
    ]) {
      const res = await page(url);
      assert.equal(res.statusCode, 404, url);
      assert.equal(res.headers['content-type'], 'text/html; charset=utf-8', url);
      assert.match(res.body, /<html lang="vi">/, url);
      assert.ok(res.body.includes(NOT_FOUND), url);
      assert.equal(res.headers['cache-control'], 'no-store', url);
    }
  });

  test('the rating and comment endpoints answer a malformed id with 404, JSON for scripts; another site\'s page still gets 403', async () => {
    const json = await page('/danh-gia/abc', { accept: 'application/json' });
    assert.equal(json.statusCode, 404);
    assert.deepEqual(JSON.parse(json.body), { error: { code: 'not_found', message: NOT_FOUND } });
    assert.equal((await post('/danh-gia/abc', { accept: 'application/json' })).statusCode, 404);
    assert.equal((await post('/binh-luan/12abc')).statusCode, 404);
    // The same-site check comes before the address is looked at, as it did before the schemas.
    const forged = await post('/danh-gia/abc', { 'sec-fetch-site': 'cross-site' });
    assert.equal(forged.statusCode, 403);
    assert.equal(forged.headers['x-robots-tag'], 'noindex');
  });

  test('a malformed id or step in a back-office address is the back office\'s 404 page', async () => {
    const { admin, article } = get();
    assert.equal((await admin.get(`/quan-tri/bai-viet/${article.id}`)).statusCode, 200, 'the well-formed address works');
    for (const url of ['/quan-tri/bai-viet/abc', '/quan-tri/bai-viet/1e3/phien-ban', '/quan-tri/thu-vien/abc', '/quan-tri/van-ban/abc', '/quan-tri/trang-web/lien-ket/abc', '/quan-tri/hoi-dap/abc', '/quan-tri/lich-cong-tac/abc']) {
      const res = await admin.get(url);
      assert.equal(res.statusCode, 404, url);
      assert.ok(res.body.includes(NOT_FOUND), url);
      assert.equal(res.headers['cache-control'], 'no-store', url);
    }
    for (const url of ['/quan-tri/bai-viet/abc/gui-duyet', `/quan-tri/bai-viet/${article.id}/phien-ban/x/khoi-phuc`, '/quan-tri/binh-luan/abc/duyet', '/quan-tri/binh-luan/5/xoa-het', '/quan-tri/binh-luan/bai-viet/5/khoa', '/quan-tri/gioi-thieu/don-vi/5/sang-trai', '/quan-tri/trang-web/chuyen-muc/abc/len']) {
      assert.equal((await admin.post(url)).statusCode, 404, url);
    }
    // Signing in still comes first: no session, no 404.
    const anonymous = await page('/quan-tri/bai-viet/abc');
    assert.equal(anonymous.statusCode, 303);
    assert.match(String(anonymous.headers.location), /^\/quan-tri\/dang-nhap\?tiep=/);
  });

  test('bad ?trang= values are the first page, and a key given twice is not refused', async () => {
    const { admin } = get();
    for (const url of ['/tim-kiem?q=nam&trang=abc', '/tim-kiem?q=nam&trang=-1', '/van-ban?trang=abc', '/van-ban?trang=1.5', '/hoi-dap?trang=abc', '/tim-kiem?q=nam&q=hong', '/van-ban?trang=1&trang=2', '/thu-tuc-hanh-chinh?q=a&q=b']) {
      const res = await page(url);
      assert.equal(res.statusCode, 200, url);
      assert.doesNotMatch(res.body, /Yêu cầu không hợp lệ/, url);
    }
    const first = await page('/van-ban');
    assert.equal(first.statusCode, 200);
    assert.equal((await page('/van-ban?trang=abc')).body.match(/<main[\s\S]*<\/main>/)?.[0], first.body.match(/<main[\s\S]*<\/main>/)?.[0], '?trang=abc shows the first page');
    for (const url of ['/quan-tri/van-ban?trang=abc', '/quan-tri/hoi-dap?trang=x&trang=y', '/quan-tri/bai-viet?sau=abc', '/quan-tri/thu-vien?sau=~', '/quan-tri/binh-luan?bai_viet=abc&truoc=x']) {
      assert.equal((await admin.get(url)).statusCode, 200, url);
    }
  });

  test('a confirmation is shown only for its own key', async () => {
    const { admin } = get();
    assert.match((await admin.get('/quan-tri/trang-web/lien-ket?tb=da-them')).body, /Đã thêm liên kết\./);
    for (const tb of ['constructor', 'toString', 'khong-co']) {
      const res = await admin.get(`/quan-tri/trang-web/lien-ket?tb=${tb}`);
      assert.equal(res.statusCode, 200, tb);
      assert.doesNotMatch(res.body, /class="notice notice-ok"/, tb);
    }
  });
});
