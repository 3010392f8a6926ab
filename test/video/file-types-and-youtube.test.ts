import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sniff } from '../../src/features/media/sniff.js';
import { youtubeId } from '../../src/features/video/youtube.js';

const ftyp = (brand: string) => Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from(`ftyp${brand}\0\0\x02\0`, 'latin1'), Buffer.alloc(64)]);
const ebml = (docType: string) => Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84]), Buffer.from(docType, 'latin1'), Buffer.alloc(64)]);

test('MP4 and WebM videos are recognised from their bytes; pictures and audio in the same containers are not video', () => {
  assert.equal(sniff(ftyp('isom'))?.mime, 'video/mp4');
  assert.equal(sniff(ftyp('mp42'))?.kind, 'video');
  assert.equal(sniff(ebml('webm'))?.mime, 'video/webm');
  assert.equal(sniff(ftyp('heic')), null, 'HEIC picture');
  assert.equal(sniff(ftyp('avif')), null, 'AVIF picture');
  assert.equal(sniff(ftyp('M4A ')), null, 'M4A audio');
  assert.equal(sniff(ebml('matroska')), null, 'Matroska other than WebM');
  // A WAV (the demo's generated audio) is served but never taken as an upload.
  assert.equal(sniff(Buffer.concat([Buffer.from('RIFF\0\0\0\0WAVEfmt ', 'latin1'), Buffer.alloc(32)])), null);
});

test('a YouTube id is taken from the addresses editors paste, and from nothing else', () => {
  for (const s of ['abcDEF12345', 'https://www.youtube.com/watch?v=abcDEF12345', 'youtube.com/watch?v=abcDEF12345&t=30s', 'https://youtu.be/abcDEF12345?si=x', 'https://m.youtube.com/watch?v=abcDEF12345', 'https://www.youtube.com/shorts/abcDEF12345', 'https://www.youtube-nocookie.com/embed/abcDEF12345']) {
    assert.equal(youtubeId(s), 'abcDEF12345', s);
  }
  for (const s of ['', 'abc', 'https://vimeo.com/123456789', 'https://evil.example/watch?v=abcDEF12345', 'https://www.youtube.com/watch?v=abc"><script>', 'javascript:alert(1)', 'https://youtube.com.evil.example/watch?v=abcDEF12345']) {
    assert.equal(youtubeId(s), null, s);
  }
});
