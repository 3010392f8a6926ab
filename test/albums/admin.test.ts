import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AdminClient, makeUser } from '../helpers/admin.js';
import { buildTestApp, BAC_HONG_LINH, NAM_HONG_LINH } from '../helpers/app.js';
import { describeEachDb, type TestDb } from '../helpers/db.js';
import { fieldError, lastAudit } from '../site-admin/helpers.js';

const ADMIN = '/quan-tri/thu-vien-anh';

async function setup(db: TestDb) {
  const app = await buildTestApp(db);
  await makeUser(db.db, 'bientap', [{ siteId: 1, role: 'editor' }]);
  await makeUser(db.db, 'kiemduyet', [{ siteId: 1, role: 'moderator' }]);
  await makeUser(db.db, 'quantri2', [{ siteId: 2, role: 'site_admin' }]);
  const images = await db.db.selectFrom('media').select(['id', 'site_id']).where('kind', '=', 'image').orderBy('id').execute();
  return {
    app,
    editor: await AdminClient.login(app, NAM_HONG_LINH, 'bientap'),
    moderator: await AdminClient.login(app, NAM_HONG_LINH, 'kiemduyet'),
    other: await AdminClient.login(app, BAC_HONG_LINH, 'quantri2'),
    ownImage: images.find((i) => i.site_id === 1)!.id,
    otherImage: images.find((i) => i.site_id === 2)!.id,
  };
}

