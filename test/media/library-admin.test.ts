import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { allPaths } from '../../src/features/media/present.js';
import { findMedia, listMedia } from '../../src/features/media/repo.js';
import type { MediaRow } from '../../src/kernel/db/tables/media.js';
import { AdminClient, makeUser } from '../helpers/admin.js';
import { buildTestApp, NAM_HONG_LINH, BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { emptyLibrary, idFromLocation, jpeg, mp3WithId3, pdf, upload } from './fixtures.js';

const NOW = '2026-11-26T03:00:00.000Z';

describeEachDb('media library: browsing, where used, deleting', async (db) => {
  const app = await buildTestApp(db, { now: () => new Date(NOW) });
  await emptyLibrary(db.db);
  await makeUser(db.db, 'bientap', [{ siteId: 1, role: 'editor' }]);
  await makeUser(db.db, 'congtacvien', [{ siteId: 1, role: 'contributor' }]);
  await makeUser(db.db, 'quantri2', [{ siteId: 2, role: 'site_admin' }]);
  const editor = await AdminClient.login(app, NAM_HONG_LINH, 'bientap');
  const contributor = await AdminClient.login(app, NAM_HONG_LINH, 'congtacvien');
  const otherSite = await AdminClient.login(app, BAC_HONG_LINH, 'quantri2');
  const stored = async (res: { statusCode: number; headers: Record<string, unknown> }) => {
    assert.equal(res.statusCode, 303);
    return db.db.selectFrom('media').selectAll().where('id', '=', idFromLocation(res.headers.location)).executeTakeFirstOrThrow();
  };
  const photo = await stored(await upload(editor, { name: 'Cổng UBND thị xã Hồng Lĩnh.jpg', data: await jpeg(1200, 800, 95) }, { alt: 'Cổng trụ sở' }));
  const cover = await stored(await upload(editor, { name: 'Ảnh bìa.jpg', data: await jpeg(900, 600, 95) }, { alt: 'Bìa' }));
  const anthem = await stored(await upload(editor, { name: 'Quê hương Hà Tĩnh.mp3', data: mp3WithId3() }));
  const spare = await stored(await upload(contributor, { name: 'Ảnh thừa.jpg', data: await jpeg(1000, 700, 95) }, { alt: 'Thừa' }));
  const category = await db.db.selectFrom('categories').select('id').where('site_id', '=', 1).executeTakeFirstOrThrow();
  const article = (title: string, body: string, coverId: number | null = null) => ({
    site_id: 1, category_id: category.id, title, slug: 'x', sapo: '', body_html: body, author: '', source: '', status: 'published' as const,
    published_at: NOW, updated_at: NOW, featured: 0, legacy_id: null, cover_media_id: coverId,
  });
  // The body links a resized WebP copy, not the main file: that is a use too.
  const webp480 = allPaths(photo).find((p) => p.endsWith('-480.webp'))!;
  await db.db.insertInto('articles').values([
    article('Khánh thành trụ sở mới', `<p>Ảnh:</p><img src="/media/${webp480}" alt="Cổng">`),
    article('Hội nghị "Dân vận khéo"', `<p><img src="https://namhonglinh.gov.vn/media/${photo.disk_path}"></p>`),
    article('Bài có ảnh bìa', '<p>Nội dung</p>', cover.id),
  ]).execute();
  await db.db.insertInto('songs').values({ site_id: 1, title: 'Quê hương Hà Tĩnh', artist: '', file_path: anthem.disk_path, mime: 'audio/mpeg', position: 9 }).execute();
  return { app, editor, contributor, otherSite, photo, cover, anthem, spare };
}, (get) => {
  const filesOf = (m: MediaRow) => allPaths(m).map((p) => join(get().db.dataDir, 'media', p));

  test('the library lists thumbnails; search is folded ("hong linh" finds "Hồng Lĩnh"); kinds filter', async () => {
    const { editor, photo, anthem } = get();
    const all = await editor.get('/quan-tri/thu-vien');
    assert.equal(all.statusCode, 200);
    assert.match(all.body, /-480\.webp" alt="Cổng trụ sở" loading="lazy" width="160" height="107"/);
    assert.match(all.body, /Quê hương Hà Tĩnh/);
    const found = await editor.get('/quan-tri/thu-vien?q=hong+linh');
    assert.match(found.body, new RegExp(`/quan-tri/thu-vien/${photo.id}"`));
    assert.doesNotMatch(found.body, new RegExp(`/quan-tri/thu-vien/${anthem.id}"`));
    assert.match((await editor.get('/quan-tri/thu-vien?q=C%E1%BB%95ng+UBND')).body, /Cổng UBND thị xã Hồng Lĩnh/);
    const audio = await editor.get('/quan-tri/thu-vien?loai=am-thanh');
    assert.match(audio.body, new RegExp(`/quan-tri/thu-vien/${anthem.id}"`));
    assert.doesNotMatch(audio.body, new RegExp(`/quan-tri/thu-vien/${photo.id}"`));
    assert.match((await editor.get('/quan-tri/thu-vien?q=khong+co+tep+nay')).body, /Không có tệp nào phù hợp\./);
  });

  test('the list pages through older files with a cursor', async () => {
    const { editor, db } = get();
    const rows = Array.from({ length: 30 }, (_, i) => ({
      site_id: 1, kind: 'document' as const, original_name: `Công văn ${i}.pdf`, title: `Công văn số ${i}`, name_fold: `cong van so ${i}`,
      disk_path: `namhonglinh/2025/01/00000000${String(i).padStart(2, '0')}-cong-van.pdf`, mime: 'application/pdf', bytes: 10, width: null, height: null,
      uploaded_by: null, created_at: `2025-01-01T00:00:${String(i).padStart(2, '0')}.000Z`,
    }));
    await db.db.insertInto('media').values(rows).execute();
    const first = await editor.get('/quan-tri/thu-vien?q=cong+van&loai=tai-lieu');
    assert.equal((first.body.match(/Công văn số \d+/g) ?? []).length, 24);
    assert.match(first.body, /Công văn số 29</);
    const next = /href="([^"]+sau=[^"]+)" rel="next"/.exec(first.body)![1]!.replace(/&amp;/g, '&');
    assert.match(next, /loai=tai-lieu/);
    const second = await editor.get(next);
    assert.deepEqual(second.body.match(/Công văn số \d+/g), ['Công văn số 5', 'Công văn số 4', 'Công văn số 3', 'Công văn số 2', 'Công văn số 1', 'Công văn số 0']);
    assert.match(second.body, /Đã hết danh sách\./);
    assert.match(second.body, /Về đầu danh sách/);
  });

  test('details show where a file is used: article bodies (any size of it), covers, songs', async () => {
    const { editor, photo, cover, anthem } = get();
    const page = await editor.get(`/quan-tri/thu-vien/${photo.id}`);
    assert.match(page.body, /Bài viết: <a href="\/quan-tri\/bai-viet\/\d+">Khánh thành trụ sở mới<\/a>/);
    assert.match(page.body, /Hội nghị &quot;Dân vận khéo&quot;/);
    assert.match((await editor.get(`/quan-tri/thu-vien/${cover.id}`)).body, /Bài có ảnh bìa/);
    assert.match((await editor.get(`/quan-tri/thu-vien/${anthem.id}`)).body, /Bài hát: Quê hương Hà Tĩnh/);
  });

  test('a file in use is not deleted: the refusal lists the uses in Vietnamese', async () => {
    const { editor, photo, cover, anthem, db } = get();
    const res = await editor.post(`/quan-tri/thu-vien/${photo.id}/xoa`);
    assert.equal(res.statusCode, 409);
    assert.ok(res.body.includes('Không thể xóa tệp này vì đang được dùng trong bài viết “Khánh thành trụ sở mới”, “Hội nghị &quot;Dân vận khéo&quot;”.'), res.body.slice(0, 200));
    assert.match((await editor.post(`/quan-tri/thu-vien/${cover.id}/xoa`)).body, /đang được dùng trong bài viết “Bài có ảnh bìa”/);
    assert.match((await editor.post(`/quan-tri/thu-vien/${anthem.id}/xoa`)).body, /đang được dùng trong bài hát “Quê hương Hà Tĩnh”/);
    for (const m of [photo, cover, anthem]) {
      assert.ok(await findMedia(db.db, 1, m.id), 'the row is still there');
      assert.ok(filesOf(m).every((f) => existsSync(f)), 'the files are still there');
    }
    const audits = await db.db.selectFrom('audit_log').select('action').where('action', '=', 'media.delete').execute();
    assert.equal(audits.length, 0);
  });

  test('a contributor cannot delete, even their own upload, and sees no delete button', async () => {
    const { contributor, spare } = get();
    assert.doesNotMatch((await contributor.get(`/quan-tri/thu-vien/${spare.id}`)).body, /Xóa tệp/);
    assert.equal((await contributor.post(`/quan-tri/thu-vien/${spare.id}/xoa`)).statusCode, 403);
    assert.ok(filesOf(spare).every((f) => existsSync(f)));
  });

  test("another site's admin can neither see nor delete this site's files", async () => {
    const { otherSite, spare, db } = get();
    assert.equal((await otherSite.get(`/quan-tri/thu-vien/${spare.id}`)).statusCode, 404);
    assert.equal((await otherSite.post(`/quan-tri/thu-vien/${spare.id}/xoa`)).statusCode, 404);
    assert.doesNotMatch((await otherSite.get('/quan-tri/thu-vien')).body, /Ảnh thừa/);
    assert.deepEqual(await listMedia(db.db, 2, { limit: 100 }), []);
  });

  test('an unused file is deleted with its variants, an audit row is written, its URL is gone', async () => {
    const { editor, spare, db, app } = get();
    const files = filesOf(spare);
    assert.ok(files.length > 1, 'it has variants');
    assert.equal((await editor.post(`/quan-tri/thu-vien/${spare.id}/xoa`, {}, { csrf: null })).statusCode, 403, 'CSRF applies');
    const res = await editor.post(`/quan-tri/thu-vien/${spare.id}/xoa`);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/quan-tri/thu-vien?tb=da-xoa');
    assert.match((await editor.get('/quan-tri/thu-vien?tb=da-xoa')).body, /Đã xóa tệp\./);
    assert.equal(await findMedia(db.db, 1, spare.id), undefined);
    assert.ok(files.every((f) => !existsSync(f)), 'all its files are removed');
    const audit = await db.db.selectFrom('audit_log').selectAll().where('action', '=', 'media.delete').executeTakeFirstOrThrow();
    assert.equal(audit.entity_id, String(spare.id));
    assert.equal(JSON.parse(audit.before_json!).disk_path, spare.disk_path);
    const gone = await app.inject({ url: `/media/${spare.disk_path}`, headers: { host: NAM_HONG_LINH } });
    assert.equal(gone.statusCode, 404);
    assert.equal((await editor.post(`/quan-tri/thu-vien/${spare.id}/xoa`)).statusCode, 404);
  });

  test('a PDF that nothing links can be deleted by an editor', async () => {
    const { editor, db } = get();
    const res = await upload(editor, { name: 'Tạm.pdf', data: pdf() });
    const id = idFromLocation(res.headers.location);
    assert.equal((await editor.post(`/quan-tri/thu-vien/${id}/xoa`)).statusCode, 303);
    assert.equal(await findMedia(db.db, 1, id), undefined);
  });
});
