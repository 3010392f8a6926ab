import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp, NAM_HONG_LINH, BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { docId, publicGet, typeId } from './helpers.js';

/** The numbers shown in a list page, in order. */
function numbersOf(html: string): string[] {
  return [...html.matchAll(/<h2 class="item-title"><a href="\/van-ban\/[^"]+">[^<]*? số ([^<]+)<\/a>/g)].map((m) => m[1]!);
}

/** The demo documents of src/features/documents/demo.ts (other features may seed more, e.g. drafts). */
const OURS = new Set(['22-NQ/TW', '21-NQ/TW', '02-NQ/TU', '1520/QĐ-UBND', '85/KH-UBND', '112/KH-UBND', '45/TB-UBND', '1234/UBND-TNMT', '2105/QĐ-UBND',
  '35/2019/QĐ-UBND', '12/2023/QĐ-UBND', '03/CT-UBND', '210/BC-UBND', '05/DT-UBND', '01/QĐ-UBND', '15/KH-UBND', '22/TB-UBND']);
const ours = (html: string) => numbersOf(html).filter((n) => OURS.has(n));

const list = (app: Parameters<typeof publicGet>[0], query: Record<string, string>, host = NAM_HONG_LINH) =>
  publicGet(app, `/van-ban?${new URLSearchParams(query).toString()}`, host);

describeEachDb('documents: public list, document page, feed, sitemap, search', async (db) => ({ app: await buildTestApp(db) }), (get) => {
  test('the list shows the newest issued first, only this site\'s documents', async () => {
    const { app } = get();
    const res = await publicGet(app, '/van-ban');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['cache-control'] as string, /public/);
    const dates = [...res.body.matchAll(/Ban hành <time datetime="(\d{4}-\d{2}-\d{2})">/g)].map((m) => m[1]!);
    assert.ok(dates.length >= 14);
    assert.deepEqual(dates, [...dates].sort().reverse());
    assert.deepEqual(ours(res.body), ['05/DT-UBND', '1234/UBND-TNMT', '45/TB-UBND', '85/KH-UBND', '03/CT-UBND', '1520/QĐ-UBND', '112/KH-UBND', '12/2023/QĐ-UBND', '2105/QĐ-UBND', '21-NQ/TW', '210/BC-UBND', '35/2019/QĐ-UBND', '02-NQ/TU', '22-NQ/TW'].slice(0, ours(res.body).length));
    assert.match(res.body, new RegExp(`${numbersOf((await list(app, { trang: '2' })).body).length + dates.length} văn bản`));
    assert.ok(!numbersOf(res.body).includes('01/QĐ-UBND'), 'no document of Nam Hồng Lĩnh');
    const other = await publicGet(app, '/van-ban', BAC_HONG_LINH);
    assert.deepEqual(ours(other.body), ['22/TB-UBND', '15/KH-UBND', '01/QĐ-UBND']);
    assert.ok(!numbersOf(other.body).includes('22-NQ/TW'));
  });

  test('a number is found whole or by its parts, in any case and with or without diacritics', async () => {
    const { app } = get();
    for (const q of ['22-NQ/TW', '22 nq tw', '22-nq/tw', '22nqtw', '"22 NQ TW"']) {
      assert.deepEqual(numbersOf((await list(app, { q })).body), ['22-NQ/TW'], q);
    }
    const nq = numbersOf((await list(app, { q: 'nq' })).body);
    assert.deepEqual(nq.sort(), ['02-NQ/TU', '21-NQ/TW', '22-NQ/TW']);
    assert.deepEqual(numbersOf((await list(app, { q: 'NQ/TW' })).body).sort(), ['21-NQ/TW', '22-NQ/TW']);
    const qd = ['1520/QĐ-UBND', '2105/QĐ-UBND', '35/2019/QĐ-UBND', '12/2023/QĐ-UBND'].sort();
    for (const q of ['qd ubnd', 'QĐ-UBND', 'qđ-ubnd', 'QD-UBND']) assert.deepEqual(numbersOf((await list(app, { q })).body).sort(), qd, q);
    // Whole numbers only: "22" is not "122", "2105" or "2022".
    assert.deepEqual(numbersOf((await list(app, { q: '22' })).body).sort(), ['22-NQ/TW']);
    // Trích yếu words, without diacritics, and a mix of number and words.
    assert.deepEqual(numbersOf((await list(app, { q: 'chuyen doi so' })).body), ['85/KH-UBND']);
    assert.deepEqual(numbersOf((await list(app, { q: 'an toàn thực phẩm kh' })).body), ['112/KH-UBND']);
    assert.deepEqual(numbersOf((await list(app, { q: 'khong co van ban nay' })).body), []);
    assert.match((await list(app, { q: 'khong co van ban nay' })).body, /Không có văn bản nào phù hợp/);
  });

  test('filters: type, issuer, field, year, combined with the search; unknown values are ignored', async () => {
    const { app, db } = get();
    const kh = await typeId(db, 1, 'Kế hoạch');
    assert.deepEqual(ours((await list(app, { loai: String(kh) })).body), ['05/DT-UBND', '85/KH-UBND', '112/KH-UBND']);
    assert.ok(numbersOf((await list(app, { loai: String(kh) })).body).every((n) => !n.includes('QĐ')));
    assert.deepEqual(numbersOf((await list(app, { co_quan: 'Ban Chấp hành Trung ương Đảng (khoá X)' })).body), ['22-NQ/TW']);
    assert.deepEqual(ours((await list(app, { linh_vuc: 'Xây dựng' })).body), ['05/DT-UBND', '12/2023/QĐ-UBND', '35/2019/QĐ-UBND']);
    assert.deepEqual(numbersOf((await list(app, { nam: '2024' })).body), ['1234/UBND-TNMT', '45/TB-UBND', '85/KH-UBND', '03/CT-UBND']);
    assert.deepEqual(numbersOf((await list(app, { nam: '2024', q: 'ubnd', linh_vuc: 'Đất đai' })).body), ['45/TB-UBND', '03/CT-UBND']);
    const foreignType = await typeId(db, 2, 'Kế hoạch');
    const res = await list(app, { loai: String(foreignType), nam: '1850', co_quan: '<b>x</b>' });
    assert.deepEqual(numbersOf(res.body), numbersOf((await publicGet(app, '/van-ban')).body));
    // The chosen filters come back selected; the form works without JS (GET to /van-ban).
    const sel = await list(app, { loai: String(kh), nam: '2024' });
    assert.match(sel.body, new RegExp(`<option value="${kh}" selected>Kế hoạch</option>`));
    assert.match(sel.body, /<option value="2024" selected>2024<\/option>/);
    assert.match(sel.body, /<form action="\/van-ban" method="get"/);
    assert.match(sel.body, /<meta name="robots" content="noindex"\/>/);
  });

  test('pagination keeps the filters; a page past the end is 404', async () => {
    const { app, db } = get();
    const type = await typeId(db, 1, 'Thông báo');
    const stamp = new Date().toISOString();
    for (let i = 1; i <= 16; i++) {
      await db.db.insertInto('documents').values({
        site_id: 1, number: `${i}/TB-VP`, number_fold: `${i} tb vp`, number_code: `${i}tbvp`, type_id: type, issuer: 'Văn phòng', signer: '',
        issued_on: `2020-01-${String(i).padStart(2, '0')}`, effective_on: null, title: `Thông báo lịch họp số ${i}`, field: 'Hành chính', status: 'con-hieu-luc',
        consultation_until: null, published: 1, slug: `thong-bao-${i}`, search_fold: ` thong bao ${i} tb vp thong bao lich hop `, created_at: stamp, updated_at: stamp, created_by: null, updated_by: null,
      }).execute();
    }
    const first = await list(app, { linh_vuc: 'Hành chính' });
    assert.equal(numbersOf(first.body).length, 15);
    assert.match(first.body, /href="\/van-ban\?linh_vuc=H%C3%A0nh\+ch%C3%ADnh&amp;trang=2"/);
    assert.deepEqual(numbersOf((await list(app, { linh_vuc: 'Hành chính', trang: '2' })).body), ['1/TB-VP']);
    assert.equal((await list(app, { linh_vuc: 'Hành chính', trang: '3' })).statusCode, 404);
    await db.db.deleteFrom('documents').where('number', 'like', '%/TB-VP').execute();
  });

  test('the document page shows every field, long dates, files, related documents and JSON-LD', async () => {
    const { app, db } = get();
    const id = await docId(db, 1, '22-NQ/TW');
    const wrong = await publicGet(app, `/van-ban/sai-duong-dan-${id}`);
    assert.equal(wrong.statusCode, 301);
    assert.match(wrong.headers.location as string, new RegExp(`^/van-ban/nghi-quyet-22-nq-tw-ve-nang-cao-[a-z0-9-]+-${id}$`));
    const res = await publicGet(app, wrong.headers.location as string);
    assert.equal(res.statusCode, 200);
    const b = res.body;
    assert.match(b, /<h1 class="page-title">Nghị quyết số 22-NQ\/TW<\/h1>/);
    assert.match(b, /Về nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức cơ sở đảng và chất lượng đội ngũ cán bộ, đảng viên/);
    assert.match(b, /<dt>Cơ quan ban hành<\/dt><dd>Ban Chấp hành Trung ương Đảng \(khoá X\)<\/dd>/);
    assert.match(b, /<dt>Người ký<\/dt><dd>Tổng Bí thư Nông Đức Mạnh<\/dd>/);
    assert.match(b, /<time datetime="2008-02-02">ngày 02 tháng 02 năm 2008<\/time>/);
    assert.match(b, /<dt>Lĩnh vực<\/dt><dd>Xây dựng Đảng<\/dd>/);
    assert.match(b, /Hết hiệu lực/);
    assert.match(b, /Tải về: Nghị quyết 22-NQ-TW\.pdf<\/a> <span class="muted">\(PDF, [\d,]+ (byte|KB)\)/);
    assert.match(b, /Văn bản liên quan[\s\S]*21-NQ\/TW[\s\S]*02-NQ\/TU/);
    assert.match(b, /"@type":"Legislation","name":"Nghị quyết số 22-NQ\/TW","legislationIdentifier":"22-NQ\/TW"/);
    assert.match(b, /"legislationLegalForce":"https:\/\/schema.org\/NotInForce"/);
    for (const bad of ['/van-ban/khong-co-999999', '/van-ban/abc', `/van-ban/x-${await docId(db, 2, '01/QĐ-UBND')}`]) {
      assert.equal((await publicGet(app, bad)).statusCode, 404, bad);
    }
  });

  test('the draft shows its comment deadline', async () => {
    const { app, db } = get();
    const id = await docId(db, 1, '05/DT-UBND');
    const loc = (await publicGet(app, `/van-ban/x-${id}`)).headers.location as string;
    assert.match((await publicGet(app, loc)).body, /Dự thảo lấy ý kiến[\s\S]*<dt>Hạn góp ý<\/dt><dd><time datetime="\d{4}-\d{2}-\d{2}">hết ngày \d{2} tháng \d{2} năm \d{4}<\/time>/);
  });

  test('RSS lists the latest documents of the site', async () => {
    const { app } = get();
    const res = await publicGet(app, '/van-ban/rss.xml');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /application\/rss\+xml/);
    assert.match(res.body, /<title><!\[CDATA\[Nghị quyết số 22-NQ\/TW\]\]><\/title>|<title>Nghị quyết số 22-NQ\/TW<\/title>/);
    assert.match(res.body, /http:\/\/namhonglinh\.localhost\/van-ban\/nghi-quyet-22-nq-tw/);
    assert.doesNotMatch(res.body, /01\/QĐ-UBND/);
  });

  test('the sitemap lists the list page and each published document', async () => {
    const { app, db } = get();
    const res = await publicGet(app, '/sitemap.xml');
    assert.match(res.body, /<loc>http:\/\/namhonglinh\.localhost\/van-ban<\/loc>/);
    const id = await docId(db, 1, '02-NQ/TU');
    assert.match(res.body, new RegExp(`<loc>http://namhonglinh\\.localhost/van-ban/nghi-quyet-02-nq-tu-[a-z0-9-]+-${id}</loc>`));
    assert.doesNotMatch(res.body, new RegExp(`/van-ban/[a-z0-9-]+-${await docId(db, 2, '01/QĐ-UBND')}<`));
  });

  test('/tim-kiem shows a "Văn bản" group for a number or words of a trích yếu', async () => {
    const { app } = get();
    const res = await publicGet(app, `/tim-kiem?q=${encodeURIComponent('22-NQ/TW')}`);
    assert.match(res.body, /<h2 id="ket-qua-muc-\d" class="section-title">Văn bản \(1\)<\/h2>/);
    assert.match(res.body, /<a href="\/van-ban\/nghi-quyet-22-nq-tw-[^"]+">Nghị quyết số 22-NQ\/TW: Về nâng cao/);
    const words = await publicGet(app, `/tim-kiem?q=${encodeURIComponent('qd ubnd')}`);
    assert.match(words.body, /Văn bản \(4\)/);
    const none = await publicGet(app, `/tim-kiem?q=${encodeURIComponent('22-NQ/TW')}`, BAC_HONG_LINH);
    assert.doesNotMatch(none.body, /class="section-title">Văn bản/);
  });
});
