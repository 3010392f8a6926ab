import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { UPLOAD_LIMITS } from '../../src/features/media/commands/upload-media.js';
import { describeEachDb } from '../helpers/db.js';
import { count, fieldError, lastAudit, mp3, ogg, publicGet, setupSiteAdmin, uploadSong } from './helpers.js';

const LINKS = '/quan-tri/trang-web/lien-ket';
const SONGS = '/quan-tri/trang-web/bai-hat';
const MAP = '/quan-tri/trang-web/ban-do';
const sidebarOf = (html: string) => /<aside class="sidebar"[\s\S]*?<\/aside>/.exec(html)![0];

describeEachDb('managing the widgets: links, songs, map', setupSiteAdmin, (get) => {
  test('links: only http(s) addresses; a new link appears in every cached page\'s drop-down, in order', async () => {
    const { admin, app, db } = get();
    const before = await count(db, 'links', 1);
    for (const [url, msg] of [
      ['javascript:alert(1)', 'Địa chỉ website phải bắt đầu bằng https:// hoặc http://.'],
      ['ftp://hatinh.gov.vn', 'Địa chỉ website phải bắt đầu bằng https:// hoặc http://.'],
      ['hatinh.gov.vn', 'Địa chỉ website không hợp lệ, ví dụ https://hatinh.gov.vn.'],
      ['', 'Vui lòng nhập địa chỉ website.'],
    ]) {
      const res = await admin.post(LINKS, { title: 'Sở Tư pháp', url: url! });
      assert.equal(res.statusCode, 422, url);
      assert.equal(fieldError(res.body, 'url'), msg, url);
      assert.match(res.body, /value="Sở Tư pháp"/);
    }
    assert.equal(fieldError((await admin.post(LINKS, { title: ' ', url: 'https://stp.hatinh.gov.vn' })).body, 'title'), 'Vui lòng nhập tên website.');
    assert.equal(await count(db, 'links', 1), before);

    assert.doesNotMatch(sidebarOf((await publicGet(app, '/')).body), /Sở Tư pháp/);
    assert.equal((await admin.post(LINKS, { title: 'Sở Tư pháp Hà Tĩnh', url: 'https://stp.hatinh.gov.vn' })).statusCode, 303);
    const link = await db.db.selectFrom('links').selectAll().where('site_id', '=', 1).where('title', '=', 'Sở Tư pháp Hà Tĩnh').executeTakeFirstOrThrow();
    assert.equal(link.url, 'https://stp.hatinh.gov.vn/');
    let side = sidebarOf((await publicGet(app, '/')).body);
    assert.match(side, /data-url="https:\/\/stp\.hatinh\.gov\.vn\/">Sở Tư pháp Hà Tĩnh</);
    assert.deepEqual((await lastAudit(db, 'link.create')).after, { title: 'Sở Tư pháp Hà Tĩnh', url: 'https://stp.hatinh.gov.vn/' });

    await admin.post(`${LINKS}/${link.id}/len`);
    side = sidebarOf((await publicGet(app, '/')).body);
    const titles = [...side.matchAll(/data-url="[^"]*">([^<]+)</g)].map((m) => m[1]);
    assert.equal(titles[titles.length - 2], 'Sở Tư pháp Hà Tĩnh');

    assert.equal((await admin.post(`${LINKS}/${link.id}`, { title: 'Sở Tư pháp', url: 'http://stp.hatinh.gov.vn/gioi-thieu' })).statusCode, 303);
    assert.match(sidebarOf((await publicGet(app, '/')).body), />Sở Tư pháp</);
    assert.equal((await lastAudit(db, 'link.update')).before.title, 'Sở Tư pháp Hà Tĩnh');
    assert.equal((await admin.post(`${LINKS}/${link.id}/xoa`)).statusCode, 303);
    assert.doesNotMatch(sidebarOf((await publicGet(app, '/')).body), /Sở Tư pháp/);
    assert.equal(await count(db, 'links', 1), before);
  });

  test('songs: bad uploads are refused with the typed text kept and nothing stored', async () => {
    const { admin, db } = get();
    const [songs, media] = [await count(db, 'songs', 1), await count(db, 'media', 1)];
    const noFile = await uploadSong(admin, { title: 'Hồng Lĩnh quê tôi', artist: 'Tốp ca' });
    assert.equal(noFile.statusCode, 422);
    assert.equal(fieldError(noFile.body, 'file'), 'Vui lòng chọn tệp bài hát (MP3 hoặc OGG).');
    assert.match(noFile.body, /value="Hồng Lĩnh quê tôi"/);
    const fake = await uploadSong(admin, { title: 'Giả mạo', artist: '' }, { name: 'bai-hat.mp3', data: Buffer.from('<html><script>alert(1)</script></html>') });
    assert.equal(fieldError(fake.body, 'file'), 'Tệp đã chọn không phải bài hát MP3 hoặc OGG.');
    const noTitle = await uploadSong(admin, { title: '', artist: 'Ca sĩ A' }, { name: 'a.mp3', data: mp3() });
    assert.equal(fieldError(noTitle.body, 'title'), 'Vui lòng nhập tên bài hát.');
    assert.match(noTitle.body, /value="Ca sĩ A"/);
    assert.deepEqual([await count(db, 'songs', 1), await count(db, 'media', 1)], [songs, media]);
  });

  test('songs: the upload is refused without a valid CSRF token, and by non-admins, before anything is stored', async () => {
    const { admin, editor, otherAdmin, db } = get();
    const [songs, media] = [await count(db, 'songs', 1), await count(db, 'media', 1)];
    assert.equal((await uploadSong(admin, { title: 'Không token', artist: '' }, { name: 'a.mp3', data: mp3() }, null)).statusCode, 403);
    assert.equal((await uploadSong(admin, { title: 'Token sai', artist: '' }, { name: 'a.mp3', data: mp3() }, 'sai-token-sai-token')).statusCode, 403);
    assert.equal((await uploadSong(editor, { title: 'Biên tập', artist: '' }, { name: 'a.mp3', data: mp3() })).statusCode, 403);
    assert.equal((await uploadSong(otherAdmin, { title: 'Trang khác', artist: '' }, { name: 'a.mp3', data: mp3() })).statusCode, 403);
    assert.deepEqual([await count(db, 'songs', 1), await count(db, 'media', 1)], [songs, media]);
  });

  test('songs: too large a file is refused with a Vietnamese message', async () => {
    const { admin, db } = get();
    const limit = UPLOAD_LIMITS.audio;
    UPLOAD_LIMITS.audio = 2000;
    const media = await count(db, 'media', 1); // the demo's pictures
    try {
      const res = await uploadSong(admin, { title: 'Bài dài', artist: '' }, { name: 'dai.mp3', data: mp3(10) });
      assert.equal(res.statusCode, 422);
      assert.match(fieldError(res.body, 'file')!, /^Tệp quá lớn/);
      assert.equal(await count(db, 'media', 1), media);
    } finally {
      UPLOAD_LIMITS.audio = limit;
    }
  });

  test('songs: an MP3 (bigger than a form post) and an OGG upload go to the playlist of every cached page', async () => {
    const { admin, app, db } = get();
    await publicGet(app, '/');
    const big = mp3(800);
    assert.ok(big.length > 256 * 1024);
    const res = await uploadSong(admin, { title: 'Hồng Lĩnh quê tôi', artist: 'Tốp ca nam nữ' }, { name: '../../etc/passwd.mp3', data: big });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    assert.equal(res.headers.location, `${SONGS}?tb=da-tai-len`);
    const song = await db.db.selectFrom('songs').selectAll().where('site_id', '=', 1).where('title', '=', 'Hồng Lĩnh quê tôi').executeTakeFirstOrThrow();
    assert.equal(song.mime, 'audio/mpeg');
    assert.match(song.file_path, /^namhonglinh\/[a-z0-9/_-]+\.mp3$/, 'a name we made, inside the site\'s folder');
    assert.doesNotMatch(song.file_path, /\.\.|\/etc\//);
    assert.ok(readFileSync(join(db.dataDir, 'media', song.file_path)).equals(big));
    const side = sidebarOf((await publicGet(app, '/')).body);
    assert.match(side, new RegExp(`href="/bai-hat/${song.id}"[^>]*data-title="Hồng Lĩnh quê tôi"`));
    const served = await publicGet(app, `/bai-hat/${song.id}`);
    assert.equal(served.statusCode, 200);
    assert.equal(served.headers['content-type'], 'audio/mpeg');
    const audit = await lastAudit(db, 'song.create');
    assert.equal(audit.after.title, 'Hồng Lĩnh quê tôi');
    assert.equal((await db.db.selectFrom('media').select('kind').where('id', '=', audit.after.media_id).executeTakeFirstOrThrow()).kind, 'audio');

    assert.equal((await uploadSong(admin, { title: 'Dòng sông La', artist: '' }, { name: 'song-la.ogg', data: ogg(), type: 'audio/ogg' })).statusCode, 303);
    const second = await db.db.selectFrom('songs').selectAll().where('site_id', '=', 1).where('title', '=', 'Dòng sông La').executeTakeFirstOrThrow();
    assert.equal(second.mime, 'audio/ogg');
    assert.ok(second.position > song.position, 'added at the end');
  });

  test('songs: rename, order and delete (a song-only file is removed, a library file stays)', async () => {
    const { admin, app, db } = get();
    // The OGG the upload test adds, with its file in the library (uploaded here when this test runs alone).
    if (!(await db.db.selectFrom('songs').select('id').where('site_id', '=', 1).where('title', '=', 'Dòng sông La').executeTakeFirst())) {
      assert.equal((await uploadSong(admin, { title: 'Dòng sông La', artist: '' }, { name: 'song-la.ogg', data: ogg(), type: 'audio/ogg' })).statusCode, 303);
    }
    const songs = await db.db.selectFrom('songs').selectAll().where('site_id', '=', 1).orderBy('position').orderBy('id').execute();
    const last = songs[songs.length - 1]!;
    const bad = await admin.post(`${SONGS}/${last.id}`, { title: '', artist: 'Ai đó' });
    assert.equal(fieldError(bad.body, 'title'), 'Vui lòng nhập tên bài hát.');
    assert.match(bad.body, /value="Ai đó"/);
    assert.equal((await admin.post(`${SONGS}/${last.id}`, { title: 'Dòng sông La quê em', artist: 'Đơn ca' })).statusCode, 303);
    await admin.post(`${SONGS}/${last.id}/len`);
    const side = sidebarOf((await publicGet(app, '/')).body);
    const order = [...side.matchAll(/data-title="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(order[order.length - 2], 'Dòng sông La quê em');
    assert.equal((await lastAudit(db, 'song.update')).before.title, 'Dòng sông La');

    const demo = songs[0]!;
    assert.ok(existsSync(join(db.dataDir, 'media', demo.file_path)));
    assert.equal((await admin.post(`${SONGS}/${demo.id}/xoa`)).statusCode, 303);
    assert.ok(!existsSync(join(db.dataDir, 'media', demo.file_path)), 'the demo file belonged to the song alone');
    assert.equal((await publicGet(app, `/bai-hat/${demo.id}`)).statusCode, 404);
    await admin.post(`${SONGS}/${last.id}/xoa`);
    assert.ok(existsSync(join(db.dataDir, 'media', last.file_path)), 'the library keeps its file');
    assert.doesNotMatch(sidebarOf((await publicGet(app, '/')).body), /Dòng sông La/);
    assert.equal((await lastAudit(db, 'song.delete')).before.id, last.id);
  });

  test('map settings: https tiles with {z}/{x}/{y}, a centre in Vietnam, zoom 1–19; the widget title changes everywhere', async () => {
    const { admin, app, db } = get();
    const good = { title: 'Bản đồ phường Bắc Hồng Lĩnh', tile_url: 'https://{s}.tile.example.vn/{z}/{x}/{y}.png', center_lat: '18,54', center_lng: '105.71', zoom: '15', attribution: '© OpenStreetMap' };
    const bad = await admin.post(MAP, { ...good, tile_url: 'http://tile.example.vn/{z}/{x}/{y}.png', center_lat: '48.85', center_lng: 'abc', zoom: '25', attribution: '' });
    assert.equal(bad.statusCode, 422);
    assert.equal(fieldError(bad.body, 'tile_url'), 'Địa chỉ nguồn bản đồ phải bắt đầu bằng https://.');
    assert.equal(fieldError(bad.body, 'center_lat'), 'Vĩ độ phải nằm trong lãnh thổ Việt Nam (từ 8 đến 24 độ Bắc).');
    assert.equal(fieldError(bad.body, 'center_lng'), 'Kinh độ phải là số thập phân, ví dụ 105.7105.');
    assert.equal(fieldError(bad.body, 'zoom'), 'Mức phóng to phải là số nguyên từ 1 đến 19.');
    assert.equal(fieldError(bad.body, 'attribution'), 'Vui lòng nhập ghi công nguồn bản đồ.');
    assert.match(bad.body, /value="Bản đồ phường Bắc Hồng Lĩnh"/);
    const noXyz = await admin.post(MAP, { ...good, tile_url: 'https://tile.example.vn/tiles.png' });
    assert.equal(fieldError(noXyz.body, 'tile_url'), 'Địa chỉ nguồn bản đồ phải chứa {z}, {x} và {y}.');
    assert.equal(app.cong.sites.byIdOrNull(1)!.settings.map.title, 'Bản đồ phường Nam Hồng Lĩnh', 'nothing stored');

    assert.match(sidebarOf((await publicGet(app, '/')).body), /Bản đồ phường Nam Hồng Lĩnh/);
    assert.equal((await admin.post(MAP, good)).statusCode, 303);
    const home = await publicGet(app, '/');
    assert.match(sidebarOf(home.body), /Bản đồ phường Bắc Hồng Lĩnh/);
    assert.match(String(home.headers['content-security-policy']), /img-src 'self' data: https:\/\/\*\.tile\.example\.vn/);
    const map = app.cong.sites.byIdOrNull(1)!.settings.map;
    assert.deepEqual(map, { title: 'Bản đồ phường Bắc Hồng Lĩnh', tileUrl: good.tile_url, center: [18.54, 105.71], zoom: 15, tileAttribution: '© OpenStreetMap' });
    assert.equal((await lastAudit(db, 'site.map')).before.title, 'Bản đồ phường Nam Hồng Lĩnh');
  });

  test('map markers: add, edit, order, delete; the map page and its static image follow', async () => {
    const { admin, app, db } = get();
    const office = { name: 'Trạm Y tế phường', address: 'Tổ dân phố 3', phone: '0239 3831 115', lat: '18.5401', lng: '105.7122' };
    const bad = await admin.post(`${MAP}/dia-diem`, { ...office, name: '', lat: '30', lng: '', phone: 'gọi tôi' });
    assert.equal(bad.statusCode, 422);
    assert.equal(fieldError(bad.body, 'name'), 'Vui lòng nhập tên cơ quan.');
    assert.match(fieldError(bad.body, 'lat')!, /lãnh thổ Việt Nam/);
    assert.equal(fieldError(bad.body, 'lng'), 'Vui lòng nhập kinh độ.');
    assert.match(fieldError(bad.body, 'phone')!, /Số điện thoại không hợp lệ/);
    assert.match(bad.body, /value="Tổ dân phố 3"/);
    const before = await count(db, 'map_offices', 1);

    assert.doesNotMatch((await publicGet(app, '/ban-do')).body, /Trạm Y tế phường/);
    await publicGet(app, '/ban-do/ban-do.svg');
    assert.equal((await admin.post(`${MAP}/dia-diem`, office)).statusCode, 303);
    assert.equal(await count(db, 'map_offices', 1), before + 1);
    assert.match((await publicGet(app, '/ban-do')).body, /<strong>Trạm Y tế phường<\/strong>/);
    assert.match((await publicGet(app, '/ban-do/ban-do.svg')).body, /Trạm Y tế phường/);
    const row = await db.db.selectFrom('map_offices').selectAll().where('site_id', '=', 1).where('name', '=', 'Trạm Y tế phường').executeTakeFirstOrThrow();
    assert.equal(row.lat, 18.5401);

    assert.equal((await admin.post(`${MAP}/dia-diem/${row.id}`, { ...office, name: 'Trạm Y tế' })).statusCode, 303);
    assert.equal((await admin.post(`${MAP}/dia-diem/${row.id}/len`)).statusCode, 303);
    const page = (await publicGet(app, '/ban-do')).body;
    const names = [...page.matchAll(/<li><strong>([^<]+)<\/strong>/g)].map((m) => m[1]);
    assert.equal(names[names.length - 2], 'Trạm Y tế');
    assert.equal((await lastAudit(db, 'map_office.update')).before.name, 'Trạm Y tế phường');
    assert.equal((await admin.post(`${MAP}/dia-diem/${row.id}/xoa`)).statusCode, 303);
    assert.doesNotMatch((await publicGet(app, '/ban-do')).body, /Trạm Y tế/);
    assert.equal((await lastAudit(db, 'map_office.delete')).before.name, 'Trạm Y tế');
  });

  test('an editor, or the admin of another site, gets 403 on every widget screen', async () => {
    const { editor, otherAdmin, db } = get();
    const link = await db.db.selectFrom('links').selectAll().where('site_id', '=', 1).executeTakeFirstOrThrow();
    const song = await db.db.selectFrom('songs').selectAll().where('site_id', '=', 1).executeTakeFirstOrThrow();
    const office = await db.db.selectFrom('map_offices').selectAll().where('site_id', '=', 1).executeTakeFirstOrThrow();
    for (const c of [editor, otherAdmin]) {
      for (const url of [LINKS, SONGS, MAP, `${LINKS}/${link.id}`, `${SONGS}/${song.id}`, `${MAP}/dia-diem/${office.id}`]) assert.equal((await c.get(url)).statusCode, 403, url);
      for (const url of [`${LINKS}/${link.id}/xoa`, `${SONGS}/${song.id}/xoa`, `${MAP}/dia-diem/${office.id}/xoa`, `${LINKS}/${link.id}/len`]) assert.equal((await c.post(url)).statusCode, 403, url);
      assert.equal((await c.post(MAP, { title: 'X', tile_url: 'https://a/{z}/{x}/{y}', center_lat: '18', center_lng: '105', zoom: '10', attribution: 'x' })).statusCode, 403);
    }
    assert.ok(await db.db.selectFrom('links').select('id').where('id', '=', link.id).executeTakeFirst());
    assert.ok(await db.db.selectFrom('songs').select('id').where('id', '=', song.id).executeTakeFirst());
  });
});
