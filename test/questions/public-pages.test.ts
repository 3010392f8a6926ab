import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NAM_HONG_LINH, BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { searchTextOf } from '../../src/features/questions/repo.js';
import { get, setup, text } from './helpers.js';

const nhl = { host: BAC_HONG_LINH };
const titles = (html: string) => [...html.matchAll(/<h2><a href="\/hoi-dap\/[a-z0-9-]+-\d+">([^<]+)<\/a><\/h2>/g)].map((m) => m[1]!);

describeEachDb('Hỏi đáp: public pages', setup, (env) => {
  test('the list: published Q&A of this site only, newest answer first, cacheable', async () => {
    const { app } = env();
    const res = await get(app, '/hoi-dap');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['cache-control'] as string, /^public/);
    const t = titles(res.body);
    assert.equal(t.length, 8);
    assert.equal(t[0], 'Diện tích tối thiểu được tách thửa đất ở');
    assert.equal(t[7], 'Hồ sơ cấp Giấy chứng nhận quyền sử dụng đất lần đầu gồm những gì?');
    assert.ok(!res.body.includes('Xưởng cưa gỗ'), 'unanswered questions are not listed');
    assert.ok(!res.body.includes('Thay đổi họ tên trong giấy khai sinh'), 'nor the other site\'s');
    assert.deepEqual(titles((await get(app, '/hoi-dap', nhl)).body), ['Đề nghị nạo vét mương thoát nước khu dân cư', 'Thay đổi họ tên trong giấy khai sinh cho con']);
  });

  test('by topic: ?chu_de= redirects to /hoi-dap/chu-de/<slug>, which lists that topic only', async () => {
    const { app } = env();
    const r = await get(app, '/hoi-dap?chu_de=dat-dai-xay-dung');
    assert.equal(r.statusCode, 301);
    assert.equal(r.headers.location, '/hoi-dap/chu-de/dat-dai-xay-dung');
    const page = await get(app, '/hoi-dap/chu-de/dat-dai-xay-dung');
    assert.deepEqual(titles(page.body), ['Diện tích tối thiểu được tách thửa đất ở', 'Sửa chữa nhà ở có phải xin giấy phép xây dựng không?', 'Hồ sơ cấp Giấy chứng nhận quyền sử dụng đất lần đầu gồm những gì?']);
    assert.match(page.body, /<span aria-current="page">Đất đai – Xây dựng<\/span>/);
    assert.equal((await get(app, '/hoi-dap/chu-de/khong-co')).statusCode, 404);
    assert.equal((await get(app, '/hoi-dap?chu_de=khong-co')).statusCode, 404);
  });

  test('search without JS, diacritic-insensitive, whole words; names are not searchable; errors are shown', async () => {
    const { app } = env();
    const a = await get(app, '/hoi-dap?q=giay+phep+xay+dung');
    assert.equal(a.statusCode, 200);
    assert.deepEqual(titles(a.body), ['Sửa chữa nhà ở có phải xin giấy phép xây dựng không?']);
    assert.match(a.body, /<meta name="robots" content="noindex"\/>/);
    assert.match(a.body, /value="giay phep xay dung"/);
    assert.deepEqual(titles((await get(app, '/hoi-dap?q=KHAI%20SINH')).body), ['Đăng ký khai sinh cho con khi bố mẹ chưa đăng ký kết hôn']);
    assert.deepEqual(titles((await get(app, '/hoi-dap/chu-de/moi-truong?q=r%C3%A1c')).body), ['Phản ánh rác thải tập kết bên đường Nguyễn Ái Quốc']);
    for (const own of ['0904112233', 'tranmai.hl@gmail.com', '"Trần Thị Mai"']) {
      assert.deepEqual(titles((await get(app, `/hoi-dap?q=${encodeURIComponent(own)}`)).body), [], `the asker's details are not searchable: ${own}`);
    }
    assert.deepEqual(titles((await get(app, '/hoi-dap?q=chun')).body), [], 'whole words only ("chun" is not "chung")');
    const bad = await get(app, `/hoi-dap?q=${'a'.repeat(300)}`);
    assert.equal(bad.statusCode, 200);
    assert.match(bad.body, /<p class="field-error" id="hd-tim-loi">Từ khoá dài 300 ký tự/);
  });

  test('pagination: /hoi-dap/trang-2 after ten, /trang-1 redirects, beyond the last page 404', async () => {
    const { app, db, siteId } = env();
    const at = '2026-11-26T01:00:00.000Z';
    for (let i = 0; i < 4; i++) {
      await db.db.insertInto('questions').values({
        site_id: siteId, topic_id: null, kind: 'question', title: `Câu hỏi phân trang ${i}`, body: `Nội dung phân trang ${i}`, body_hash: `trang-${i}`,
        asker_name: 'Ẩn', asker_phone: '', asker_email: 'an@example.vn', asker_address: '', tracking_hash: `test-trang-${i}`, status: 'answered',
        reject_reason: '', answer: 'Trả lời.', answered_at: at, answered_by: null, assignee_id: null, published: 1, published_at: at,
        slug: `cau-hoi-phan-trang-${i}`, search_text: searchTextOf(`Câu hỏi phân trang ${i}`), visitor: '', created_at: at, updated_at: at,
      }).execute();
    }
    const first = await get(app, '/hoi-dap');
    assert.equal(titles(first.body).length, 10);
    assert.match(first.body, /<a href="\/hoi-dap\/trang-2" rel="next">Sau »<\/a>/);
    const second = await get(app, '/hoi-dap/trang-2');
    assert.equal(second.statusCode, 200);
    assert.equal(titles(second.body).length, 2);
    assert.equal((await get(app, '/hoi-dap/trang-1')).headers.location, '/hoi-dap');
    assert.equal((await get(app, '/hoi-dap/trang-3')).statusCode, 404);
    await db.db.deleteFrom('questions').where('tracking_hash', 'like', 'test-trang-%').execute();
  });

  test('one Q&A: canonical redirect, question and answer dates in Vietnamese, QAPage JSON-LD; others 404', async () => {
    const { app, db, siteId, otherSiteId } = env();
    const q = await db.db.selectFrom('questions').selectAll().where('site_id', '=', siteId).where('title', 'like', 'Đăng ký khai sinh%').executeTakeFirstOrThrow();
    const path = `/hoi-dap/${q.slug}-${q.id}`;
    for (const wrong of [`/hoi-dap/sai-${q.id}`, `/hoi-dap/${q.id}`]) {
      const r = await get(app, wrong);
      assert.equal(r.statusCode, 301, wrong);
      assert.equal(r.headers.location, path);
    }
    const page = await get(app, path);
    assert.equal(page.statusCode, 200);
    const t = text(page.body);
    assert.match(t, /Công dân hỏi ngày 20 tháng 09 năm 2026/);
    assert.match(t, /trả lời ngày 23 tháng 09 năm 2026/);
    const ld = [...page.body.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]!));
    const qa = ld.find((d) => d['@type'] === 'QAPage');
    assert.ok(qa);
    assert.equal(qa.mainEntity.name, q.title);
    assert.equal(qa.mainEntity.acceptedAnswer['@type'], 'Answer');
    assert.equal(qa.mainEntity.author.name, 'Công dân');
    const open = await db.db.selectFrom('questions').select('id').where('site_id', '=', siteId).where('status', '!=', 'answered').executeTakeFirstOrThrow();
    assert.equal((await get(app, `/hoi-dap/x-${open.id}`)).statusCode, 404, 'unanswered');
    const theirs = await db.db.selectFrom('questions').select(['id', 'slug']).where('site_id', '=', otherSiteId).where('published', '=', 1).executeTakeFirstOrThrow();
    assert.equal((await get(app, `/hoi-dap/${theirs.slug}-${theirs.id}`)).statusCode, 404, 'another site\'s');
    assert.equal((await get(app, `/hoi-dap/${theirs.slug}-${theirs.id}`, nhl)).statusCode, 200);
    assert.equal((await get(app, '/hoi-dap/khong-co-so')).statusCode, 404);
  });

  test('RSS, sitemap and the "Hỏi đáp" group of /tim-kiem', async () => {
    const { app, db, siteId } = env();
    const rss = await get(app, '/hoi-dap/rss.xml');
    assert.equal(rss.statusCode, 200);
    assert.match(rss.headers['content-type'] as string, /application\/rss\+xml/);
    assert.equal((rss.body.match(/<item>/g) ?? []).length, 8);
    assert.ok(rss.body.includes('Diện tích tối thiểu được tách thửa đất ở'));
    assert.ok(!rss.body.includes('Thay đổi họ tên'));
    const q = await db.db.selectFrom('questions').select(['id', 'slug']).where('site_id', '=', siteId).where('published', '=', 1).executeTakeFirstOrThrow();
    const sitemap = await get(app, '/sitemap.xml');
    assert.ok(sitemap.body.includes(`<loc>http://${NAM_HONG_LINH}/hoi-dap</loc>`));
    assert.ok(sitemap.body.includes(`<loc>http://${NAM_HONG_LINH}/hoi-dap/${q.slug}-${q.id}</loc>`));
    assert.ok(sitemap.body.includes(`/hoi-dap/chu-de/moi-truong</loc>`));
    assert.ok(!(await get(app, '/sitemap.xml', nhl)).body.includes(`/hoi-dap/${q.slug}-${q.id}<`), 'not in the other site\'s sitemap');
    const search = await get(app, '/tim-kiem?q=khai+sinh');
    assert.match(search.body, /Hỏi đáp \(1\)/);
    assert.match(search.body, /href="\/hoi-dap\/dang-ky-khai-sinh-cho-con-khi-bo-me-chua-dang-ky-ket-hon-\d+"/);
    assert.doesNotMatch((await get(app, '/tim-kiem?q=khai+sinh', nhl)).body, /Đăng ký khai sinh cho con khi bố mẹ/);
  });

  test('no name, phone, email or address of any asker appears on any public page, feed or search', async () => {
    const { app, db } = env();
    const rows = await db.db.selectFrom('questions').select(['id', 'slug', 'asker_name', 'asker_phone', 'asker_email', 'asker_address', 'published', 'site_id']).execute();
    const secrets = rows.flatMap((r) => [r.asker_name, r.asker_phone, r.asker_email, r.asker_address]).filter((s) => s.length > 3);
    assert.ok(secrets.length > 20);
    const urls = ['/hoi-dap', '/hoi-dap/rss.xml', '/sitemap.xml', '/hoi-dap/chu-de/moi-truong', '/tim-kiem?q=dat', '/tim-kiem?q=khai+sinh', '/hoi-dap?q=xin+hoi', '/hoi-dap/tra-cuu', ...rows.filter((r) => r.published).map((r) => `/hoi-dap/${r.slug}-${r.id}`)];
    for (const host of [NAM_HONG_LINH, BAC_HONG_LINH]) {
      for (const url of urls) {
        const body = (await get(app, url, { host })).body;
        for (const s of secrets) assert.ok(!body.includes(s), `${host}${url} shows "${s}"`);
      }
    }
  });
});
