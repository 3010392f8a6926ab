import assert from 'node:assert/strict';
import { test } from 'node:test';
import sharp from 'sharp';
import { IMAGE_LIMITS, processImage, readImageHeader } from '../../src/features/media/images.js';
import { srcsetFor } from '../../src/features/media/present.js';
import { jpeg, pixelBomb, png } from './fixtures.js';

test('a large photo gets smaller widths in JPEG and WebP, each smaller than the main file', async () => {
  const input = await jpeg(2000, 1200, 95);
  const r = await processImage(input);
  assert.ok(r.ok);
  assert.equal(r.width, 2000);
  assert.equal(r.height, 1200);
  const got = r.variants.map((v) => `${v.format}@${v.width}`).sort();
  assert.deepEqual(got, ['jpeg@1600', 'jpeg@480', 'jpeg@960', 'webp@1600', 'webp@2000', 'webp@480', 'webp@960']);
  for (const v of r.variants) {
    assert.ok(v.data.length < r.main.data.length, `${v.format}@${v.width} is smaller than the main file`);
    assert.equal((await sharp(v.data).metadata()).format, v.format);
    assert.equal((await sharp(v.data).metadata()).width, v.width);
  }
  assert.ok(r.main.data.length < input.length, 'a q95 original is re-encoded smaller');
});

test('only widths smaller than the original are made', async () => {
  const r = await processImage(await jpeg(1000, 500));
  assert.ok(r.ok);
  assert.deepEqual([...new Set(r.variants.map((v) => v.width))].sort((a, b) => a - b), [480, 960, 1000]);
});

test('EXIF is stripped and the orientation applied', async () => {
  const input = await sharp(await jpeg(300, 200, 100))
    .withExif({ IFD0: { Copyright: 'Nguyễn Văn A', ImageDescription: 'GPS 18.4 105.7' } })
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 100 })
    .toBuffer();
  assert.ok((await sharp(input).metadata()).exif, 'the input has EXIF');
  const r = await processImage(input);
  assert.ok(r.ok);
  assert.equal(r.width, 200, 'rotated: width and height swap');
  assert.equal(r.height, 300);
  assert.notEqual(r.main.data, input, 'the original with its EXIF is not kept');
  for (const out of [r.main, ...r.variants]) {
    const meta = await sharp(out.data).metadata();
    assert.equal(meta.exif, undefined);
    assert.equal(meta.orientation, undefined);
    assert.equal(meta.width, out.width);
  }
});

test('the original is kept when re-encoding it would make it larger', async () => {
  const input = await jpeg(400, 300, 20);
  const r = await processImage(input);
  assert.ok(r.ok);
  assert.equal(r.main.data, input, 'the same bytes');
  assert.ok(r.variants.every((v) => v.data.length < input.length));
});

test('a header claiming too many pixels is refused before any decoding, with a Vietnamese message', async () => {
  const bomb = await pixelBomb(20000, 20000);
  const header = await readImageHeader(bomb);
  assert.equal(header.ok, false);
  const r = await processImage(bomb);
  assert.deepEqual(r, { ok: false, error: 'Ảnh quá lớn (400 megapixel); tối đa 40 megapixel.' });
  assert.equal(IMAGE_LIMITS.maxPixels, 40_000_000);
});

test('an animated GIF keeps its frames and size, re-encoded, with no smaller widths', async () => {
  // Three frames of different colours (identical frames would be merged into one).
  const raw = Buffer.alloc(600 * 1200 * 4);
  for (let i = 0; i < raw.length; i += 4) raw.set([Math.floor(i / 4 / 600 / 400) * 100, 80, 40, 255], i);
  const input = await sharp(raw, { raw: { width: 600, height: 1200, channels: 4, pageHeight: 400 } }).gif({ loop: 0, delay: [100, 100, 100] }).toBuffer();
  assert.equal((await sharp(input).metadata()).pages, 3);
  const r = await processImage(input);
  assert.ok(r.ok);
  assert.equal((await sharp(r.main.data).metadata()).pages, 3);
  assert.deepEqual(r.variants, []);
  assert.equal(r.width, 600);
  assert.equal(r.height, 400, 'the height of one frame');
});

test('a corrupt image is refused with a Vietnamese message', async () => {
  const good = await png(50, 50);
  const r = await processImage(Buffer.concat([good.subarray(0, 40), Buffer.alloc(60)]));
  assert.equal(r.ok, false);
  assert.match((r as { error: string }).error, /Không (đọc|xử lý) được/);
});

test('srcsetFor lists the widths of the original format and of WebP', () => {
  const media = {
    disk_path: 'namhonglinh/2026/11/abc-anh.jpg', mime: 'image/jpeg', width: 2000, height: 1000,
    variants: JSON.stringify([
      { path: 'namhonglinh/2026/11/abc-anh-480.jpg', format: 'jpeg', width: 480, height: 240, bytes: 1 },
      { path: 'namhonglinh/2026/11/abc-anh-480.webp', format: 'webp', width: 480, height: 240, bytes: 1 },
      { path: 'namhonglinh/2026/11/abc-anh-960.jpg', format: 'jpeg', width: 960, height: 480, bytes: 1 },
      { path: 'namhonglinh/2026/11/abc-anh.webp', format: 'webp', width: 2000, height: 1000, bytes: 1 },
    ]),
  };
  assert.deepEqual(srcsetFor(media), {
    src: '/media/namhonglinh/2026/11/abc-anh.jpg',
    srcset: '/media/namhonglinh/2026/11/abc-anh-480.jpg 480w, /media/namhonglinh/2026/11/abc-anh-960.jpg 960w, /media/namhonglinh/2026/11/abc-anh.jpg 2000w',
    sizes: '(max-width: 960px) 100vw, 960px',
    width: 2000,
    height: 1000,
    webpSrcset: '/media/namhonglinh/2026/11/abc-anh-480.webp 480w, /media/namhonglinh/2026/11/abc-anh.webp 2000w',
  });
  const small = srcsetFor({ disk_path: 's/2026/11/x-a.png', mime: 'image/png', width: 100, height: 50, variants: '[]' }, '100px');
  assert.deepEqual(small, { src: '/media/s/2026/11/x-a.png', srcset: '', sizes: '100px', width: 100, height: 50, webpSrcset: '' });
});
