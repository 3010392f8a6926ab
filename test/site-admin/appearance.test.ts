import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contrastWithWhite, darken, parseColor } from '../../src/features/sites/appearance.js';
import { describeEachDb } from '../helpers/db.js';
import { idFromLocation, jpeg, pdf, upload } from '../media/fixtures.js';
import { auditRows, fieldError, lastAudit, publicGet, setupSiteAdmin } from './helpers.js';

const PATH = '/quan-tri/trang-web/giao-dien';

test('colours: parsing, WCAG contrast of white text, darkening', () => {
  assert.equal(parseColor(' #A30D1D '), '#a30d1d');
  assert.equal(parseColor('0b4f9c'), '#0b4f9c');
  assert.equal(parseColor('#abc'), '#aabbcc');
  for (const bad of ['', 'đỏ', '#12345', '#1234567', 'rgb(1,2,3)', '#ggg000', 'red']) assert.equal(parseColor(bad), null, bad);
  assert.ok(Math.abs(contrastWithWhite('#000000') - 21) < 0.01);
  assert.ok(Math.abs(contrastWithWhite('#ffffff') - 1) < 0.01);
  assert.ok(contrastWithWhite('#a30d1d') > 7, 'the default red is AAA');
  assert.ok(contrastWithWhite('#767676') >= 4.5 && contrastWithWhite('#777777') < 4.5, 'the usual AA threshold grey');
  assert.equal(darken('#a30d1d'), '#7a0a16');
});

