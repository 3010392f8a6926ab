import assert from 'node:assert/strict';
import { test } from 'node:test';
import { THI_XA_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { jpeg, png, zip } from '../media/fixtures.js';
import { decode, fieldError, lastAudit, publicGet, setupBudget } from '../budget/helpers.js';
import { upload } from '../projects/helpers.js';

const PATH = '/quan-tri/quy-hoach';
const LAYER = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { ten: 'Đất ở', onclick: { x: 1 } }, geometry: { type: 'Point', coordinates: [105.71, 18.53] }, extra: '<script>' }] });
const form = (over: Record<string, string> = {}) => ({ kind: 'quy-hoach', title: 'Quy hoạch chi tiết cụm công nghiệp Nam Hồng', decision: 'Quyết định số 99/QĐ-UBND', approved_on: '2026-06-01', period: '2026–2035', summary: 'Quy mô 25 ha.', geojson: '', published: '1', ...over });

describeEachDb('plans disclosure', setupBudget, (get) => {
  test('the list groups plans by kind; a plan page shows its decision, documents and GeoJSON layer; empty sites say so', async () => {
    const { app, db } = get();
    const html = decode((await publicGet(app, '/quy-hoach-ke-hoach')).body);
    const headings = [...html.matchAll(/<h2 id="loai-[^"]+" class="section-title">([^<]+)<\/h2>/g)].map((m) => m[1]);
    assert.deepEqual(headings, ['Quy hoạch', 'Kế hoạch sử dụng đất', 'Kế hoạch phát triển kinh tế – xã hội']);
    const p = await db.db.selectFrom('plans').selectAll().where('site_id', '=', 1).where('kind', '=', 'quy-hoach').executeTakeFirstOrThrow();
    const page = decode((await publicGet(app, `/quy-hoach-ke-hoach/${p.slug}-${p.id}`)).body);
    assert.match(page, /<dt>Quyết định phê duyệt<\/dt><dd>Quyết định số 2185\/QĐ-UBND của UBND tỉnh Hà Tĩnh<\/dd>/);
    assert.match(page, /Tải về: Bản đồ quy hoạch tổng mặt bằng\.pdf/);
    const layer = await publicGet(app, `/quy-hoach-ke-hoach/lop-ban-do/${p.id}.geojson`);
    assert.equal(layer.statusCode, 200);
    assert.equal(layer.headers['content-type'], 'application/geo+json; charset=utf-8');
    assert.equal(JSON.parse(layer.body).features.length, 2);
    assert.match((await publicGet(app, '/quy-hoach-ke-hoach', THI_XA_HONG_LINH)).body, /Trang chưa công khai quy hoạch, kế hoạch nào\./);
    assert.match((await publicGet(app, '/')).body, /<a href="\/quy-hoach-ke-hoach">Quy hoạch – Kế hoạch<\/a>/);
    assert.match(decode((await publicGet(app, '/tim-kiem?q=ke+hoach+su+dung+dat')).body), /Quy hoạch – Kế hoạch \(1\)<\/h2>/);
  });

  test('the map page (/ban-do) draws the published plans\' layers and links them for people without JS', async () => {
    const { app, db } = get();
    const p = await db.db.selectFrom('plans').selectAll().where('site_id', '=', 1).where('geojson', 'is not', null).executeTakeFirstOrThrow();
    const html = decode((await publicGet(app, '/ban-do')).body);
    const config = JSON.parse(/data-map="([^"]+)"/.exec((await publicGet(app, '/ban-do')).body)![1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
    assert.deepEqual(config.layers, [{ title: p.title, url: `/quy-hoach-ke-hoach/lop-ban-do/${p.id}.geojson` }]);
    assert.match(html, new RegExp(`<li><a href="/quy-hoach-ke-hoach/${p.slug}-${p.id}">${p.title.replace(/[()/.]/g, '\\$&')}</a> \\(<a href="/quy-hoach-ke-hoach/lop-ban-do/${p.id}.geojson" download>tải lớp GeoJSON</a>\\)</li>`));
  });

  test('a GeoJSON layer is checked, cleaned of anything but data, and capped; bad ones are refused with the typed text kept', async () => {
    const { app, editor, db } = get();
    const cases: [string, RegExp][] = [
      ['{không phải json', /không phải JSON hợp lệ/],
      [JSON.stringify({ type: 'FeatureCollection', features: [] }), /ít nhất một đối tượng/],
      [JSON.stringify({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [200, 18] } }), /Đối tượng thứ 1 .* không hợp lệ/],
      [JSON.stringify({ type: 'Feature', properties: {}, geometry: { type: 'Circle', coordinates: [105, 18] } }), /Đối tượng thứ 1/],
      [JSON.stringify({ type: 'Feature', properties: { ghi_chu: 'a'.repeat(101 * 1024) }, geometry: { type: 'Point', coordinates: [105.7, 18.5] } }), /quá lớn: tối đa 100 KB/],
    ];
    for (const [geojson, message] of cases) {
      const res = await editor.post(PATH, form({ geojson }));
      assert.equal(res.statusCode, 422, geojson.slice(0, 60));
      assert.match(fieldError(res.body, 'geojson') ?? '', message);
      if (geojson.length < 200) assert.ok(decode(res.body).includes(`${geojson}</textarea>`), 'the layer comes back as typed');
    }
    assert.equal(await db.db.selectFrom('plans').select('id').where('title', '=', form().title).executeTakeFirst(), undefined);
    const ok = await editor.post(PATH, form({ geojson: LAYER }));
    assert.equal(ok.statusCode, 303);
    const p = await db.db.selectFrom('plans').selectAll().where('title', '=', form().title).executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(p.geojson!), { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { ten: 'Đất ở' }, geometry: { type: 'Point', coordinates: [105.71, 18.53] } }] });
    assert.match((await lastAudit(db, 'plan.create'))?.after.geojson, /^\d+ ký tự$/);
    assert.match((await publicGet(app, '/quy-hoach-ke-hoach')).body, /cụm công nghiệp Nam Hồng/);
  });

  test('a plan map picture is shown in the page; other uploads are refused; unpublish hides, delete removes with an audit', async () => {
    const { app, editor, contributor, db } = get();
    const p = await db.db.selectFrom('plans').selectAll().where('site_id', '=', 1).where('kind', '=', 'ke-hoach-kt-xh').executeTakeFirstOrThrow();
    assert.equal((await upload(editor, `${PATH}/${p.id}/tep`, { name: 'Bản đồ hiện trạng.png', data: await png(20, 10) })).statusCode, 303);
    assert.equal((await upload(editor, `${PATH}/${p.id}/tep`, { name: 'anh.jpg', data: await jpeg(8, 8) })).statusCode, 303);
    const bad = await upload(editor, `${PATH}/${p.id}/tep`, { name: 'nen.zip', data: zip({ 'a.txt': 'x' }) });
    assert.equal(bad.statusCode, 422);
    assert.match(fieldError(bad.body, 'file') ?? '', /^Tệp không phải ảnh bản đồ/);
    const files = await db.db.selectFrom('plan_files').selectAll().where('plan_id', '=', p.id).orderBy('id').execute();
    const html = decode((await publicGet(app, `/quy-hoach-ke-hoach/${p.slug}-${p.id}`)).body);
    assert.match(html, new RegExp(`<img src="/quy-hoach-ke-hoach/tep/${files[0]!.id}" alt="Bản đồ ${p.title} \\(Bản đồ hiện trạng\\.png\\)"`));
    const img = await publicGet(app, `/quy-hoach-ke-hoach/tep/${files[0]!.id}`);
    assert.equal(img.headers['content-type'], 'image/png');
    assert.match(img.headers['content-disposition'] as string, /^inline; /);
    assert.equal((await contributor.post(`${PATH}/${p.id}/xoa`)).statusCode, 403);
    const unpublished = { kind: p.kind, title: p.title, decision: p.decision, approved_on: p.approved_on ?? '', period: p.period, summary: p.summary, geojson: '', published: '0' };
    assert.equal((await editor.post(`${PATH}/${p.id}`, unpublished)).statusCode, 303);
    assert.equal((await publicGet(app, `/quy-hoach-ke-hoach/${p.slug}-${p.id}`)).statusCode, 404);
    assert.equal((await publicGet(app, `/quy-hoach-ke-hoach/tep/${files[0]!.id}`)).statusCode, 404);
    assert.equal((await editor.post(`${PATH}/${p.id}/xoa`)).statusCode, 303);
    assert.equal((await db.db.selectFrom('plan_files').select('id').where('plan_id', '=', p.id).execute()).length, 0);
    assert.equal((await lastAudit(db, 'plan.delete'))?.before.files.length, 2);
  });
});
