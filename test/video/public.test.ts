import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp, BAC_HONG_LINH, NAM_HONG_LINH, THI_XA_HONG_LINH } from '../helpers/app.js';
import { describeEachDb, type TestDb } from '../helpers/db.js';

/** A small MP4 file as the library would store it: an "ftyp" box with a video brand, then data. */
const mp4 = () => Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom\0\0\x02\0isomiso2', 'latin1'), Buffer.alloc(1000, 7)]);

async function setup(db: TestDb) {
  const app = await buildTestApp(db);
  const stamp = '2026-11-30T01:00:00.000Z';
  const data = mp4();
  const path = 'namhonglinh/2026/11/abc1234567-hop-dan.mp4';
  await db.media.put(path, data, 'video/mp4');
  const { id: mediaId } = await db.db
    .insertInto('media')
    .values({ site_id: 1, kind: 'video', original_name: 'hop-dan.mp4', title: 'Họp dân', name_fold: 'hop dan', disk_path: path, mime: 'video/mp4', bytes: data.length, width: 640, height: 360, uploaded_by: null, created_at: stamp })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: uploaded } = await db.db
    .insertInto('clips')
    .values({ site_id: 1, kind: 'video', title: 'Hội nghị tiếp xúc cử tri', slug: 'hoi-nghi-tiep-xuc-cu-tri', summary: 'Ghi hình hội nghị.', youtube_id: '', media_id: mediaId, poster_media_id: null, recorded_on: '2026-11-25', published: 1, created_at: stamp, updated_at: stamp })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { app, uploaded, path, size: data.length };
}

const get = (app: Awaited<ReturnType<typeof setup>>['app'], url: string, host = NAM_HONG_LINH, headers: Record<string, string> = {}) => app.inject({ url, headers: { host, ...headers } });

