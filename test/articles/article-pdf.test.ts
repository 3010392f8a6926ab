/**
 * "Lưu bài viết" and "In bài viết" without JavaScript (issue 15 item 5, Nghị định 42/2022 Điều 7
 * k1): the article page links both; the PDF holds the article's text with correct Vietnamese
 * (read back by poppler's pdftotext) in an embedded DejaVu Sans subset (pdffonts), under the
 * Vietnamese title; it is cached like pages and purged with the article; a missing font is a logged
 * 503 in Vietnamese; the print view is the article alone, noindex. Both engines.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { BAC_HONG_LINH, buildTestApp, NAM_HONG_LINH } from '../helpers/app.js';
import { describeEachDb, type TestDb } from '../helpers/db.js';
import { urls } from '../../src/kernel/http/urls.js';
import { purgeForArticle } from '../../src/features/articles/purge.js';
import { PDFS_PER_MINUTE } from '../../src/features/articles/public/save-print-routes.js';
import { attachmentDisposition, fileNameOf } from '../../src/features/articles/pdf/file-name.js';

const TOOLS = ['pdftotext', 'pdffonts'] as const;
const missingTool = TOOLS.find((t) => spawnSync('which', [t]).status !== 0);
if (missingTool && process.env.CI) throw new Error(`${missingTool} (poppler-utils) is required in CI: the PDF must be read back by a real reader`);

/** Runs a poppler tool on the bytes; null when poppler is not installed (outside CI only). */
function poppler(tool: (typeof TOOLS)[number], pdf: Buffer, args: string[] = []): string | null {
  if (missingTool) return null;
  const dir = mkdtempSync(join(tmpdir(), 'cong-pdf-'));
  try {
    const file = join(dir, 'a.pdf');
    writeFileSync(file, pdf);
    const r = spawnSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text pdftotext reads, its lines joined as one flow (the layout wraps long lines). */
function flow(text: string): string {
  return text.replace(/\s+/g, ' ');
}

async function seedArticle(db: TestDb) {
  return db.db
    .selectFrom('articles')
    .innerJoin('site_hosts', 'site_hosts.site_id', 'articles.site_id')
    .selectAll('articles')
    .where('site_hosts.host', '=', NAM_HONG_LINH)
    .where('articles.legacy_id', '=', '614123')
    .executeTakeFirstOrThrow();
}

/** Another published article of the default ward, the n-th newest but one (each test takes its own). */
async function otherArticle(db: TestDb, n: number) {
  const seed = await seedArticle(db);
  return db.db.selectFrom('articles').selectAll().where('site_id', '=', seed.site_id).where('status', '=', 'published').where('id', '!=', seed.id).orderBy('id').offset(n).limit(1).executeTakeFirstOrThrow();
}

describeEachDb('saving and printing an article', async (db) => ({ app: await buildTestApp(db) }), (get) => {
  const req = (url: string, remoteAddress = '203.0.113.10') => get().app.inject({ url, remoteAddress, headers: { host: NAM_HONG_LINH } });

  test('the article page links "Lưu bài viết" and "In bài viết" as plain links, usable without JavaScript', async () => {
    const a = await seedArticle(get().db);
    const html = (await req(urls.article(a))).body;
    const tools = html.split('class="article-tools"')[1]!.split('</header>')[0]!;
    assert.match(tools, new RegExp(`<a href="${urls.article(a)}/luu\\.pdf" rel="nofollow" download>Lưu bài viết`));
    assert.match(tools, new RegExp(`<a href="${urls.article(a)}/in" rel="nofollow" data-print="true">In bài viết</a>`));
    assert.doesNotMatch(tools, /<li class="js-only"><a/, 'neither link is hidden without JavaScript');
  });

  test('the PDF is an attachment under the Vietnamese title, with the article text in correct Vietnamese', async () => {
    const a = await seedArticle(get().db);
    const res = await req(`${urls.article(a)}/luu.pdf`);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.equal(res.headers['x-robots-tag'], 'noindex');
    assert.match(String(res.headers['cache-control']), /^public, max-age=60/);
    assert.equal(res.headers['last-modified'], new Date(a.updated_at).toUTCString());
    const disposition = String(res.headers['content-disposition']);
    const m = /^attachment; filename="([a-z0-9-]+)\.pdf"; filename\*=UTF-8''([A-Za-z0-9!#$&+.^_`|~%-]+)\.pdf$/.exec(disposition);
    assert.ok(m, disposition);
    assert.equal(m[1], a.slug, 'the ASCII fallback is the slug');
    assert.equal(decodeURIComponent(m[2]!), a.title.replace(/\//g, '-'), 'the file is named after the whole title, "/" made "-"');
    const pdf = res.rawPayload;
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');

    const text = poppler('pdftotext', pdf, ['-enc', 'UTF-8']);
    if (text === null) return void console.log('# poppler-utils missing: the PDF was not read back');
    assert.equal(text, text.normalize('NFC'), 'the text comes out precomposed (NFC)');
    const all = flow(text);
    assert.ok(all.includes(flow(a.title)), 'title');
    assert.ok(all.includes('Thứ Sáu, 15/10/2021 08:30'), 'date');
    assert.ok(a.source && all.includes(`Nguồn: ${a.source}`), 'source');
    if (a.sapo) assert.ok(all.includes(flow(a.sapo)), 'sapo');
    assert.ok(all.includes('đồng chí Nguyễn Thăng Long, Phó Bí thư thường trực Thị uỷ đã ghi nhận'), 'a body paragraph, diacritics intact');
    assert.ok(all.includes('Địa chỉ bài viết: http://namhonglinh.localhost/bai-viet/'), 'the article URL, labelled');
    // A long address wraps at a hyphen, which pdftotext then joins away: compare without hyphens and breaks.
    const url = `http://namhonglinh.localhost${urls.article(a)}`;
    assert.ok(text.replace(/[\s-]+/g, '').includes(url.replace(/-/g, '')), 'the whole article URL');
    assert.ok(pdf.toString('latin1').includes(`/URI (${url})`), 'and a link to it');

    const fonts = poppler('pdffonts', pdf)!;
    const rows = fonts.trim().split('\n').slice(2);
    assert.ok(rows.length >= 1, fonts);
    for (const row of rows) {
      assert.match(row, /^[A-Z]{6}\+DejaVuSans(-Bold)?\s/, `a DejaVu Sans subset: ${row}`);
      assert.match(row, /\byes\s+yes\s+yes\b/, `embedded, subset, with a Unicode map: ${row}`);
    }
  });

  test('headings, lists and bold text of the body come out in order; an author is named', async () => {
    const { db } = get();
    const a = await otherArticle(db, 0);
    const body = '<h2>Kết quả nổi bật</h2><p>Năm <strong>2025</strong> phường đạt:</p><ul><li><p>Thu ngân sách vượt dự toán</p></li><li>Xây dựng đường giao thông nông thôn</li></ul><ol><li>Hoàn thành chỉ tiêu</li></ol><table><tr><th>Chỉ tiêu</th><th>Kết quả</th></tr><tr><td>Hộ nghèo</td><td>1,2%</td></tr></table>';
    await db.db.updateTable('articles').set({ body_html: body, author: 'Trần Thị Hường' }).where('id', '=', a.id).execute();
    const res = await req(`${urls.article(a)}/luu.pdf`);
    assert.equal(res.statusCode, 200);
    const text = poppler('pdftotext', res.rawPayload, ['-enc', 'UTF-8']);
    if (text === null) return;
    const all = flow(text);
    const order = ['Kết quả nổi bật', 'Năm 2025 phường đạt:', '• Thu ngân sách vượt dự toán', '• Xây dựng đường giao thông nông thôn', '1. Hoàn thành chỉ tiêu', 'Chỉ tiêu | Kết quả', 'Hộ nghèo | 1,2%', 'Trần Thị Hường'];
    let at = -1;
    for (const piece of order) {
      const i = all.indexOf(piece);
      assert.ok(i > at, `"${piece}" after the previous piece in: ${all}`);
      at = i;
    }
  });

  test('cached like the page: a second download is the same file; the article purge renews it', async () => {
    const { app, db } = get();
    const a = await otherArticle(db, 1);
    const path = `${urls.article(a)}/luu.pdf`;
    const first = await req(path);
    const renders = app.cong.pageCache.counters.renders;
    const again = await req(path);
    assert.equal(again.headers.etag, first.headers.etag);
    assert.equal(app.cong.pageCache.counters.renders, renders, 'answered from the page cache');
    assert.equal((await app.inject({ url: path, headers: { host: NAM_HONG_LINH, 'if-none-match': String(first.headers.etag) } })).statusCode, 304);

    const printed = await req(`${urls.article(a)}/in`);
    const title = 'Tiêu đề đã sửa: Hội nghị tổng kết công tác năm 2026';
    await db.db.updateTable('articles').set({ title, updated_at: new Date(Date.parse(a.updated_at) + 60_000).toISOString() }).where('id', '=', a.id).execute();
    assert.equal((await req(path)).headers.etag, first.headers.etag, 'still cached until the purge');
    await purgeForArticle(db.db, app.cong.pageCache, a, [a.category_id]);
    const after = await req(path);
    assert.notEqual(after.headers.etag, first.headers.etag, 'made again after the purge');
    assert.match(decodeURIComponent(String(after.headers['content-disposition'])), /Tiêu đề đã sửa/);
    const text = poppler('pdftotext', after.rawPayload, ['-enc', 'UTF-8']);
    if (text !== null) assert.ok(flow(text).includes(title));
    const reprinted = await req(`${urls.article(a)}/in`);
    assert.notEqual(reprinted.headers.etag, printed.headers.etag, 'the print view is purged too');
    assert.ok(reprinted.body.includes(title));
  });

  test('a long article is laid out off the event loop: other requests are not held up', async (t) => {
    const { db } = get();
    const a = await otherArticle(db, 4);
    const paragraph = '<p>Ủy ban nhân dân phường triển khai kế hoạch chuyển đổi số, hướng dẫn người dân sử dụng dịch vụ công trực tuyến mức độ toàn trình, thanh toán không dùng tiền mặt và tra cứu hồ sơ thủ tục hành chính trên Cổng thông tin điện tử của phường.</p>';
    const body = Array.from({ length: 20 }, (_, i) => `<h2>Phần ${i + 1}</h2>${paragraph.repeat(15)}<ul><li>Mục một</li><li>Mục hai</li></ul>`).join('');
    await db.db.updateTable('articles').set({ body_html: body }).where('id', '=', a.id).execute();
    // Warm the PDF thread with another article, so that the measure below is of the layout alone.
    assert.equal((await req(`${urls.article(await seedArticle(db))}/luu.pdf?am=1`, '203.0.113.40')).statusCode, 200);
    let longest = 0;
    let last = performance.now();
    const tick = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 1);
    const started = performance.now();
    const res = await req(`${urls.article(a)}/luu.pdf`, '203.0.113.41');
    const took = performance.now() - started;
    clearInterval(tick);
    // A loop held to the end never ticked again: that last stretch counts too.
    longest = Math.max(longest, performance.now() - last);
    assert.equal(res.statusCode, 200);
    t.diagnostic(`${body.length} characters of body: PDF of ${res.rawPayload.length} bytes in ${took.toFixed(0)} ms, longest event-loop gap ${longest.toFixed(0)} ms`);
    // On the event loop pdfkit would hold it for the whole layout (about a second for this article).
    assert.ok(longest < Math.max(150, took / 3), `the event loop went ${longest.toFixed(0)} ms without a turn during ${took.toFixed(0)} ms`);
    const text = poppler('pdftotext', res.rawPayload, ['-enc', 'UTF-8']);
    if (text !== null) assert.ok(flow(text).includes('Phần 20'), 'the end of the article is there');
  });

  test('parallel downloads of one article get the same file, made once', async () => {
    const { app, db } = get();
    const a = await otherArticle(db, 2);
    const renders = app.cong.pageCache.counters.renders;
    const all = await Promise.all(Array.from({ length: 6 }, (_, i) => req(`${urls.article(a)}/luu.pdf`, `203.0.113.${20 + i}`)));
    assert.deepEqual(all.map((r) => r.statusCode), [200, 200, 200, 200, 200, 200]);
    assert.equal(new Set(all.map((r) => r.headers.etag)).size, 1);
    assert.equal(app.cong.pageCache.counters.renders - renders, 1);
  });

  test('a wrong slug is sent to the right one; an unknown, unpublished or other ward\'s article is a 404', async () => {
    const { db } = get();
    const a = await seedArticle(db);
    for (const tail of ['luu.pdf', 'in']) {
      const moved = await req(`/bai-viet/sai-ten-${a.id}/${tail}`);
      assert.equal(moved.statusCode, 301);
      assert.equal(moved.headers.location, `${urls.article(a)}/${tail}`);
      assert.equal((await req(`/bai-viet/khong-co-999999/${tail}`)).statusCode, 404);
    }
    const foreign = await db.db
      .selectFrom('articles')
      .innerJoin('site_hosts', 'site_hosts.site_id', 'articles.site_id')
      .select(['articles.id', 'articles.slug'])
      .where('site_hosts.host', '=', BAC_HONG_LINH)
      .where('articles.status', '=', 'published')
      .executeTakeFirstOrThrow();
    for (const tail of ['luu.pdf', 'in']) assert.equal((await req(`${urls.article(foreign)}/${tail}`)).statusCode, 404, `another ward's article is not served here (${tail})`);
    const draft = await otherArticle(db, 3);
    await db.db.updateTable('articles').set({ status: 'draft' }).where('id', '=', draft.id).execute();
    assert.equal((await req(`${urls.article(draft)}/luu.pdf`)).statusCode, 404);
    assert.equal((await req(`${urls.article(draft)}/in`)).statusCode, 404);
  });

  test(`downloads are limited to ${PDFS_PER_MINUTE} a minute from one address`, async () => {
    const a = await seedArticle(get().db);
    // A query string reaches the route (bare paths may be answered from the cache before it).
    for (let i = 0; i < PDFS_PER_MINUTE; i++) assert.equal((await req(`${urls.article(a)}/luu.pdf?lan=${i}`, '198.51.100.7')).statusCode, 200);
    const refused = await req(`${urls.article(a)}/luu.pdf?lan=x`, '198.51.100.7');
    assert.equal(refused.statusCode, 429);
    assert.match(refused.body, /Bạn thao tác quá nhanh/);
    assert.equal((await req(`${urls.article(a)}/luu.pdf?lan=y`, '198.51.100.8')).statusCode, 200, 'another address is not refused');
  });

  test('the print view is the article alone: noindex, no menu or sidebar, its address, a way back', async () => {
    const a = await seedArticle(get().db);
    const res = await req(`${urls.article(a)}/in`);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
    const html = res.body;
    assert.match(html, /^<!doctype html><html lang="vi">/);
    assert.match(html, /<meta name="robots" content="noindex"\/>/);
    assert.ok(html.includes(`<link rel="canonical" href="http://namhonglinh.localhost${urls.article(a)}"/>`));
    assert.ok(html.includes(`<h1 class="article-title">${a.title}</h1>`));
    assert.ok(html.includes('Thứ Sáu, 15/10/2021 08:30'));
    assert.ok(html.includes('đồng chí Nguyễn Thăng Long'));
    assert.ok(html.includes(`Địa chỉ bài viết: <a href="http://namhonglinh.localhost${urls.article(a)}">`));
    assert.ok(html.includes(`<a href="${urls.article(a)}">Quay lại bài viết</a>`));
    assert.doesNotMatch(html, /main-nav|class="sidebar"|Tin cùng chuyên mục|danh-gia/, 'no navigation, widgets, rating or comments');
    assert.equal(html, html.normalize('NFC'));
  });
}, async ({ app }) => void (await app.close()));

describeEachDb(
  'saving an article without the PDF font',
  async (db) => ({ app: await buildTestApp(db, { env: { CONG_PDF_FONT_DIR: '/nonexistent/fonts' } }) }),
  (get) => {
    test('answers a 503 in Vietnamese, kept by no cache; the article and its print view still work', async () => {
      const a = await seedArticle(get().db);
      const res = await get().app.inject({ url: `${urls.article(a)}/luu.pdf`, headers: { host: NAM_HONG_LINH } });
      assert.equal(res.statusCode, 503);
      assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.match(res.body, /Chưa lưu được bài viết thành tệp PDF do máy chủ đang thiếu phông chữ tiếng Việt/);
      assert.doesNotMatch(res.body, /nonexistent|DejaVu/, 'no server detail shown');
      assert.equal((await get().app.inject({ url: urls.article(a), headers: { host: NAM_HONG_LINH } })).statusCode, 200);
      assert.equal((await get().app.inject({ url: `${urls.article(a)}/in`, headers: { host: NAM_HONG_LINH } })).statusCode, 200);
    });
  },
  async ({ app }) => void (await app.close()),
);

test('the offered file name: forbidden characters replaced, a long title cut at a word within 200 bytes', () => {
  assert.equal(attachmentDisposition('Báo cáo "quý I": thu/chi?', 'bao-cao-quy-i-thu-chi'), `attachment; filename="bao-cao-quy-i-thu-chi.pdf"; filename*=UTF-8''${encodeURIComponent('Báo cáo quý I thu-chi')}.pdf`);
  assert.match(attachmentDisposition("Lễ hội (truyền thống) 'Đền Chợ Củi'*", 'le-hoi'), /filename\*=UTF-8''[^'()*]+\.pdf$/, "' ( ) * are percent-encoded (RFC 8187)");
  const long = 'Hội nghị tổng kết công tác xây dựng Đảng và hệ thống chính trị phường Nam Hồng năm 2026, triển khai nhiệm vụ trọng tâm năm 2027 của Đảng bộ phường và các chi bộ trực thuộc trên địa bàn';
  const name = fileNameOf(long);
  assert.ok(Buffer.byteLength(long) > 200 && Buffer.byteLength(name) <= 200, `${Buffer.byteLength(name)} bytes`);
  assert.ok(long.startsWith(`${name} `), 'cut at a word boundary');
});
