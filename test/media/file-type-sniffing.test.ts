import assert from 'node:assert/strict';
import { test } from 'node:test';
import sharp from 'sharp';
import { sniff, sniffKindFromHead } from '../../src/features/media/sniff.js';
import { docx, jpeg, mp3FrameOnly, mp3WithId3, oggVorbis, ole2, pdf, png, xlsx, zip } from './fixtures.js';

const ext = (b: Buffer) => sniff(b)?.ext ?? null;

test('images are recognised by their magic bytes', async () => {
  assert.equal(ext(await jpeg(20, 10)), 'jpg');
  assert.equal(ext(await png(20, 10)), 'png');
  const base = sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } });
  assert.equal(ext(await base.clone().webp().toBuffer()), 'webp');
  assert.equal(ext(await base.clone().gif().toBuffer()), 'gif');
  assert.equal(sniff(await png(2, 2))?.mime, 'image/png');
});

test('documents: PDF, DOCX/XLSX by the ZIP central directory, DOC/XLS by the OLE2 directory', () => {
  assert.deepEqual(sniff(pdf()), { kind: 'document', mime: 'application/pdf', ext: 'pdf' });
  assert.equal(ext(docx()), 'docx');
  assert.equal(ext(xlsx()), 'xlsx');
  assert.equal(ext(ole2('WordDocument')), 'doc');
  assert.equal(ext(ole2('Workbook')), 'xls');
  assert.equal(sniff(xlsx())?.mime, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
});

test('audio: MP3 with an ID3 tag or a bare Layer III frame, Ogg Vorbis', () => {
  assert.equal(ext(mp3WithId3()), 'mp3');
  assert.equal(ext(mp3FrameOnly()), 'mp3');
  assert.equal(ext(oggVorbis()), 'ogg');
});

test('anything else is refused, whatever it is called', () => {
  assert.equal(sniff(Buffer.from('Xin chào, đây là văn bản thường đặt tên .jpg')), null);
  assert.equal(sniff(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')), null);
  assert.equal(sniff(Buffer.from('<!doctype html><html></html>')), null);
  assert.equal(sniff(zip({ 'payload.exe': 'MZ' })), null, 'a ZIP that is not an Office document');
  assert.equal(sniff(zip({ 'ppt/presentation.xml': '<p/>' })), null, 'PowerPoint is not in the list');
  assert.equal(sniff(ole2('PowerPoint Document')), null);
  assert.equal(sniff(Buffer.from('MZ\x90\x00')), null);
  assert.equal(sniff(Buffer.from([0xff, 0xf1, 0x50, 0x80])), null, 'AAC (ADTS) is not MP3');
  assert.equal(sniff(Buffer.concat([Buffer.from('OggS'), Buffer.alloc(24), Buffer.from('\x80theora', 'latin1')])), null, 'Ogg video');
  assert.equal(sniff(Buffer.alloc(0)), null);
  assert.equal(sniff(docx().subarray(0, 40)), null, 'a cut-off ZIP has no directory');
});

test('the head of a cut-off upload still tells its kind, for the size message', async () => {
  assert.equal(sniffKindFromHead(docx().subarray(0, 40)), 'document');
  assert.equal(sniffKindFromHead((await jpeg(30, 30)).subarray(0, 100)), 'image');
  assert.equal(sniffKindFromHead(Buffer.from('hello')), null);
});
