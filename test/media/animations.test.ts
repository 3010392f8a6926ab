import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import sharp from 'sharp';
import type { FastifyInstance } from 'fastify';
import { IMAGE_LIMITS, processImage } from '../../src/features/media/images.js';
import { AdminClient, makeUser } from '../helpers/admin.js';
import { buildTestApp, NAM_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { animatedGifWithMetadata, animatedPngWithComment, animatedWebpWithMetadata, SECRETS } from './animation-fixtures.js';
import { idFromLocation, upload } from './fixtures.js';

/** No metadata sharp can see, and none of the planted markers anywhere in the bytes. */
async function assertClean(data: Buffer, what: string) {
  const meta = await sharp(data).metadata();
  assert.equal(meta.exif, undefined, `${what}: no EXIF`);
  assert.equal(meta.xmp, undefined, `${what}: no XMP`);
  assert.equal(meta.icc, undefined, `${what}: no ICC profile`);
  assert.equal(meta.comments, undefined, `${what}: no comments`);
  for (const s of Object.values(SECRETS)) assert.equal(data.includes(s), false, `${what}: "${s}" is gone`);
  for (const s of ['XMP DataXMP', 'EXIFDataEXI', 'acTL']) assert.equal(data.includes(s), false, `${what}: no ${s}`);
}

test('an animated GIF loses its comment, XMP and EXIF blocks but keeps its frames, size and delays', async () => {
  const input = await animatedGifWithMetadata(5);
  for (const s of Object.values(SECRETS)) assert.ok(input.includes(s), `the input carries "${s}"`);
  const r = await processImage(input);
  assert.ok(r.ok);
  assert.deepEqual([r.width, r.height, r.main.format], [40, 30, 'gif']);
  assert.deepEqual(r.variants, []);
  await assertClean(r.main.data, 'gif');
  const meta = await sharp(r.main.data).metadata();
  assert.equal(meta.pages, 5);
  assert.deepEqual(meta.delay, [120, 120, 120, 120, 120]);
  assert.equal(meta.loop, 0);
});

test('an animated WebP loses its EXIF, XMP and ICC profile but keeps its frames', async () => {
  const input = await animatedWebpWithMetadata(4);
  const before = await sharp(input).metadata();
  assert.ok(before.exif && before.xmp && before.icc, 'the input carries EXIF, XMP and ICC');
  const r = await processImage(input);
  assert.ok(r.ok);
  assert.equal(r.main.format, 'webp');
  await assertClean(r.main.data, 'webp');
  assert.equal((await sharp(r.main.data).metadata()).pages, 4);
});

test('an animated PNG is stored as its still image, without its comment', async () => {
  const r = await processImage(await animatedPngWithComment());
  assert.ok(r.ok);
  await assertClean(r.main.data, 'png');
  assert.equal((await sharp(r.main.data).metadata()).pages, undefined);
});

test(`an animation of more than ${IMAGE_LIMITS.maxFrames} frames is refused with a Vietnamese message`, async () => {
  assert.deepEqual(await processImage(await animatedGifWithMetadata(IMAGE_LIMITS.maxFrames + 1, 8, 8)), { ok: false, error: 'Ảnh động có 101 khung hình; tối đa 100 khung hình.' });
  assert.ok((await processImage(await animatedGifWithMetadata(IMAGE_LIMITS.maxFrames, 8, 8))).ok, 'exactly the cap is accepted');
});

test('an animation over the pixel budget of all its frames is refused, though each frame is small', async () => {
  const saved = IMAGE_LIMITS.maxAnimationPixels;
  IMAGE_LIMITS.maxAnimationPixels = 40 * 30 * 9;
  try {
    const r = await processImage(await animatedGifWithMetadata(10));
    assert.equal(r.ok, false);
    assert.match((r as { error: string }).error, /^Ảnh động quá lớn \([\d,]+ megapixel trên tất cả khung hình\); tối đa [\d,]+ megapixel\.$/);
    assert.ok((await processImage(await animatedGifWithMetadata(9))).ok);
  } finally {
    IMAGE_LIMITS.maxAnimationPixels = saved;
  }
  assert.equal(IMAGE_LIMITS.maxAnimationPixels, 60_000_000);
});

describeEachDb('media library: animated images', async (db) => {
  const app = await buildTestApp(db);
  await makeUser(db.db, 'bientap', [{ siteId: 1, role: 'editor' }]);
  return { app, editor: await AdminClient.login(app, NAM_HONG_LINH, 'bientap') };
}, (get) => {
  test('an uploaded animated GIF is stored without its metadata, with its frames', async () => {
    const { editor, db } = get();
    const res = await upload(editor, { name: 'pháo hoa.gif', data: await animatedGifWithMetadata(6), contentType: 'image/gif' }, { title: 'Pháo hoa', alt: 'Pháo hoa mừng năm mới' });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const row = await db.db.selectFrom('media').selectAll().where('id', '=', idFromLocation(res.headers.location)).executeTakeFirstOrThrow();
    const stored = readFileSync(join(db.dataDir, 'media', row.disk_path));
    assert.equal(Number(row.bytes), stored.length);
    await assertClean(stored, 'stored gif');
    assert.equal((await sharp(stored).metadata()).pages, 6);
  });

  test('an upload with too many frames is refused: the typed title comes back, nothing is stored', async () => {
    const { editor, db } = get();
    const before = await db.db.selectFrom('media').select('id').execute();
    const res = await upload(editor, { name: 'dai.gif', data: await animatedGifWithMetadata(120, 8, 8), contentType: 'image/gif' }, { title: 'Hoạt hình dài', alt: 'Hoạt hình' });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Ảnh động có 120 khung hình; tối đa 100 khung hình\./);
    assert.match(res.body, /value="Hoạt hình dài"/);
    assert.equal((await db.db.selectFrom('media').select('id').execute()).length, before.length);
  });
}, async ({ app }: { app: FastifyInstance }) => {
  await app.close();
});
