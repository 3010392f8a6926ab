import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp, BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { apiGet, cloneRow, walk } from './helpers.js';

/** RFC 4180 parsing: quoted fields, doubled quotes, CRLF between records, line breaks inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    assert.equal(text[i], '"', `every field is quoted (at ${i})`);
    let field = '';
    i++;
    for (;;) {
      const q = text.indexOf('"', i);
      assert.ok(q !== -1, 'a quoted field ends');
      field += text.slice(i, q);
      if (text[q + 1] === '"') {
        field += '"';
        i = q + 2;
      } else {
        i = q + 1;
        break;
      }
    }
    row.push(field);
    if (text[i] === ',') i++;
    else {
      assert.equal(text.slice(i, i + 2), '\r\n', 'records end with CRLF');
      rows.push(row);
      row = [];
      i += 2;
    }
  }
  return rows;
}

describeEachDb('open data CSV downloads', async (db) => {
  const app = await buildTestApp(db);
  const tricky = await cloneRow(db.db, 'documents', 1, {
    published: 1, number_code: 'csv1', number: '=1+2', title: '=HYPERLINK("http://x.example","bấm vào đây"), kèm dấu phẩy\nvà xuống dòng', issuer: '@SUM(A1)', field: '+Đất đai', issued_on: '2026-12-01',
  });
  const unpublished = await cloneRow(db.db, 'documents', 1, { published: 0, number_code: 'csv2', title: 'Văn bản chưa công bố', issued_on: '2026-12-02' });
  const procedure = await cloneRow(db.db, 'procedures', 1, { published: 1, slug: 'tru-so', title: '-10 ngày với thủ tục "đặc biệt"', field: 'Hộ tịch' });
  return { app, tricky, unpublished, procedure };
}, (ctx) => {
  test('documents: UTF-8 with a BOM, quoted RFC 4180 fields, formulas neutralised, every published document of the site once', async () => {
    const { app } = ctx();
    const res = await apiGet(app, '/api/v1/documents.csv');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
    assert.equal(res.headers['content-disposition'], 'attachment; filename="van-ban.csv"');
    assert.equal(res.headers['access-control-allow-origin'], '*');
    assert.deepEqual([...res.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
    const text = res.rawPayload.subarray(3).toString('utf8');
    assert.equal(text, text.normalize('NFC'));
    const [header, ...rows] = parseCsv(text);
    assert.deepEqual(header, ['Số, ký hiệu', 'Trích yếu', 'Loại văn bản', 'Cơ quan ban hành', 'Lĩnh vực', 'Hiệu lực', 'Ngày ban hành', 'Ngày có hiệu lực', 'Địa chỉ']);
    const listed = await walk(app, '/api/v1/documents?limit=100');
    assert.deepEqual(rows.map((r) => r[8]), listed.map((d) => d.url), 'the same documents as the API, in its order');
    const tricky = rows.find((r) => r[8]!.endsWith(`-${ctx().tricky}`))!;
    assert.equal(tricky[0], "'=1+2");
    assert.equal(tricky[1], '\'=HYPERLINK("http://x.example","bấm vào đây"), kèm dấu phẩy\nvà xuống dòng');
    assert.equal(tricky[3], "'@SUM(A1)");
    assert.equal(tricky[4], "'+Đất đai");
    assert.ok(!rows.some((r) => r[8]!.endsWith(`-${ctx().unpublished}`)), 'no unpublished document');
    assert.ok(rows.some((r) => r[5] === 'Còn hiệu lực'), 'the status in words');
  });

  test('documents: filters apply, a bad filter is a JSON 400, and the other site has its own file', async () => {
    const { app } = ctx();
    const decisions = parseCsv((await apiGet(app, '/api/v1/documents.csv?type=quyet-dinh')).body.slice(1)).slice(1);
    assert.ok(decisions.length > 0 && decisions.every((r) => r[2] === 'Quyết định'));
    const bad = await apiGet(app, '/api/v1/documents.csv?from=2026-13-01');
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.parameter, 'from');
    const other = parseCsv((await apiGet(app, '/api/v1/documents.csv', BAC_HONG_LINH)).body.slice(1)).slice(1);
    const otherListed = await walk(app, '/api/v1/documents?limit=100', BAC_HONG_LINH);
    assert.deepEqual(other.map((r) => r[8]), otherListed.map((d) => d.url));
    assert.ok(other.every((r) => r[8]!.startsWith(`http://${BAC_HONG_LINH}/`)));
  });

  test('procedures: every published procedure with its fields, a leading minus neutralised, filtered by lĩnh vực', async () => {
    const { app, procedure } = ctx();
    const res = await apiGet(app, '/api/v1/procedures.csv');
    assert.equal(res.headers['content-disposition'], 'attachment; filename="thu-tuc-hanh-chinh.csv"');
    const [header, ...rows] = parseCsv(res.body.slice(1));
    assert.equal(header![0], 'Mã thủ tục');
    const listed = await walk(app, '/api/v1/procedures?limit=100');
    assert.deepEqual(new Set(rows.map((r) => r[10])), new Set(listed.map((p) => p.url)));
    const mine = rows.find((r) => r[10]!.endsWith(`-${procedure}`))!;
    assert.equal(mine[1], '\'-10 ngày với thủ tục "đặc biệt"');
    assert.match(res.body, /"'-10 ngày với thủ tục ""đặc biệt"""/, 'inner quotes doubled');
    const hoTich = parseCsv((await apiGet(app, '/api/v1/procedures.csv?field=ho-tich')).body.slice(1)).slice(1);
    assert.ok(hoTich.length > 0 && hoTich.length < rows.length && hoTich.every((r) => r[2] === 'Hộ tịch'));
  });
});
