import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AdminClient, makeUser } from '../helpers/admin.js';
import { buildTestApp, BAC_HONG_LINH, NAM_HONG_LINH } from '../helpers/app.js';
import { describeEachDb, type TestDb } from '../helpers/db.js';
import { fieldError, lastAudit } from '../site-admin/helpers.js';

async function setup(db: TestDb) {
  const app = await buildTestApp(db);
  await makeUser(db.db, 'bientap', [{ siteId: 1, role: 'editor' }]);
  await makeUser(db.db, 'kiemduyet', [{ siteId: 1, role: 'moderator' }]);
  await makeUser(db.db, 'quantri2', [{ siteId: 2, role: 'site_admin' }]);
  const first = async (siteId: number, kind: 'image' | 'audio') =>
    (await db.db.selectFrom('media').select('id').where('site_id', '=', siteId).where('kind', '=', kind).orderBy('id').executeTakeFirstOrThrow()).id;
  return {
    app,
    editor: await AdminClient.login(app, NAM_HONG_LINH, 'bientap'),
    moderator: await AdminClient.login(app, NAM_HONG_LINH, 'kiemduyet'),
    other: await AdminClient.login(app, BAC_HONG_LINH, 'quantri2'),
    image: await first(1, 'image'),
    audio: await first(1, 'audio'),
    otherAudio: await first(2, 'audio'),
  };
}

