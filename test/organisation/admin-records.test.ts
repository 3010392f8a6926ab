import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDb, type TestDb } from '../helpers/db.js';
import { ADMIN, agencyForm, countRows, fieldError, lastAudit, mainOf, personByName, publicGet, setupOrg, unitByName } from './helpers.js';

const UNITS = `${ADMIN}/don-vi`;
const PEOPLE = `${ADMIN}/can-bo`;

async function addMedia(db: TestDb, siteId: number, kind: 'image' | 'document', name: string): Promise<number> {
  const { id } = await db.db
    .insertInto('media')
    .values({
      site_id: siteId, kind, original_name: name, title: name, disk_path: `site${siteId}/2026/11/abc123-${name}`, mime: kind === 'image' ? 'image/jpeg' : 'application/pdf',
      bytes: 1000, width: kind === 'image' ? 480 : null, height: kind === 'image' ? 600 : null, uploaded_by: null, created_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

describeEachDb('Giới thiệu: editing the agency, units and people', setupOrg, (get) => {
  test('the agency: bad input gets Vietnamese messages next to the fields, the typed text back, nothing stored', async () => {
    const { admin, db } = get();
    const form = await agencyForm(db, 1);
    const before = await db.db.selectFrom('org_agency').selectAll().where('site_id', '=', 1).executeTakeFirstOrThrow();
    const res = await admin.post(`${ADMIN}/co-quan`, {
      ...form, name: '   ', email: 'ubnd@namhonglinh', phone: '0239 ABC 248', fax: '12', website: 'javascript:alert(1)', address_en: 'x'.repeat(301),
      duties_en: 'Typed <b>English</b> text',
    });
    assert.equal(res.statusCode, 422);
    assert.equal(fieldError(res.body, 'name'), 'Vui lòng nhập tên cơ quan.');
    assert.equal(fieldError(res.body, 'email'), 'Địa chỉ thư điện tử không hợp lệ, ví dụ vanphong@hatinh.gov.vn.');
    assert.equal(fieldError(res.body, 'phone'), 'Số điện thoại không hợp lệ (chỉ gồm chữ số, dấu cách, dấu chấm, gạch ngang, ví dụ 0239 3831 248).');
    assert.equal(fieldError(res.body, 'fax'), 'Số fax không hợp lệ (chỉ gồm chữ số, dấu cách, dấu chấm, gạch ngang, ví dụ 0239 3831 248).');
    assert.equal(fieldError(res.body, 'website'), 'Địa chỉ website phải bắt đầu bằng https:// hoặc http://, ví dụ https://honglinh.hatinh.gov.vn.');
    assert.equal(fieldError(res.body, 'address_en'), 'Địa chỉ bằng tiếng Anh dài tối đa 300 ký tự (hiện có 301).');
    assert.match(res.body, /value="ubnd@namhonglinh"/);
    assert.match(res.body, /value="0239 ABC 248"/);
    assert.match(res.body, /Typed &lt;b>English&lt;\/b> text<\/textarea>/);
    assert.match(res.body, /Vui lòng sửa 6 lỗi dưới đây/);
    assert.deepEqual(await db.db.selectFrom('org_agency').selectAll().where('site_id', '=', 1).executeTakeFirstOrThrow(), before);
  });

  test('saving the agency changes the cached pages in both languages and writes an audit row with before and after', async () => {
    const { editor, app, db, tick } = get();
    for (const path of ['/gioi-thieu/lien-he', '/en/contact', '/gioi-thieu']) assert.equal((await publicGet(app, path)).statusCode, 200);
    const form = await agencyForm(db, 1);
    tick();
    const res = await editor.post(`${ADMIN}/co-quan`, { ...form, phone: '0239 3836 999', address_en: 'No. 01 Nguyen Ai Quoc St, Hong Linh, Ha Tinh', email: 'VanPhong@HongLinh.HaTinh.gov.vn' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `${ADMIN}/co-quan?tb=da-luu`);
    assert.match(mainOf((await publicGet(app, '/gioi-thieu/lien-he')).body), /<a href="tel:02393836999">0239 3836 999<\/a>/);
    const en = mainOf((await publicGet(app, '/en/contact')).body);
    assert.match(en, /No\. 01 Nguyen Ai Quoc St, Hong Linh, Ha Tinh/);
    assert.match(en, /mailto:vanphong@namhonglinh\.hatinh\.gov\.vn/);
    assert.match(mainOf((await publicGet(app, '/gioi-thieu')).body), /0239 3836 999/);
    const audit = await lastAudit(db, 'org_agency.update');
    assert.equal(audit.siteId, 1);
    assert.equal(audit.before.phone, '0239 3836 248');
    assert.equal(audit.after.phone, '0239 3836 999');
    assert.ok(audit.userId);
    assert.match((await editor.get(`${ADMIN}/co-quan?tb=da-luu`)).body, /Đã lưu thông tin cơ quan\./);
  });

  test('units: added under a parent, shown nested; a unit cannot go under itself or another site\'s unit', async () => {
    const { admin, app, db } = get();
    const office = await unitByName(db, 1, 'Văn phòng HĐND và UBND phường');
    const otherSite = await unitByName(db, 2, 'Công an phường');
    const res = await admin.post(UNITS, { name: 'Tổ Công nghệ thông tin', name_en: 'IT Team', parent_id: String(office.id), duties: '', duties_en: '', phone: '0239 3836 700', email: 'cntt@namhonglinh.hatinh.gov.vn' });
    assert.equal(res.statusCode, 303);
    const it = await unitByName(db, 1, 'Tổ Công nghệ thông tin');
    assert.equal(it.parent_id, office.id);
    assert.equal((await lastAudit(db, 'org_unit.create')).after.name, 'Tổ Công nghệ thông tin');
    const chart = mainOf((await publicGet(app, '/gioi-thieu/co-cau-to-chuc')).body);
    assert.match(chart, /<h4 class="org-node-name">Bộ phận Một cửa[^<]*<\/h4>[\s\S]*<h4 class="org-node-name">Tổ Công nghệ thông tin<\/h4>[\s\S]*Phòng Nội vụ/);
    assert.match(mainOf((await publicGet(app, '/en/organisation')).body), /<h4 class="org-node-name">IT Team<\/h4>/);

    const base = { name: office.name, name_en: office.name_en, duties: office.duties, duties_en: office.duties_en, phone: office.phone, email: office.email };
    const cases: [string, string][] = [
      [String(it.id), 'Không thể đặt đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.'],
      [String(office.id), 'Không thể đặt đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.'],
      [String(otherSite.id), 'Đơn vị cấp trên không có trong danh sách đơn vị của trang.'],
      ['abc', 'Đơn vị cấp trên không hợp lệ.'],
    ];
    for (const [parent, message] of cases) {
      const bad = await admin.post(`${UNITS}/${office.id}`, { ...base, parent_id: parent, name: 'Văn phòng (đã sửa)' });
      assert.equal(bad.statusCode, 422, parent);
      assert.equal(fieldError(bad.body, 'parent_id'), message, parent);
      assert.match(bad.body, /value="Văn phòng \(đã sửa\)"/);
    }
    assert.deepEqual(await unitByName(db, 1, office.name), office, 'nothing changed');
    const noName = await admin.post(UNITS, { name: '', name_en: 'Only English', parent_id: '', duties: '', duties_en: '', phone: 'gọi tôi', email: 'a@@b.vn' });
    assert.equal(fieldError(noName.body, 'name'), 'Vui lòng nhập tên đơn vị.');
    assert.match(fieldError(noName.body, 'phone') ?? '', /^Số điện thoại không hợp lệ/);
    assert.match(fieldError(noName.body, 'email') ?? '', /^Địa chỉ thư điện tử không hợp lệ/);
    assert.match(noName.body, /value="Only English"/);
  });

  test('units: deleted only when empty, with a message saying what is left; reordered among siblings', async () => {
    const { admin, app, db } = get();
    const office = await unitByName(db, 1, 'Văn phòng HĐND và UBND phường');
    // The IT team the test above adds under the office, added here when this test runs alone.
    if (!(await db.db.selectFrom('org_units').select('id').where('site_id', '=', 1).where('name', '=', 'Tổ Công nghệ thông tin').executeTakeFirst())) {
      const added = await admin.post(UNITS, { name: 'Tổ Công nghệ thông tin', name_en: 'IT Team', parent_id: String(office.id), duties: '', duties_en: '', phone: '0239 3836 700', email: 'cntt@namhonglinh.hatinh.gov.vn' });
      assert.equal(added.statusCode, 303);
    }
    const units = await countRows(db, 'org_units', 1);
    const refused = await admin.post(`${UNITS}/${office.id}/xoa`);
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /Không xoá được &quot;Văn phòng HĐND và UBND phường&quot; vì đơn vị còn 2 đơn vị trực thuộc và 2 cán bộ\./);
    assert.equal(await countRows(db, 'org_units', 1), units);

    const it = await unitByName(db, 1, 'Tổ Công nghệ thông tin');
    assert.equal((await admin.post(`${UNITS}/${it.id}/xoa`)).statusCode, 303);
    assert.equal(await countRows(db, 'org_units', 1), units - 1);
    assert.equal((await lastAudit(db, 'org_unit.delete')).before.name, 'Tổ Công nghệ thông tin');
    assert.doesNotMatch((await publicGet(app, '/gioi-thieu/co-cau-to-chuc')).body, /Tổ Công nghệ thông tin/);

    const justice = await unitByName(db, 1, 'Phòng Tư pháp');
    assert.equal((await admin.post(`${UNITS}/${justice.id}/len`)).statusCode, 303);
    const chart = mainOf((await publicGet(app, '/gioi-thieu/co-cau-to-chuc')).body);
    assert.ok(chart.indexOf('>Phòng Tư pháp<') < chart.indexOf('>Phòng Tài chính – Kế hoạch<'), 'moved up one place');
    assert.ok(chart.indexOf('>Phòng Nội vụ<') < chart.indexOf('>Phòng Tư pháp<'));
    const move = await lastAudit(db, 'org_unit.move');
    assert.equal(move.after.order.indexOf(justice.id), move.before.order.indexOf(justice.id) - 1);
    assert.equal((await admin.post(`${UNITS}/${justice.id}/sang-trai`)).statusCode, 404);
  });

  test('script typed into a name is stored as text and shown escaped on public and back-office pages', async () => {
    const { admin, app, db } = get();
    const name = '<script>alert("x")</script> Tổ <b>đặc biệt</b>';
    assert.equal((await admin.post(UNITS, { name, name_en: '<img src=x onerror=alert(1)>', parent_id: '', duties: '', duties_en: '', phone: '', email: '' })).statusCode, 303);
    assert.equal((await unitByName(db, 1, name)).name, name);
    for (const [path, client] of [['/gioi-thieu/co-cau-to-chuc', null], ['/en/organisation', null], [UNITS, admin]] as const) {
      const body = client ? (await client.get(path)).body : (await publicGet(app, path)).body;
      assert.doesNotMatch(body, /<script>alert|<b>đặc biệt|<img src=x/, path);
      assert.match(body, /&lt;script>alert\(&quot;x&quot;\)&lt;\/script> Tổ &lt;b>đặc biệt&lt;\/b>|&lt;img src=x onerror=alert\(1\)>/, path);
    }
  });

  test('people: required name and post, checked phone and e-mail, unit and photo from this site only', async () => {
    const { admin, db } = get();
    const people = await countRows(db, 'org_people', 1);
    const bad = await admin.post(PEOPLE, { full_name: ' ', post: '', post_en: 'Typed post', unit_id: '', phone: 'abc', email: 'ten@', photo_media_id: '', is_leader: '1' });
    assert.equal(bad.statusCode, 422);
    assert.equal(fieldError(bad.body, 'full_name'), 'Vui lòng nhập họ và tên.');
    assert.equal(fieldError(bad.body, 'post'), 'Vui lòng nhập chức vụ.');
    assert.match(fieldError(bad.body, 'phone') ?? '', /^Số điện thoại không hợp lệ/);
    assert.equal(fieldError(bad.body, 'email'), 'Địa chỉ thư điện tử không hợp lệ, ví dụ vanphong@hatinh.gov.vn.');
    assert.match(bad.body, /value="Typed post"/);
    assert.match(bad.body, /name="is_leader" value="1" checked/);

    const otherUnit = await unitByName(db, 2, 'Công an phường');
    const otherPhoto = await addMedia(db, 2, 'image', 'anh-phuong.jpg');
    const pdf = await addMedia(db, 1, 'document', 'quyet-dinh.pdf');
    const ok = { full_name: 'Nguyễn Văn Thử', post: 'Phó Chủ tịch UBND phường', post_en: "Vice Chairman of the Ward People's Committee", unit_id: '', phone: '0239 3836 558', email: 'nvthu.namhonglinh@hatinh.gov.vn', photo_media_id: '', is_leader: '1' };
    assert.equal(fieldError((await admin.post(PEOPLE, { ...ok, unit_id: String(otherUnit.id) })).body, 'unit_id'), 'Đơn vị không có trong danh sách đơn vị của trang.');
    assert.equal(fieldError((await admin.post(PEOPLE, { ...ok, photo_media_id: String(otherPhoto) })).body, 'photo_media_id'), 'Ảnh không có trong thư viện ảnh của trang.');
    assert.equal(fieldError((await admin.post(PEOPLE, { ...ok, photo_media_id: String(pdf) })).body, 'photo_media_id'), 'Ảnh không có trong thư viện ảnh của trang.');
    assert.equal(await countRows(db, 'org_people', 1), people, 'nothing stored');
  });

  test('people: a leader with a photo from the library shows with alt text; order and deletion follow', async () => {
    const { admin, app, db } = get();
    const photo = await addMedia(db, 1, 'image', 'chan-dung.jpg');
    const form = { full_name: 'Nguyễn Văn Thử', post: 'Phó Chủ tịch UBND phường', post_en: "Vice Chairman of the Ward People's Committee", unit_id: '', phone: '0239 3836 558', email: 'nvthu.namhonglinh@hatinh.gov.vn', photo_media_id: String(photo), is_leader: '1' };
    assert.match((await admin.get(PEOPLE)).body, new RegExp(`<option value="${photo}">chan-dung\\.jpg</option>`));
    assert.equal((await admin.post(PEOPLE, form)).statusCode, 303);
    const p = await personByName(db, 1, 'Nguyễn Văn Thử');
    assert.equal((await lastAudit(db, 'org_person.create')).after.photo_media_id, photo);
    let leaders = mainOf((await publicGet(app, '/gioi-thieu/lanh-dao')).body);
    assert.match(leaders, /<img class="portrait" src="\/media\/site1\/2026\/11\/abc123-chan-dung\.jpg" width="480" height="600" alt="Ảnh chân dung Nguyễn Văn Thử" loading="lazy"\/>/);
    assert.match(mainOf((await publicGet(app, '/en/leaders')).body), /alt="Portrait of Nguyễn Văn Thử"/);
    const names = () => [...leaders.matchAll(/<h2 class="leader-name">([^<]+)<\/h2>/g)].map((m) => m[1]);
    assert.equal(names().at(-1), 'Nguyễn Văn Thử');

    // One list orders everyone; ten places up passes the seven staff and Bùi Xuân Thắng.
    for (let i = 0; i < 10; i++) assert.equal((await admin.post(`${PEOPLE}/${p.id}/len`)).statusCode, 303);
    leaders = mainOf((await publicGet(app, '/gioi-thieu/lanh-dao')).body);
    assert.ok(names().indexOf('Nguyễn Văn Thử') < names().indexOf('Bùi Xuân Thắng'), `moved up: ${names().join(', ')}`);

    assert.equal((await admin.post(`${PEOPLE}/${p.id}/xoa`)).statusCode, 303);
    assert.doesNotMatch((await publicGet(app, '/gioi-thieu/lanh-dao')).body, /Nguyễn Văn Thử/);
    assert.equal((await lastAudit(db, 'org_person.delete')).before.full_name, 'Nguyễn Văn Thử');
    assert.ok(await db.db.selectFrom('media').select('id').where('id', '=', photo).executeTakeFirst(), 'the photo stays in the library');
  });
});