describeEachDb('Video and Bản tin phát thanh: public pages', setup, (ctx) => {
  test('"Video" is in every page\'s sidebar; the list links videos and the bulletins', async () => {
    const { app } = ctx();
    assert.match((await get(app, '/')).body, /<a[^>]* href="\/video"[^>]*>Video<\/a>/);
    const res = await get(app, '/video');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1 class="page-title">Video<\/h1>/);
    assert.match(res.body, /Phóng sự: Ngày hội Đại đoàn kết/);
    assert.match(res.body, /Hội nghị tiếp xúc cử tri/);
    assert.match(res.body, /<a href="\/phat-thanh">Bản tin phát thanh<\/a>/);
    assert.doesNotMatch(res.body, /Giới thiệu phường Bắc Hồng Lĩnh/);
    assert.match((await get(app, '/video', BAC_HONG_LINH)).body, /Giới thiệu phường Bắc Hồng Lĩnh/);
    assert.match((await get(app, '/video', THI_XA_HONG_LINH)).body, /Chưa có video nào\./);
  });

  test('a YouTube video is a plain link until clicked; only its page may frame youtube-nocookie.com', async () => {
    const { app } = ctx();
    const list = await get(app, '/video');
    const href = /href="(\/video\/phong-su-[^"]+)"/.exec(list.body)![1]!;
    const res = await get(app, href);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<a href="https:\/\/www\.youtube\.com\/watch\?v=NamHongLnh1" class="youtube-link" data-youtube-embed="https:\/\/www\.youtube-nocookie\.com\/embed\/NamHongLnh1\?autoplay=1"/);
    assert.doesNotMatch(res.body, /<iframe/);
    assert.doesNotMatch(res.body, /ytimg|src="https:\/\/www\.youtube/);
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /; frame-src https:\/\/www\.youtube-nocookie\.com$/);
    assert.equal(csp.match(/frame-src/g)?.length, 1);
    // The cached copy carries the same policy.
    const again = await get(app, href);
    assert.equal(again.headers['content-security-policy'], csp);
    for (const other of ['/', '/video', '/phat-thanh']) {
      assert.doesNotMatch(String((await get(app, other)).headers['content-security-policy']), /youtube|frame-src/, other);
    }
  });

  test('an uploaded video plays in <video controls>, served with byte ranges: 206, Accept-Ranges, Content-Range; a bad range is 416', async () => {
    const { app, uploaded, path, size } = ctx();
    const page = await get(app, `/video/hoi-nghi-tiep-xuc-cu-tri-${uploaded}`);
    assert.match(page.body, new RegExp(`<video class="video-player" controls preload="none" src="/media/${path}"`));
    assert.doesNotMatch(String(page.headers['content-security-policy']), /frame-src/);
    const whole = await get(app, `/media/${path}`);
    assert.equal(whole.statusCode, 200);
    assert.equal(whole.headers['content-type'], 'video/mp4');
    assert.equal(whole.headers['accept-ranges'], 'bytes');
    const part = await get(app, `/media/${path}`, NAM_HONG_LINH, { range: 'bytes=0-99' });
    assert.equal(part.statusCode, 206);
    assert.equal(part.headers['content-range'], `bytes 0-99/${size}`);
    assert.equal(part.rawPayload.length, 100);
    assert.equal(part.rawPayload.toString('latin1', 4, 8), 'ftyp');
    const tail = await get(app, `/media/${path}`, NAM_HONG_LINH, { range: 'bytes=-10' });
    assert.equal(tail.statusCode, 206);
    assert.equal(tail.headers['content-range'], `bytes ${size - 10}-${size - 1}/${size}`);
    for (const bad of [`bytes=${size}-`, `bytes=${size + 5}-${size + 10}`]) {
      const r = await get(app, `/media/${path}`, NAM_HONG_LINH, { range: bad });
      assert.equal(r.statusCode, 416, bad);
      assert.equal(r.headers['content-range'], `bytes */${size}`);
    }
    // Another site does not serve this site's file.
    assert.equal((await get(app, `/media/${path}`, BAC_HONG_LINH, { range: 'bytes=0-9' })).statusCode, 404);
  });

  test('a bulletin: native <audio controls>, its text and date, its file served in ranges', async () => {
    const { app } = ctx();
    const list = await get(app, '/phat-thanh');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /<h1 class="page-title">Bản tin phát thanh<\/h1>/);
    const href = /href="(\/phat-thanh\/ban-tin-phong-chong-thien-tai[^"]+)"/.exec(list.body)![1]!;
    const res = await get(app, href);
    assert.match(res.body, /Ngày phát: <time datetime="2026-11-10">10\/11\/2026<\/time>/);
    assert.match(res.body, /<h2 id="noi-dung-ban-tin" class="section-title">Nội dung bản tin<\/h2>/);
    assert.match(res.body, /Ban Chỉ huy phòng thủ dân sự phường/);
    const src = /<audio class="bulletin-player" controls preload="metadata" src="([^"]+)"/.exec(res.body)![1]!;
    const part = await get(app, src, NAM_HONG_LINH, { range: 'bytes=0-11' });
    assert.equal(part.statusCode, 206);
    assert.equal(part.headers['content-type'], 'audio/wav');
    assert.equal(part.rawPayload.toString('latin1', 0, 4), 'RIFF');
    assert.match(String(part.headers['content-range']), /^bytes 0-11\/\d+$/);
  });

  test('sitemap and search list videos and bulletins; drafts and unknown ids are 404', async () => {
    const { app, db, uploaded } = ctx();
    const map = await get(app, '/sitemap.xml');
    assert.match(map.body, /<loc>[^<]*\/video<\/loc>/);
    assert.match(map.body, /<loc>[^<]*\/phat-thanh\/ban-tin-[^<]+<\/loc>/);
    const found = await get(app, `/tim-kiem?q=${encodeURIComponent('phong thu dan su')}`);
    assert.match(found.body, /Video và phát thanh[\s\S]*Bản tin phòng chống thiên tai/);
    await db.db.updateTable('clips').set({ published: 0 }).where('id', '=', uploaded).execute();
    app.cong.pageCache.purgeSite(1);
    assert.equal((await get(app, `/video/hoi-nghi-tiep-xuc-cu-tri-${uploaded}`)).statusCode, 404);
    assert.equal((await get(app, `/phat-thanh/hoi-nghi-tiep-xuc-cu-tri-${uploaded}`)).statusCode, 404, 'a video is not a bulletin');
    assert.equal((await get(app, '/video/khong-co-999999')).statusCode, 404);
  });
});