const clips = async (db: TestDb) => Number((await db.db.selectFrom('clips').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const video = { title: 'Ra quân làm sạch môi trường', recorded_on: '20/11/2026', summary: '', youtube: '', media_id: '', poster_media_id: '', published: '1' };
const bulletin = { title: 'Bản tin sáng thứ Sáu', recorded_on: '27/11/2026', summary: 'Thông báo lịch cắt điện.', youtube: '', media_id: '', poster_media_id: '', published: '1' };

describeEachDb('back office: Video and Bản tin phát thanh', setup, (ctx) => {
  test('bad input: Vietnamese messages next to the fields, typed text back, nothing stored', async () => {
    const { editor, db, image, audio, otherAudio } = ctx();
    const before = await clips(db);
    const cases: [string, Record<string, string>, string, string][] = [
      ['/quan-tri/video/moi', { ...video, title: ' ' , youtube: 'https://youtu.be/abcDEF12345' }, 'title', 'Vui lòng nhập tiêu đề.'],
      ['/quan-tri/video/moi', { ...video }, 'media_id', 'Vui lòng nhập mã tệp video trong thư viện, hoặc địa chỉ YouTube.'],
      ['/quan-tri/video/moi', { ...video, youtube: 'https://vimeo.com/12345' }, 'youtube', 'Địa chỉ YouTube không hợp lệ, ví dụ https://www.youtube.com/watch?v=abcDEF12345.'],
      ['/quan-tri/video/moi', { ...video, youtube: 'abcDEF12345', media_id: '5' }, 'youtube', 'Chỉ chọn một: tệp video đã tải lên hoặc video YouTube.'],
      ['/quan-tri/video/moi', { ...video, media_id: String(audio) }, 'media_id', 'Không tìm thấy tệp video (MP4, WebM) với mã này trong Thư viện tệp của trang.'],
      ['/quan-tri/video/moi', { ...video, youtube: 'abcDEF12345', poster_media_id: String(audio) }, 'poster_media_id', 'Không tìm thấy ảnh với mã này trong Thư viện tệp của trang.'],
      ['/quan-tri/video/moi', { ...video, youtube: 'abcDEF12345', recorded_on: '32/11/2026' }, 'recorded_on', 'Ngày không hợp lệ, ví dụ 23/11/2026.'],
      ['/quan-tri/phat-thanh/moi', { ...bulletin, media_id: String(audio), summary: '' }, 'summary', 'Vui lòng nhập nội dung bản tin (tóm tắt hoặc toàn văn) cho người không nghe được.'],
      ['/quan-tri/phat-thanh/moi', { ...bulletin }, 'media_id', 'Vui lòng nhập mã tệp âm thanh (MP3, OGG) trong thư viện.'],
      ['/quan-tri/phat-thanh/moi', { ...bulletin, media_id: String(image) }, 'media_id', 'Không tìm thấy tệp âm thanh (MP3, OGG) với mã này trong Thư viện tệp của trang.'],
      ['/quan-tri/phat-thanh/moi', { ...bulletin, media_id: String(otherAudio) }, 'media_id', 'Không tìm thấy tệp âm thanh (MP3, OGG) với mã này trong Thư viện tệp của trang.'],
      ['/quan-tri/phat-thanh/moi', { ...bulletin, recorded_on: '' }, 'recorded_on', 'Vui lòng nhập ngày phát.'],
    ];
    for (const [url, form, field, message] of cases) {
      const res = await editor.post(url, form);
      assert.equal(res.statusCode, 422, `${url} ${field}`);
      assert.equal(fieldError(res.body, field), message);
      if (form.title.trim()) assert.match(res.body, new RegExp(`value="${form.title}"`));
    }
    assert.equal(await clips(db), before);
  });

  test('a YouTube video from a pasted address, then edited and deleted, with audit rows; the public list follows', async () => {
    const { editor, db, app, image } = ctx();
    const res = await editor.post('/quan-tri/video/moi', { ...video, youtube: 'https://www.youtube.com/watch?v=abcDEF12345&t=30s', poster_media_id: String(image) });
    assert.equal(res.statusCode, 303);
    const created = await lastAudit(db, 'video.create');
    assert.equal(created.after.youtube_id, 'abcDEF12345');
    assert.equal(created.after.recorded_on, '2026-11-20');
    const id = Number((await db.db.selectFrom('clips').select('id').where('youtube_id', '=', 'abcDEF12345').executeTakeFirstOrThrow()).id);
    const list = await app.inject({ url: '/video', headers: { host: NAM_HONG_LINH } });
    assert.match(list.body, /Ra quân làm sạch môi trường/);
    assert.equal((await editor.post(`/quan-tri/video/${id}`, { ...video, title: 'Ra quân tổng vệ sinh', youtube: 'https://youtu.be/abcDEF12345' })).statusCode, 303);
    assert.equal((await lastAudit(db, 'video.update')).before.title, 'Ra quân làm sạch môi trường');
    assert.match((await app.inject({ url: '/video', headers: { host: NAM_HONG_LINH } })).body, /Ra quân tổng vệ sinh/);
    assert.equal((await editor.post(`/quan-tri/video/${id}/xoa`)).statusCode, 303);
    assert.equal((await lastAudit(db, 'video.delete')).before.id, id);
    assert.doesNotMatch((await app.inject({ url: '/video', headers: { host: NAM_HONG_LINH } })).body, /Ra quân tổng vệ sinh/);
  });

  test('a bulletin with its audio file and text; the file cannot be deleted from the library while used', async () => {
    const { editor, db, audio } = ctx();
    assert.equal((await editor.post('/quan-tri/phat-thanh/moi', { ...bulletin, media_id: String(audio) })).statusCode, 303);
    assert.equal((await lastAudit(db, 'bulletin.create')).after.summary, 'Thông báo lịch cắt điện.');
    const refused = await editor.post(`/quan-tri/thu-vien/${audio}/xoa`);
    assert.match(refused.body, /đang được dùng trong video, bản tin “/);
  });

  test('who may: a moderator is refused; another site\'s admin cannot reach this site\'s clips', async () => {
    const { moderator, other, db } = ctx();
    assert.equal((await moderator.get('/quan-tri/video')).statusCode, 403);
    assert.equal((await moderator.post('/quan-tri/phat-thanh/moi', bulletin)).statusCode, 403);
    const clip = await db.db.selectFrom('clips').select(['id', 'kind']).where('site_id', '=', 1).where('kind', '=', 'audio').executeTakeFirstOrThrow();
    assert.equal((await other.get(`/quan-tri/phat-thanh/${clip.id}`)).statusCode, 404);
    assert.equal((await other.post(`/quan-tri/phat-thanh/${clip.id}/xoa`)).statusCode, 404);
  });
});
