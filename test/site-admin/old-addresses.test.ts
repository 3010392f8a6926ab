import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recordOldAddress } from '../../src/kernel/sites/old-addresses.js';
import { recordMove } from '../../src/kernel/sites/redirects.js';
import { NAM_HONG_LINH, BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb, type TestDb } from '../helpers/db.js';
import { auditRows, fieldError, lastAudit, publicGet, setupSiteAdmin } from './helpers.js';

/** Quản lý trang › Địa chỉ cũ: the site admin lists, tries, adds and deletes old addresses. */
const SCREEN = '/quan-tri/trang-web/dia-chi-cu';
const OLD_HOST = 'namhonglinh-cu.hatinh.gov.vn';
const NAM_OLD_HOST = 'namhong-cu.hatinh.gov.vn';
const T0 = new Date('2026-11-01T00:00:00.000Z');

async function setup(db: TestDb) {
  const f = await setupSiteAdmin(db);
  await db.db.insertInto('site_hosts').values([{ host: OLD_HOST, site_id: 1 }, { host: NAM_OLD_HOST, site_id: 2 }]).execute();
  // The demo's former town (site 3) leads its old addresses to both wards; this screen starts empty.
  await db.db.deleteFrom('old_addresses').where('source', '=', 'demo').execute();
  await f.app.cong.sites.reload();
  return f;
}

const rowsOf = (db: TestDb, siteId = 1) => db.db.selectFrom('old_addresses').selectAll().where('owner_site_id', '=', siteId).orderBy('id').execute();

