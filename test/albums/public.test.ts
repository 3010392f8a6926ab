import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp, BAC_HONG_LINH, NAM_HONG_LINH, THI_XA_HONG_LINH } from '../helpers/app.js';
import { describeEachDb, type TestDb } from '../helpers/db.js';

async function setup(db: TestDb) {
  const app = await buildTestApp(db);
  const stamp = '2026-11-30T01:00:00.000Z';
  const image = await db.db.selectFrom('media').select('id').where('site_id', '=', 1).where('kind', '=', 'image').orderBy('id').executeTakeFirstOrThrow();
  const { id: draft } = await db.db
    .insertInto('albums')
    .values({ site_id: 1, title: 'Album nháp chưa đăng', slug: 'album-nhap-chua-dang', description: '', taken_on: '', published: 0, created_at: stamp, updated_at: stamp })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.db.insertInto('album_photos').values({ site_id: 1, album_id: draft, media_id: image.id, position: 1, caption: '', alt: 'Ảnh nháp' }).execute();
  return { app, draft };
}

const get = (app: Awaited<ReturnType<typeof setup>>['app'], url: string, host = NAM_HONG_LINH) => app.inject({ url, headers: { host } });

describeEachDb('Thư viện ảnh: public pages', setup, (ctx) => {
  test('the section is in every page\'s sidebar under its label, and lists the site\'s published albums only', async () => {
    const { app } = ctx();
    const home = await get(app, '/');
    assert.match(home.body, /<a[^>]* href="\/thu-vien-anh"[^>]*>Thư viện ảnh<\/a>/);
    const res = await get(app, '/thu-vien-anh');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1 class="page-title">Thư viện ảnh<\/h1>/);
    assert.match(res.body, /Ngày hội Đại đoàn kết toàn dân tộc năm 2026/);
    assert.match(res.body, /3 ảnh · <time datetime="2026-11-18">18\/11\/2026<\/time>/);
    assert.doesNotMatch(res.body, /Album nháp chưa đăng/);
    assert.doesNotMatch(res.body, /Lễ khai giảng năm học/); // Bắc Hồng Lĩnh's
    const other = await get(app, '/thu-vien-anh', BAC_HONG_LINH);
    assert.match(other.body, /Lễ khai giảng năm học 2026 – 2027/);
    const archived = await get(app, '/thu-vien-anh', THI_XA_HONG_LINH);
    assert.match(archived.body, /Chưa có album ảnh nào\./);
  });

  test('an album shows its photos in order with their alt text, each linked to its own page', async () => {
    const { app } = ctx();
    const list = await get(app, '/thu-vien-anh');
    const href = /href="(\/thu-vien-anh\/ngay-hoi-[^"]+)"/.exec(list.body)![1]!;
    const res = await get(app, href);
    assert.equal(res.statusCode, 200);
    const links = [...res.body.matchAll(/href="(\/thu-vien-anh\/[^"]+\/anh-(\d+))"/g)].map((m) => Number(m[2]));
    assert.deepEqual(links, [1, 2, 3]);
    assert.match(res.body, /alt="Tranh minh họa: các gian hàng mái nhiều màu của chợ phường"/);
    assert.match(res.body, /Gian hàng nông sản của các tổ dân phố\./);
    assert.match(res.body, /srcset="[^"]+480w/);
  });

  test('the photo viewer works with links alone: previous and next, first and last, and a 404 past the end', async () => {
    const { app } = ctx();
    const list = await get(app, '/thu-vien-anh');
    const album = /href="(\/thu-vien-anh\/ngay-hoi-[^"]+)"/.exec(list.body)![1]!;
    const first = await get(app, `${album}/anh-1`);
    assert.equal(first.statusCode, 200);
    assert.match(first.body, /Ảnh 1\/3/);
    assert.match(first.body, /Ảnh đầu tiên/);
    assert.match(first.body, new RegExp(`href="${album}/anh-2" rel="next"`));
    const middle = await get(app, `${album}/anh-2`);
    assert.match(middle.body, new RegExp(`href="${album}/anh-1" rel="prev"`));
    assert.match(middle.body, new RegExp(`href="${album}/anh-3" rel="next"`));
    assert.match(middle.body, /<figure class="photo-view">[\s\S]*alt="Tranh minh họa: dãy phòng học[^"]*"[\s\S]*Học sinh tham gia văn nghệ chào mừng\.<\/figcaption>/);
    const last = await get(app, `${album}/anh-3`);
    assert.match(last.body, /Ảnh cuối cùng/);
    assert.equal((await get(app, `${album}/anh-4`)).statusCode, 404);
    assert.equal((await get(app, `${album}/anh-0`)).statusCode, 404);
    assert.equal((await get(app, `${album}/anh-x`)).statusCode, 404);
  });

  test('a wrong slug is a 301 to the right one; drafts, other sites\' albums and unknown ids are 404', async () => {
    const { app, draft, db } = ctx();
    const album = await db.db.selectFrom('albums').select(['id', 'slug']).where('site_id', '=', 1).where('published', '=', 1).orderBy('id').executeTakeFirstOrThrow();
    const moved = await get(app, `/thu-vien-anh/sai-ten-${album.id}`);
    assert.equal(moved.statusCode, 301);
    assert.equal(moved.headers.location, `/thu-vien-anh/${album.slug}-${album.id}`);
    const movedPhoto = await get(app, `/thu-vien-anh/${album.id}/anh-2`);
    assert.equal(movedPhoto.headers.location, `/thu-vien-anh/${album.slug}-${album.id}/anh-2`);
    assert.equal((await get(app, `/thu-vien-anh/album-nhap-chua-dang-${draft}`)).statusCode, 404);
    assert.equal((await get(app, `/thu-vien-anh/${album.slug}-${album.id}`, BAC_HONG_LINH)).statusCode, 404);
    assert.equal((await get(app, '/thu-vien-anh/khong-co-999999')).statusCode, 404);
  });

  test('the list pages by ?trang=, and a page past the end is a 404', async () => {
    const { app } = ctx();
    assert.equal((await get(app, '/thu-vien-anh?trang=1')).statusCode, 200);
    assert.equal((await get(app, '/thu-vien-anh?trang=2')).statusCode, 404);
    assert.equal((await get(app, '/thu-vien-anh?trang=abc')).statusCode, 200);
  });

  test('albums are in the sitemap and in the search, found without diacritics', async () => {
    const { app } = ctx();
    const map = await get(app, '/sitemap.xml');
    assert.match(map.body, /<loc>[^<]*\/thu-vien-anh<\/loc>/);
    assert.match(map.body, /<loc>[^<]*\/thu-vien-anh\/ngay-hoi-dai-doan-ket-toan-dan-toc-nam-2026-\d+<\/loc>/);
    assert.doesNotMatch(map.body, /album-nhap/);
    const found = await get(app, `/tim-kiem?q=${encodeURIComponent('dai doan ket')}`);
    assert.equal(found.statusCode, 200);
    assert.match(found.body, /Thư viện ảnh[\s\S]*Ngày hội Đại đoàn kết toàn dân tộc năm 2026/);
    const caption = await get(app, `/tim-kiem?q=${encodeURIComponent('gian hàng nông sản')}`);
    assert.match(caption.body, /Ngày hội Đại đoàn kết toàn dân tộc năm 2026/);
  });
});
