import assert from 'node:assert/strict';
import { test } from 'node:test';
import sharp from 'sharp';
import { variantsOf } from '../../src/features/media/present.js';
import type { MediaRow } from '../../src/kernel/db/tables/media.js';
import { AdminClient, makeUser } from '../helpers/admin.js';
import { buildTestApp, NAM_HONG_LINH, BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { idFromLocation, jpeg, mp3WithId3, pdf, upload, xlsx } from './fixtures.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';

describeEachDb('media library: public serving', async (db) => {
  const app = await buildTestApp(db, { now: () => new Date('2026-11-26T03:00:00.000Z') });
  await makeUser(db.db, 'bientap', [{ siteId: 1, role: 'editor' }]);
  const editor = await AdminClient.login(app, NAM_HONG_LINH, 'bientap');
  const stored = async (res: { headers: Record<string, unknown> }) =>
    db.db.selectFrom('media').selectAll().where('id', '=', idFromLocation(res.headers.location)).executeTakeFirstOrThrow();
  const photo = await stored(await upload(editor, { name: 'Cầu Hồng Lĩnh.jpg', data: await jpeg(1200, 800, 95) }, { alt: 'Cầu' }));
  const report = await stored(await upload(editor, { name: 'Báo cáo tổng kết năm 2026.pdf', data: pdf() }));
  const sheet = await stored(await upload(editor, { name: 'Số liệu (quý 4).xlsx', data: xlsx() }));
  const song = await stored(await upload(editor, { name: 'Quê hương.mp3', data: mp3WithId3() }));
  return { app, photo, report, sheet, song };
}, (get) => {
  const fetch = (path: string, host = NAM_HONG_LINH, headers: Record<string, string> = {}) => get().app.inject({ url: path, headers: { host, ...headers } });
  const url = (m: MediaRow) => `/media/${m.disk_path}`;

  test('an image is served with its type, a year of immutable caching and nosniff', async () => {
    const { photo } = get();
    const res = await fetch(url(photo));
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'image/jpeg');
    assert.equal(res.headers['cache-control'], IMMUTABLE);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['content-disposition'], undefined, 'images show inline');
    assert.equal(res.rawPayload.length, Number(photo.bytes));
    assert.equal((await sharp(res.rawPayload).metadata()).width, 1200);
  });

  test('the WebP and resized variants are served too', async () => {
    const { photo } = get();
    const variants = variantsOf(photo);
    assert.ok(variants.some((v) => v.format === 'webp'));
    for (const v of variants) {
      const res = await fetch(`/media/${v.path}`);
      assert.equal(res.statusCode, 200, v.path);
      assert.equal(res.headers['content-type'], v.format === 'webp' ? 'image/webp' : 'image/jpeg');
      assert.equal(res.headers['cache-control'], IMMUTABLE);
      assert.equal(res.rawPayload.length, v.bytes);
    }
  });

  test('Range requests get 206 with the requested bytes (audio seeking, resumed downloads)', async () => {
    const { song } = get();
    const full = await fetch(url(song));
    assert.equal(full.headers['content-type'], 'audio/mpeg');
    assert.equal(full.headers['accept-ranges'], 'bytes');
    const part = await fetch(url(song), NAM_HONG_LINH, { range: 'bytes=10-19' });
    assert.equal(part.statusCode, 206);
    assert.equal(part.headers['content-range'], `bytes 10-19/${full.rawPayload.length}`);
    assert.deepEqual(part.rawPayload, full.rawPayload.subarray(10, 20));
  });

  test('documents are downloaded as attachments under their Vietnamese name', async () => {
    const { report, sheet } = get();
    const res = await fetch(url(report));
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['cache-control'], IMMUTABLE);
    assert.equal(
      res.headers['content-disposition'],
      `attachment; filename="Bao cao tong ket nam 2026.pdf"; filename*=UTF-8''${encodeURIComponent('Báo cáo tổng kết năm 2026.pdf')}`,
    );
    const x = await fetch(url(sheet));
    assert.equal(x.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.match(String(x.headers['content-disposition']), /^attachment; filename="So lieu \(quy 4\)\.xlsx"; filename\*=UTF-8''S%E1%BB%91%20li%E1%BB%87u%20%28qu%C3%BD%204%29\.xlsx$/);
  });

  test("a site serves only its own files: another site's host gets 404", async () => {
    const { photo, report } = get();
    for (const m of [photo, report]) {
      const res = await fetch(url(m), BAC_HONG_LINH);
      assert.equal(res.statusCode, 404);
      assert.notEqual(res.headers['cache-control'], IMMUTABLE);
    }
  });

  test('odd paths are 404: traversal, encoded slashes, unknown types, missing files', async () => {
    const { photo } = get();
    const name = photo.disk_path.split('/').pop()!;
    for (const path of [
      `/media/namhonglinh/../bachonglinh/2026/11/${name}`,
      `/media/namhonglinh%2F..%2Fbachonglinh/2026/11/${name}`,
      `/media/namhonglinh/2026/11/..%2F..%2F..%2Fcong.db`,
      '/media/namhonglinh/../../cong.db',
      '/media/namhonglinh/2026/11/khong-co.jpg',
      '/media/namhonglinh/2026/11/tep.exe',
      '/media/namhonglinh/2026/11/.hidden.jpg',
      '/media/HONGLINH/2026/11/x.jpg',
      '/media/',
    ]) {
      const res = await fetch(path);
      assert.equal(res.statusCode, 404, `${path} → ${res.statusCode}`);
    }
  });

  test('a document on disk but not in the library is not served', async () => {
    const res = await fetch('/media/namhonglinh/2026/11/0000000000-khong-co.pdf');
    assert.equal(res.statusCode, 404);
  });
});