describeEachDb('the old addresses screen', setup, (get) => {
  test('is on the site-management hub, for the site\'s admins only', async () => {
    const { admin, editor, otherAdmin } = get();
    const hub = await admin.get('/quan-tri/trang-web');
    assert.match(hub.body, /<a class="card" href="\/quan-tri\/trang-web\/dia-chi-cu"><strong>Địa chỉ cũ<\/strong>/);
    const screen = await admin.get(SCREEN);
    assert.equal(screen.statusCode, 200);
    assert.match(screen.body, /<h1>Địa chỉ cũ<\/h1>/);
    assert.match(screen.body, /Chưa có địa chỉ cũ nào\./);
    assert.match(screen.body, new RegExp(`<option value="${OLD_HOST.replace(/\./g, '\\.')}">`), 'the site\'s hosts are offered');
    assert.doesNotMatch(screen.body, new RegExp(NAM_OLD_HOST.replace(/\./g, '\\.')), 'another site\'s hosts are not');
    for (const c of [editor, otherAdmin]) {
      assert.equal((await c.get(SCREEN)).statusCode, 403);
      assert.equal((await c.post(SCREEN, { from_url: '/a', host: '', to_path: '/b' })).statusCode, 403);
    }
    assert.equal((await rowsOf(get().db)).length, 0);
  });

  test('adds a path for every host of the site and a whole URL of an old host; the public side answers both at once, kept 404s purged', async () => {
    const { admin, app, db } = get();
    assert.equal((await publicGet(app, '/Uploads/Tin%20c%C5%A9/%E1%BA%A2nh-1.JPG')).statusCode, 404, 'a 404 kept under the address first');
    const added = await admin.post(SCREEN, { from_url: '/Uploads/Tin cũ/Ảnh-1.JPG', host: '', to_path: '/media/2026/11/anh-1.jpg' });
    assert.equal(added.statusCode, 303, added.body.slice(0, 300));
    const first = await publicGet(app, '/Uploads/Tin%20c%C5%A9/%E1%BA%A2nh-1.JPG');
    assert.equal(first.statusCode, 301, 'the kept 404 was purged');
    assert.equal(first.headers.location, '/media/2026/11/anh-1.jpg');
    assert.equal((await publicGet(app, '/uploads/tin%20c%C5%A9/%E1%BA%A3nh-1.jpg', OLD_HOST)).headers.location, '/media/2026/11/anh-1.jpg', 'any host of the site, any case');

    const whole = await admin.post(SCREEN, { from_url: `https://${OLD_HOST}/portal/Pages/Le-hoi-CAhvbq96.aspx`, host: '', to_path: '/bai-viet/le-hoi-9' });
    assert.equal(whole.statusCode, 303, whole.body.slice(0, 300));
    assert.equal((await publicGet(app, '/PORTAL/PAGES/LE-HOI-CAHVBQ96.ASPX', OLD_HOST)).headers.location, '/bai-viet/le-hoi-9');
    assert.equal((await publicGet(app, '/portal/Pages/Le-hoi-CAhvbq96.aspx', NAM_HONG_LINH)).statusCode, 404, 'only under the old host');

    const rows = await rowsOf(db);
    assert.deepEqual(rows.map((r) => [r.host, r.from_url, r.to_site_id, r.to_path, r.source]), [
      ['', '/Uploads/Tin cũ/Ảnh-1.JPG', 1, '/media/2026/11/anh-1.jpg', 'manual'],
      [OLD_HOST, `https://${OLD_HOST}/portal/Pages/Le-hoi-CAhvbq96.aspx`, 1, '/bai-viet/le-hoi-9', 'manual'],
    ]);
    const audit = await lastAudit(db, 'old_address.create');
    assert.equal(audit.siteId, 1);
    assert.deepEqual(audit.after, { host: OLD_HOST, from_url: `https://${OLD_HOST}/portal/Pages/Le-hoi-CAhvbq96.aspx`, to_path: '/bai-viet/le-hoi-9' });
    assert.equal((await auditRows(db, 'old_address.create')).length, 2);

    const list = await admin.get(SCREEN);
    assert.match(list.body, /Đã thêm địa chỉ cũ\.|<th scope="row" class="break">\/Uploads\/Tin cũ\/Ảnh-1\.JPG<\/th>/);
    assert.match(list.body, /<td>Mọi tên miền của trang<\/td>|<span class="muted">Mọi tên miền của trang<\/span>/);
    assert.match(list.body, /<td>Thêm tay<\/td>/);
  });

  test('bad input: a Vietnamese message next to the field, the typed text back, nothing written', async () => {
    const { admin, db } = get();
    const before = (await rowsOf(db)).length;
    const audits = (await auditRows(db, 'old_address.create')).length;
    const cases: [Record<string, string>, string, string][] = [
      [{ from_url: '', to_path: '/a' }, 'from_url', 'Vui lòng nhập địa chỉ cũ.'],
      [{ from_url: 'portal/pages/Tin-1.aspx', to_path: '/a' }, 'from_url', 'Địa chỉ cũ phải là đường dẫn bắt đầu bằng &quot;/&quot; (ví dụ /?p=12) hoặc địa chỉ đầy đủ bắt đầu bằng http:// hoặc https://.'],
      [{ from_url: `https://${NAM_OLD_HOST}/?p=1`, to_path: '/a' }, 'from_url', `Tên miền ${NAM_OLD_HOST} thuộc một trang khác trên máy chủ; địa chỉ cũ của tên miền đó được thêm ở trang ấy.`],
      [{ from_url: 'https://không hợp lệ/x', to_path: '/a' }, 'from_url', 'Địa chỉ cũ không hợp lệ, ví dụ https://honglinh.hatinh.gov.vn/portal/pages/2019-05-05/Tin-123456.aspx.'],
      [{ from_url: '/?utm_source=zalo', to_path: '/a' }, 'from_url', 'Trang chủ không thể là địa chỉ cũ: địa chỉ &quot;/&quot; luôn mở trang chủ.'],
      [{ from_url: '/quan-tri/dang-nhap', to_path: '/a' }, 'from_url', 'Địa chỉ của trang quản trị không thể là địa chỉ cũ.'],
      [{ from_url: '/Uploads/Tin cũ/Ảnh-1.JPG', to_path: '/b' }, 'from_url', 'Địa chỉ cũ này đã có (dẫn tới /media/2026/11/anh-1.jpg); xoá dòng đó trước nếu muốn đổi.'],
      [{ from_url: '/tin-cũ', to_path: '' }, 'to_path', 'Vui lòng nhập địa chỉ đích.'],
      [{ from_url: '/tin-cũ', to_path: 'bai-viet/x-1' }, 'to_path', 'Địa chỉ đích phải là một đường dẫn trên trang này, bắt đầu bằng &quot;/&quot;, ví dụ /bai-viet/le-hoi-12.'],
      [{ from_url: '/tin-cũ', to_path: 'https://lua-dao.example/x' }, 'to_path', 'Địa chỉ đích phải là một đường dẫn trên trang này, bắt đầu bằng &quot;/&quot;, ví dụ /bai-viet/le-hoi-12.'],
      [{ from_url: '/tin-cũ', to_path: '//lua-dao.example/x' }, 'to_path', 'Địa chỉ đích phải là một đường dẫn trên trang này, bắt đầu bằng &quot;/&quot;, ví dụ /bai-viet/le-hoi-12.'],
      [{ from_url: '/Tin-Cũ/', to_path: '/tin-c%C5%A9' }, 'to_path', 'Địa chỉ đích trùng với địa chỉ cũ: người đọc sẽ bị chuyển mãi không tới.'],
      [{ from_url: '/tin-cũ', host: 'lua-dao.example', to_path: '/a' }, 'host', 'Vui lòng chọn một tên miền của trang này.'],
      [{ from_url: '/tin-cũ', host: NAM_OLD_HOST, to_path: '/a' }, 'host', 'Vui lòng chọn một tên miền của trang này.'],
    ];
    for (const [fields, field, message] of cases) {
      const res = await admin.post(SCREEN, { host: '', ...fields });
      assert.equal(res.statusCode, 422, JSON.stringify(fields));
      assert.equal(fieldError(res.body, field), message, JSON.stringify(fields));
      if (fields.from_url) assert.ok(res.body.includes(`value="${fields.from_url.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`), `typed address comes back: ${fields.from_url}`);
      if (fields.to_path) assert.ok(res.body.includes(`value="${fields.to_path.replace(/&/g, '&amp;')}"`), `typed target comes back: ${fields.to_path}`);
    }
    const script = await admin.post(SCREEN, { from_url: '/"><script>alert(1)</script>', host: '', to_path: 'x' });
    assert.equal(script.statusCode, 422);
    assert.ok(!script.body.includes('<script>alert(1)'), 'what is typed is escaped');
    assert.equal((await rowsOf(db)).length, before, 'no row written');
    assert.equal((await auditRows(db, 'old_address.create')).length, audits, 'no audit row');
    assert.equal((await admin.post(SCREEN, { from_url: '/khong-token', host: '', to_path: '/a' }, { csrf: null })).statusCode, 403, 'CSRF');
  });

  test('tries an address as a reader gets it: where it leads, a live page, nothing, or a host of no site', async () => {
    const { admin, app, db } = get();
    await recordMove(db.db, 1, '/chuyen-muc/tin-cu-2020', '/chuyen-muc/tin-tuc', T0);
    const tryIt = async (typed: string) => (await admin.get(`${SCREEN}?thu=${encodeURIComponent(typed)}`)).body;
    assert.match(await tryIt(`https://${OLD_HOST}/PORTAL/Pages/Le-Hoi-CAhvbq96.aspx`), /dẫn tới <a href="\/bai-viet\/le-hoi-9">\/bai-viet\/le-hoi-9<\/a> \(mã 301\)/);
    assert.match(await tryIt('/Uploads/Tin cũ/Ảnh-1.JPG'), /dẫn tới <a href="\/media\/2026\/11\/anh-1\.jpg">/);
    assert.match(await tryIt('/chuyen-muc/tin-cu-2020'), /dẫn tới <a href="\/chuyen-muc\/tin-tuc">/, 'a slug move is answered too');
    assert.match(await tryIt('/portal/pages/2021-10-15/x-614123.aspx'), /dẫn tới <a href="\/bai-viet\/[a-z0-9-]+-\d+">/, 'the old id an editor typed too');
    assert.match(await tryIt('/'), /là một trang đang có của trang web/);
    assert.match(await tryIt('/portal/pages/2019-01-01/Khong-co-999999.aspx'), /Không có địa chỉ cũ nào khớp với \/portal\/pages\/2019-01-01\/Khong-co-999999\.aspx/);
    assert.match(await tryIt('https://khong-thuoc-trang-nao.example/?p=1'), /Tên miền khong-thuoc-trang-nao\.example không thuộc trang nào trên máy chủ này/);
    const bad = await tryIt('tin-cu');
    assert.equal(fieldError(bad, 'thu'), 'Địa chỉ cần thử phải bắt đầu bằng &quot;/&quot; hoặc http:// hoặc https://.');
    assert.match(bad, /value="tin-cu"/);
    assert.equal(fieldError(await tryIt('  '), 'thu'), 'Vui lòng nhập địa chỉ cần thử.');
    assert.equal((await publicGet(app, '/Uploads/Tin%20c%C5%A9/%E1%BA%A2nh-1.JPG')).statusCode, 301, 'trying changes nothing');
  });

  test('lists what leads into the site from another site read-only, filters, pages, and shows the slug moves', async () => {
    const { admin, db } = get();
    await recordOldAddress(db.db, { host: NAM_OLD_HOST, ownerSiteId: 2, fromUrl: '/?p=77', toSiteId: 1, toPath: '/bai-viet/tu-nam-hong-77', source: 'merge' }, T0);
    const list = await admin.get(SCREEN);
    assert.match(list.body, /<th scope="row" class="break">\/\?p=77<\/th><td class="break">\/bai-viet\/tu-nam-hong-77<\/td><td>Gộp trang<\/td>/);
    assert.match(list.body, /Thuộc trang [^<]*Bắc Hồng Lĩnh/);
    assert.doesNotMatch(list.body, /Xoá địa chỉ cũ: \/\?p=77/, 'no delete button for another site\'s row');
    assert.match(list.body, /<th scope="row" class="break">\/chuyen-muc\/tin-cu-2020<\/th><td class="break">\/chuyen-muc\/tin-tuc<\/td>/);

    const filtered = await admin.get(`${SCREEN}?loc=${encodeURIComponent('ẢNH-1')}`);
    assert.match(filtered.body, /Ảnh-1\.JPG/);
    assert.doesNotMatch(filtered.body, /CAhvbq96|\?p=77/);
    const byId = await admin.get(`${SCREEN}?loc=cahvbq96`);
    assert.match(byId.body, /CAhvbq96/);
    assert.match((await admin.get(`${SCREEN}?loc=p_id`)).body, /Không có địa chỉ cũ nào khớp\./, '_ is not a wildcard');

    const many = Array.from({ length: 52 }, (_, i) => ({ host: '', owner_site_id: 1, from_key: `/cu/${i}`, from_url: `/cu/${i}`, to_site_id: 1, to_path: `/moi/${i}`, source: 'import', created_at: T0.toISOString() }));
    await db.db.insertInto('old_addresses').values(many).execute();
    const first = await admin.get(SCREEN);
    assert.equal([...first.body.matchAll(/<th scope="row" class="break">(\/cu\/|\/Uploads|\/\?p|https)/g)].length, 50);
    const next = /<a href="(\/quan-tri\/trang-web\/dia-chi-cu\?truoc=\d+)">Cũ hơn »<\/a>/.exec(first.body);
    assert.ok(next, 'a link to the older rows');
    const second = await admin.get(next[1]!);
    assert.equal([...second.body.matchAll(/<th scope="row" class="break">(\/cu\/|\/Uploads|\/\?p|https)/g)].length, 5);
    assert.doesNotMatch(second.body, /Cũ hơn »/);
    await db.db.deleteFrom('old_addresses').where('from_key', 'like', '/cu/%').execute();
  });

  test('deletes one of its own with CSRF and an audit row; the address is a 404 again; another site\'s row cannot be deleted here', async () => {
    const { admin, otherAdmin, app, db } = get();
    const row = (await rowsOf(db)).find((r) => r.host === '')!;
    const url = `${SCREEN}/${row.id}/xoa`;
    assert.equal((await admin.post(url, {}, { csrf: null })).statusCode, 403);
    assert.equal((await otherAdmin.post(url)).statusCode, 403);
    assert.ok((await rowsOf(db)).some((r) => r.id === row.id), 'still there');
    const res = await admin.post(url);
    assert.equal(res.statusCode, 303);
    assert.ok(!(await rowsOf(db)).some((r) => r.id === row.id));
    const audit = await lastAudit(db, 'old_address.delete');
    assert.equal(audit.siteId, 1);
    assert.equal(audit.before.from_url, '/Uploads/Tin cũ/Ảnh-1.JPG');
    assert.equal((await publicGet(app, '/Uploads/Tin%20c%C5%A9/%E1%BA%A2nh-1.JPG')).statusCode, 404);
    assert.equal((await admin.post(url)).statusCode, 404, 'gone');
    const theirs = (await rowsOf(db, 2))[0]!;
    assert.equal((await admin.post(`${SCREEN}/${theirs.id}/xoa`)).statusCode, 404, 'a row of another site is not this site\'s to delete');
    assert.ok((await rowsOf(db, 2)).some((r) => r.id === theirs.id));
    assert.equal((await publicGet(app, '/?p=77', NAM_OLD_HOST)).statusCode, 301, 'and it still answers');
    assert.equal((await publicGet(app, '/?p=77', BAC_HONG_LINH)).statusCode, 200, 'only under its old host');
  });
}, async ({ app }) => {
  await app.close();
});
