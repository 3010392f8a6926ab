import assert from 'node:assert/strict';
import { test } from 'node:test';
import { domainToASCII } from 'node:url';
import { describeEachDb } from '../helpers/db.js';
import { count, fieldError, lastAudit, publicGet, setupSiteAdmin } from './helpers.js';

const PATH = '/quan-tri/trang-web/cac-trang';
const brand = (html: string) => /<span class="brand-name">([^<]*)<\/span>/.exec(html)?.[1];

describeEachDb('sites and their hostnames (system admins)', setupSiteAdmin, (get) => {
  /** The site "phường Mới" the creation test makes, made here when missing (so that each test runs alone). */
  const ensureNewSite = async () => {
    const { system, db } = get();
    if (await db.db.selectFrom('sites').select('id').where('code', '=', 'phuongmoi').executeTakeFirst()) return;
    const res = await system.post(PATH, { code: 'phuongmoi', name: 'Cổng thông tin điện tử phường Mới', hosts: 'phuongmoi.hatinh.gov.vn\nwww.phuongmoi.vn' });
    assert.equal(res.statusCode, 303);
  };

  test('only a system admin sees the sites screen and creates sites', async () => {
    const { admin, editor, system, db } = get();
    assert.equal((await admin.get(PATH)).statusCode, 403, 'a site admin is not a system admin');
    assert.equal((await editor.get(PATH)).statusCode, 403);
    assert.equal((await admin.post(PATH, { code: 'tramphep', name: 'Trái phép', hosts: 'traiphep.vn' })).statusCode, 403);
    assert.equal(await count(db, 'sites'), 3);
    const res = await system.get(PATH);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<code>namhonglinh<\/code>/);
    assert.match(res.body, /namhonglinh\.localhost/);
    assert.match((await system.get('/quan-tri/trang-web')).body, /Các trang thông tin/);
  });

  test('bad input: code, name and hostnames checked with Vietnamese messages, typed text kept, nothing stored', async () => {
    const { system, db } = get();
    const bad = await system.post(PATH, { code: 'Phường Mới', name: '', hosts: 'http://phuongmoi.vn/' });
    assert.equal(bad.statusCode, 422);
    assert.match(fieldError(bad.body, 'code')!, /^Mã trang gồm 2–40 chữ thường không dấu/);
    assert.equal(fieldError(bad.body, 'name'), 'Vui lòng nhập tên trang.');
    assert.match(fieldError(bad.body, 'hosts')!, /không phải tên miền: chỉ nhập tên miền, không kèm http:\/\//);
    assert.match(bad.body, /value="Phường Mới"/);
    assert.match(bad.body, />http:\/\/phuongmoi\.vn\/<\/textarea>/);
    const invalid = await system.post(PATH, { code: 'phuongmoi', name: 'Phường Mới', hosts: 'phuong_moi..vn' });
    assert.equal(fieldError(invalid.body, 'hosts'), 'Tên miền “phuong_moi..vn” không hợp lệ, ví dụ phuongmoi.hatinh.gov.vn.');
    const takenCode = await system.post(PATH, { code: 'bachonglinh', name: 'Trùng mã', hosts: 'trungma.vn' });
    const theirName = (await db.db.selectFrom('sites').select('name').where('code', '=', 'bachonglinh').executeTakeFirstOrThrow()).name;
    assert.equal(fieldError(takenCode.body, 'code'), `Mã “bachonglinh” đã được dùng cho trang “${theirName}”.`);
    const takenHost = await system.post(PATH, { code: 'phuongmoi', name: 'Phường Mới', hosts: 'phuongmoi.vn\nNAMHONGLINH.localhost' });
    assert.match(fieldError(takenHost.body, 'hosts')!, /^Tên miền “namhonglinh\.localhost” đã thuộc trang “/);
    assert.equal(await count(db, 'sites'), 3);
    assert.equal(await db.db.selectFrom('site_hosts').select('host').where('host', '=', 'phuongmoi.vn').executeTakeFirst(), undefined);
  });

  test('a new site answers on its hostnames at once, with starter content and settings from the template', async () => {
    const { system, app, db } = get();
    assert.equal((await publicGet(app, '/', 'phuongmoi.hatinh.gov.vn')).statusCode, 421, 'a host of no site reaches none');
    const res = await system.post(PATH, { code: 'phuongmoi', name: 'Cổng thông tin điện tử phường Mới', hosts: 'PhuongMoi.HaTinh.gov.vn.\nwww.phuongmoi.vn\nwww.phuongmoi.vn' });
    assert.equal(res.statusCode, 303);
    for (const host of ['phuongmoi.hatinh.gov.vn', 'www.phuongmoi.vn', 'phuongmoi.localhost']) {
      const home = await publicGet(app, '/', host);
      assert.equal(home.statusCode, 200, host);
      assert.equal(brand(home.body), 'Cổng thông tin điện tử phường Mới', host);
      assert.match(home.body, /href="\/chuyen-muc\/thong-bao">Thông báo</);
      assert.match(home.body, /<dd>Ủy ban nhân dân phường Mới<\/dd>/);
    }
    assert.equal((await publicGet(app, '/trang/gioi-thieu', 'www.phuongmoi.vn')).statusCode, 200);
    const site = await db.db.selectFrom('sites').selectAll().where('code', '=', 'phuongmoi').executeTakeFirstOrThrow();
    const hosts = (await db.db.selectFrom('site_hosts').select('host').where('site_id', '=', site.id).orderBy('host').execute()).map((h) => h.host);
    assert.deepEqual(hosts, ['phuongmoi.hatinh.gov.vn', 'www.phuongmoi.vn']);
    const settings = JSON.parse(site.settings);
    assert.equal(settings.tagline, 'Tỉnh Hà Tĩnh');
    assert.equal(settings.map.title, 'Bản đồ phường Mới');
    assert.equal(settings.songsTitle, 'Các ca khúc hay về Mới');
    assert.equal(site.is_default, 0);
    assert.ok(await db.db.selectFrom('site_stats').select('site_id').where('site_id', '=', site.id).executeTakeFirst());
    const types = await db.db.selectFrom('document_types').select('name').where('site_id', '=', site.id).orderBy('position').execute();
    assert.deepEqual(types.slice(0, 3).map((t) => t.name), ['Nghị quyết', 'Quyết định', 'Chỉ thị'], 'the document library starts with the usual types');
    const audit = await lastAudit(db, 'site.create');
    assert.equal(audit.siteId, site.id);
    assert.deepEqual(audit.after.hosts, ['phuongmoi.hatinh.gov.vn', 'www.phuongmoi.vn'], 'lowercased, trailing dot dropped, duplicates once');
    assert.match((await system.get(`${PATH}?tb=da-tao`)).body, /Đã tạo trang mới\./);
  });

  test('the system admin can manage the new site through its own hostname', async () => {
    const { system, app } = get();
    await ensureNewSite();
    const res = await app.inject({ url: '/quan-tri/trang-web/cai-dat', headers: { host: 'phuongmoi.hatinh.gov.vn', cookie: system.cookie } });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /value="Cổng thông tin điện tử phường Mới"/);
  });

  test('edit hostnames: the old name stops, the new one answers; another site\'s name is refused', async () => {
    const { system, app, db } = get();
    await ensureNewSite();
    const site = await db.db.selectFrom('sites').selectAll().where('code', '=', 'phuongmoi').executeTakeFirstOrThrow();
    const form = await system.get(`${PATH}/${site.id}`);
    assert.match(form.body, /phuongmoi\.hatinh\.gov\.vn\nwww\.phuongmoi\.vn<\/textarea>/);
    const taken = await system.post(`${PATH}/${site.id}`, { hosts: 'phuongmoi.hatinh.gov.vn\nbachonglinh.localhost' });
    assert.equal(taken.statusCode, 422);
    assert.match(fieldError(taken.body, 'hosts')!, /^Tên miền “bachonglinh\.localhost” đã thuộc trang/);
    assert.match(taken.body, /phuongmoi\.hatinh\.gov\.vn\nbachonglinh\.localhost<\/textarea>/);
    const empty = await system.post(`${PATH}/${site.id}`, { hosts: '  \n ' });
    assert.equal(fieldError(empty.body, 'hosts'), 'Vui lòng nhập ít nhất một tên miền.');

    assert.equal((await system.post(`${PATH}/${site.id}`, { hosts: 'phuongmoi.hatinh.gov.vn\nphuờngmới.vn' })).statusCode, 303);
    assert.equal((await publicGet(app, '/', 'www.phuongmoi.vn')).statusCode, 421, 'the removed name reaches no site');
    const idn = domainToASCII('phuờngmới.vn');
    assert.match(idn, /^xn--/);
    assert.equal(brand((await publicGet(app, '/', idn)).body), 'Cổng thông tin điện tử phường Mới', 'a Vietnamese domain is stored in its xn-- form');
    assert.deepEqual((await lastAudit(db, 'site.hosts')).after.hosts, ['phuongmoi.hatinh.gov.vn', idn]);
    assert.deepEqual((await lastAudit(db, 'site.hosts')).before.hosts, ['phuongmoi.hatinh.gov.vn', 'www.phuongmoi.vn']);
  });

  test('a site admin cannot edit any site\'s hostnames', async () => {
    const { admin, db } = get();
    assert.equal((await admin.get(`${PATH}/1`)).statusCode, 403);
    assert.equal((await admin.post(`${PATH}/1`, { hosts: 'chiem.vn' })).statusCode, 403);
    assert.equal(await db.db.selectFrom('site_hosts').select('host').where('host', '=', 'chiem.vn').executeTakeFirst(), undefined);
  });
});