const count = async (db: TestDb, table: 'albums' | 'album_photos') => Number((await db.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const positions = async (db: TestDb, albumId: number) =>
  (await db.db.selectFrom('album_photos').select(['position', 'caption']).where('album_id', '=', albumId).orderBy('position').execute());

describeEachDb('back office: Thư viện ảnh', setup, (ctx) => {
  async function newAlbum(title = 'Hội thi nấu ăn phụ nữ phường') {
    const { editor } = ctx();
    const res = await editor.post(`${ADMIN}/moi`, { title, description: 'Ngày 8/3', taken_on: '08/03/2027', published: '1' });
    assert.equal(res.statusCode, 303, res.body.slice(0, 500));
    return Number(/\/(\d+)/.exec(String(res.headers.location))![1]);
  }

  test('bad album input: Vietnamese messages, typed text back, nothing stored', async () => {
    const { editor, db } = ctx();
    const before = await count(db, 'albums');
    const cases: [Record<string, string>, string, string][] = [
      [{ title: '   ', description: 'Mô tả còn giữ', taken_on: '' }, 'title', 'Vui lòng nhập tên album.'],
      [{ title: 'Album', description: '', taken_on: '31/02/2027' }, 'taken_on', 'Ngày chụp không hợp lệ, ví dụ 23/11/2026.'],
      [{ title: 'x'.repeat(201), description: '', taken_on: '' }, 'title', 'Tên album dài tối đa 200 ký tự (hiện có 201).'],
    ];
    for (const [form, field, message] of cases) {
      const res = await editor.post(`${ADMIN}/moi`, form);
      assert.equal(res.statusCode, 422);
      assert.equal(fieldError(res.body, field), message);
      if (form.description) assert.match(res.body, /Mô tả còn giữ/);
      if (form.taken_on) assert.match(res.body, /value="31\/02\/2027"/);
    }
    assert.equal(await count(db, 'albums'), before);
  });

  test('an album is created, edited and deleted, each with its audit row; its public page follows at once', async () => {
    const { editor, db, app, ownImage } = ctx();
    const id = await newAlbum();
    const created = await lastAudit(db, 'album.create');
    assert.equal(created.after.title, 'Hội thi nấu ăn phụ nữ phường');
    assert.equal(created.after.taken_on, '2027-03-08');
    const list = await app.inject({ url: '/thu-vien-anh', headers: { host: NAM_HONG_LINH } });
    assert.match(list.body, /Hội thi nấu ăn phụ nữ phường/);
    assert.equal((await editor.post(`${ADMIN}/${id}/anh`, { media_id: String(ownImage), alt: 'Các đội thi bên bếp', caption: 'Đội tổ dân phố 3' })).statusCode, 303);
    const url = `/thu-vien-anh/hoi-thi-nau-an-phu-nu-phuong-${id}`;
    assert.match((await app.inject({ url, headers: { host: NAM_HONG_LINH } })).body, /Đội tổ dân phố 3/);
    // A change is seen on the cached pages immediately (purged).
    assert.equal((await editor.post(`${ADMIN}/${id}`, { title: 'Hội thi nấu ăn ngày 8/3', description: '', taken_on: '2027-03-08', published: '1' })).statusCode, 303);
    const updated = await lastAudit(db, 'album.update');
    assert.equal(updated.before.title, 'Hội thi nấu ăn phụ nữ phường');
    assert.equal(updated.after.title, 'Hội thi nấu ăn ngày 8/3');
    assert.equal((await app.inject({ url, headers: { host: NAM_HONG_LINH } })).statusCode, 301);
    assert.match((await app.inject({ url: '/thu-vien-anh', headers: { host: NAM_HONG_LINH } })).body, /Hội thi nấu ăn ngày 8\/3/);
    assert.equal((await editor.post(`${ADMIN}/${id}/xoa`)).statusCode, 303);
    const deleted = await lastAudit(db, 'album.delete');
    assert.equal(deleted.before.photos.length, 1);
    assert.equal((await app.inject({ url: `/thu-vien-anh/hoi-thi-nau-an-ngay-8-3-${id}`, headers: { host: NAM_HONG_LINH } })).statusCode, 404);
    // The image stays in the library.
    assert.ok(await db.db.selectFrom('media').select('id').where('id', '=', ownImage).executeTakeFirst());
  });

  test('a photo needs its alt text and an image of the site\'s own library; the form comes back as typed', async () => {
    const { editor, db, otherImage } = ctx();
    const id = await newAlbum('Album kiểm tra ảnh');
    const before = await count(db, 'album_photos');
    const noAlt = await editor.post(`${ADMIN}/${id}/anh`, { media_id: '1', alt: '  ', caption: 'Chú thích đã gõ' });
    assert.equal(noAlt.statusCode, 422);
    assert.equal(fieldError(noAlt.body, 'alt'), 'Vui lòng nhập mô tả ảnh cho người khiếm thị (văn bản thay thế).');
    assert.match(noAlt.body, /Chú thích đã gõ/);
    const notId = await editor.post(`${ADMIN}/${id}/anh`, { media_id: 'abc', alt: 'Mô tả', caption: '' });
    assert.equal(fieldError(notId.body, 'media_id'), 'Mã ảnh phải là một số, ví dụ 42.');
    assert.match(notId.body, /value="abc"/);
    const foreign = await editor.post(`${ADMIN}/${id}/anh`, { media_id: String(otherImage), alt: 'Mô tả', caption: '' });
    assert.equal(foreign.statusCode, 422);
    assert.equal(fieldError(foreign.body, 'media_id'), 'Không tìm thấy ảnh với mã này trong Thư viện tệp của trang.');
    assert.equal(await count(db, 'album_photos'), before);
  });

  test('photos added at the same time get distinct positions; removing one closes the gap', async () => {
    const { editor, db, ownImage } = ctx();
    const id = await newAlbum('Album thêm ảnh song song');
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => editor.post(`${ADMIN}/${id}/anh`, { media_id: String(ownImage), alt: `Ảnh ${i + 1}`, caption: `Chú thích ${i + 1}` })),
    );
    assert.deepEqual(results.map((r) => r.statusCode), [303, 303, 303, 303, 303, 303]);
    assert.deepEqual((await positions(db, id)).map((p) => p.position), [1, 2, 3, 4, 5, 6]);
    const third = await db.db.selectFrom('album_photos').select(['id', 'caption']).where('album_id', '=', id).where('position', '=', 3).executeTakeFirstOrThrow();
    assert.equal((await editor.post(`${ADMIN}/anh/${third.id}/xoa`)).statusCode, 303);
    const after = await positions(db, id);
    assert.deepEqual(after.map((p) => p.position), [1, 2, 3, 4, 5]);
    assert.ok(!after.some((p) => p.caption === third.caption));
    assert.equal((await lastAudit(db, 'album.photo_remove')).before.id, third.id);
    assert.equal((await lastAudit(db, 'album.photo_add')).after.album_id, id);
  });

  test('a library image in an album cannot be deleted: the refusal names the album', async () => {
    const { editor, db } = ctx();
    const used = await db.db.selectFrom('album_photos').select('media_id').where('site_id', '=', 1).executeTakeFirstOrThrow();
    const res = await editor.post(`/quan-tri/thu-vien/${used.media_id}/xoa`);
    assert.match(res.body, /đang được dùng trong [^<]*album ảnh “/);
    assert.ok(await db.db.selectFrom('media').select('id').where('id', '=', used.media_id).executeTakeFirst());
  });

  test('who may: a moderator is refused; another site\'s admin cannot reach this site\'s albums', async () => {
    const { moderator, other, db } = ctx();
    assert.equal((await moderator.get(ADMIN)).statusCode, 403);
    assert.equal((await moderator.post(`${ADMIN}/moi`, { title: 'Không được' })).statusCode, 403);
    const album = await db.db.selectFrom('albums').select('id').where('site_id', '=', 1).executeTakeFirstOrThrow();
    assert.equal((await other.get(`${ADMIN}/${album.id}`)).statusCode, 404);
    assert.equal((await other.post(`${ADMIN}/${album.id}/xoa`)).statusCode, 404);
    assert.ok(await db.db.selectFrom('albums').select('id').where('id', '=', album.id).executeTakeFirst());
  });
});