describeEachDb('site appearance: logo, banner, main colour', async (db) => {
  const f = await setupSiteAdmin(db);
  const stored = async (res: { statusCode: number; headers: Record<string, unknown>; body: string }) => {
    assert.equal(res.statusCode, 303, res.body);
    return idFromLocation(res.headers.location);
  };
  const logo = await stored(await upload(f.admin, { name: 'Biểu trưng phường.jpg', data: await jpeg(400, 400) }, { alt: 'Biểu trưng', title: 'Biểu trưng phường' }));
  const banner = await stored(await upload(f.admin, { name: 'Núi Hồng Lĩnh.jpg', data: await jpeg(1800, 400) }, { alt: 'Núi Hồng Lĩnh', title: 'Núi Hồng Lĩnh' }));
  const minutes = await stored(await upload(f.admin, { name: 'Biên bản.pdf', data: pdf() }, { title: 'Biên bản' }));
  const others = (await db.db.selectFrom('sites').select('id').where('id', '=', 2).executeTakeFirstOrThrow()).id;
  const theirs = (await db.db.insertInto('media').values({ site_id: others, kind: 'image', original_name: 'x.jpg', title: 'Ảnh phường khác', disk_path: 'bachonglinh/x.jpg', mime: 'image/jpeg', bytes: 10, width: 10, height: 10, created_at: new Date().toISOString() }).returning('id').executeTakeFirstOrThrow()).id;
  return { ...f, logo, banner, minutes, theirs };
}, (get) => {
  test('only the site\'s admins see and change the appearance', async () => {
    const { admin, editor, otherAdmin } = get();
    const page = await admin.get(PATH);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<select id="f-logo_media_id" name="logo_media_id"/);
    assert.match(page.body, /Biểu trưng phường \(số \d+, 400×400\)/);
    assert.doesNotMatch(page.body, /Biên bản|Ảnh phường khác/, 'only this site\'s images are offered');
    assert.equal((await editor.get(PATH)).statusCode, 403);
    assert.equal((await editor.post(PATH, { color: '#0b4f9c' })).statusCode, 403);
    assert.equal((await otherAdmin.post(PATH, { color: '#0b4f9c' })).statusCode, 403);
  });

  test('a colour too light for white text, a malformed colour, a PDF or another site\'s image: messages, typed text kept, nothing stored', async () => {
    const { admin, app, db, minutes, theirs } = get();
    const before = (await db.db.selectFrom('sites').select('settings').where('id', '=', 1).executeTakeFirstOrThrow()).settings;
    const light = await admin.post(PATH, { color: '#ffd700', logo_media_id: '', banner_media_id: '' });
    assert.equal(light.statusCode, 422);
    assert.equal(fieldError(light.body, 'color'), 'Màu #ffd700 quá sáng: chữ trắng trên nền màu này có độ tương phản 1,4:1, cần ít nhất 4,5:1 để dễ đọc. Hãy chọn màu đậm hơn.');
    assert.match(light.body, /value="#ffd700"/);
    const malformed = await admin.post(PATH, { color: 'đỏ tươi<script>' });
    assert.equal(fieldError(malformed.body, 'color'), 'Màu phải viết dạng mã hex, ví dụ #a30d1d.');
    assert.match(malformed.body, /value="đỏ tươi&lt;script>"/);
    for (const id of [minutes, theirs, 999999]) {
      const bad = await admin.post(PATH, { logo_media_id: String(id), banner_media_id: String(id) });
      assert.equal(bad.statusCode, 422, String(id));
      assert.equal(fieldError(bad.body, 'logo_media_id'), 'Hãy chọn một ảnh trong Thư viện tệp của trang này.');
      assert.equal(fieldError(bad.body, 'banner_media_id'), 'Hãy chọn một ảnh trong Thư viện tệp của trang này.');
    }
    assert.equal((await db.db.selectFrom('sites').select('settings').where('id', '=', 1).executeTakeFirstOrThrow()).settings, before);
    assert.equal((await auditRows(db, 'site.appearance')).length, 0);
    assert.doesNotMatch((await publicGet(app, '/')).body, /giao-dien\.css/);
  });

  test('logo, banner and colour appear on every cached public page at once; clearing them restores the defaults', async () => {
    const { admin, app, db, logo, banner } = get();
    const home = await publicGet(app, '/');
    assert.match(home.body, /<svg class="emblem"/);
    const saved = await admin.post(PATH, { logo_media_id: String(logo), banner_media_id: String(banner), color: '#0B4F9C' });
    assert.equal(saved.statusCode, 303);
    const audit = await lastAudit(db, 'site.appearance');
    assert.equal(audit.before, null);
    assert.equal(audit.after.color, '#0b4f9c');
    assert.equal(audit.after.logoMediaId, logo);

    for (const path of ['/', '/chuyen-muc/thong-bao']) {
      const page = await publicGet(app, path);
      assert.match(page.body, /<img class="emblem logo" src="\/media\/namhonglinh\/[^"]+" alt(="")? width="\d+" height="\d+"\/>/, path);
      assert.doesNotMatch(page.body, /<svg class="emblem"/, path);
      const href = /<link rel="stylesheet" href="(\/giao-dien\.css\?v=[\w-]{10})"\/>/.exec(page.body)?.[1];
      assert.ok(href, `${path} links the theme`);
      const css = await publicGet(app, href);
      assert.equal(css.statusCode, 200);
      assert.equal(css.headers['content-type'], 'text/css; charset=utf-8');
      assert.match(css.body, /:root \{ --red: #0b4f9c; --red-dark: #083b75; \}/);
      assert.match(css.body, /url\("\/media\/namhonglinh\/[^"]+\.jpg"\) center \/ cover no-repeat/);
    }
    const logoPath = /<img class="emblem logo" src="([^"]+)"/.exec((await publicGet(app, '/')).body)![1]!;
    assert.equal((await publicGet(app, logoPath)).statusCode, 200, 'the logo file is served');
    assert.doesNotMatch((await publicGet(app, '/', 'bachonglinh.localhost')).body, /giao-dien\.css|emblem logo/, 'the other site is unchanged');

    assert.equal((await admin.post(PATH, { logo_media_id: '', banner_media_id: '', color: '' })).statusCode, 303);
    const after = await publicGet(app, '/');
    assert.match(after.body, /<svg class="emblem"/);
    const href = /href="(\/giao-dien\.css\?v=[\w-]+)"/.exec(after.body)?.[1];
    assert.ok(href, 'the (now empty) theme is still linked while appearance settings exist');
    assert.doesNotMatch((await publicGet(app, href)).body, /--red|url\(/);
  });
});
