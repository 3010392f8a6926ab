import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import type { AdminClient } from '../helpers/admin.js';
import type { Db } from '../../src/kernel/db/connection.js';

/** Test files made on the fly: real images, a pixel bomb, tiny Office files, audio headers. */

export const jpeg = (width: number, height: number, quality = 90) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 60, b: 40 } } })
    .composite([{ input: Buffer.from(noiseSvg(width, height)), top: 0, left: 0 }])
    .jpeg({ quality })
    .toBuffer();

/** Some detail so that encoders have real work and sizes differ between widths. */
function noiseSvg(w: number, h: number): string {
  let shapes = '';
  for (let i = 0; i < 40; i++) {
    const x = (i * 97) % w;
    const y = (i * 53) % h;
    shapes += `<circle cx="${x}" cy="${y}" r="${10 + (i % 7) * 8}" fill="rgb(${(i * 37) % 255},${(i * 71) % 255},${(i * 13) % 255})"/>`;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">${shapes}</svg>`;
}

export const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 10, g: 120, b: 60 } } }).png().toBuffer();

/** A 1×1 PNG whose header claims width × height pixels (decoding it would need gigabytes). */
export async function pixelBomb(width: number, height: number): Promise<Buffer> {
  const buf = Buffer.from(await png(1, 1));
  buf.writeUInt32BE(width, 16);
  buf.writeUInt32BE(height, 20);
  buf.writeUInt32BE(crc32(buf.subarray(12, 29)), 29);
  return buf;
}

/** A stored (uncompressed) ZIP with the given entries: local headers, central directory, end record. */
export function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const n = Buffer.from(name);
    const data = Buffer.from(text);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

export const docx = () => zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });
export const xlsx = () => zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' });

/** A minimal OLE2 compound file (512-byte sectors: header, one FAT sector, one directory sector). */
export function ole2(streamName: string): Buffer {
  const buf = Buffer.alloc(512 * 3);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
  buf.writeUInt16LE(0x3e, 0x18);
  buf.writeUInt16LE(3, 0x1a);
  buf.writeUInt16LE(0xfffe, 0x1c);
  buf.writeUInt16LE(9, 0x1e);
  buf.writeUInt16LE(6, 0x20);
  buf.writeUInt32LE(1, 0x2c); // one FAT sector
  buf.writeUInt32LE(1, 0x30); // directory starts at sector 1
  for (let i = 0; i < 109; i++) buf.writeUInt32LE(0xffffffff, 0x4c + i * 4);
  buf.writeUInt32LE(0, 0x4c); // the FAT is sector 0
  const fat = 512;
  for (let i = 0; i < 128; i++) buf.writeUInt32LE(0xffffffff, fat + i * 4);
  buf.writeUInt32LE(0xfffffffd, fat); // sector 0: FAT
  buf.writeUInt32LE(0xfffffffe, fat + 4); // sector 1: end of the directory chain
  const dir = 1024;
  for (const [i, name] of ['Root Entry', streamName].entries()) {
    buf.write(`${name}\0`, dir + i * 128, 'utf16le');
    buf.writeUInt16LE((name.length + 1) * 2, dir + i * 128 + 0x40);
    buf.writeUInt8(i === 0 ? 5 : 2, dir + i * 128 + 0x42);
  }
  return buf;
}

const MP3_FRAME = Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(413)]);
export const mp3WithId3 = () => Buffer.concat([Buffer.from('ID3\x03\x00\x00\x00\x00\x00\x00', 'latin1'), MP3_FRAME, MP3_FRAME]);
export const mp3FrameOnly = () => Buffer.concat([MP3_FRAME, MP3_FRAME]);
export const oggVorbis = () => Buffer.concat([Buffer.from('OggS\x00\x02', 'latin1'), Buffer.alloc(22), Buffer.from('\x01vorbis', 'latin1'), Buffer.alloc(40)]);
export const pdf = (extra = '') => Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n${extra}%%EOF\n`);

export interface FilePart {
  name: string;
  data: Buffer;
  /** Send the name as RFC 5987 filename*=UTF-8''… instead of raw UTF-8. */
  star?: boolean;
  contentType?: string;
}

/** A multipart/form-data body, fields in the given order, then the file (if any). */
export function multipart(fields: [string, string][], file?: FilePart, after: [string, string][] = []) {
  const boundary = `----cong${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  const field = ([k, v]: [string, string]) =>
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  fields.forEach(field);
  if (file) {
    const disp = file.star ? `filename*=UTF-8''${encodeURIComponent(file.name)}` : `filename="${file.name}"`;
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; ${disp}\r\nContent-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`));
    parts.push(file.data, Buffer.from('\r\n'));
  }
  after.forEach(field);
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Posts the upload form as a browser would: the CSRF token first, then the fields, then the file. */
export function upload(client: AdminClient, file: FilePart | undefined, fields: Record<string, string> = {}, opts: { csrf?: string | null } = {}) {
  const token = opts.csrf === undefined ? client.csrf : opts.csrf;
  const list: [string, string][] = token === null ? [] : [['_csrf', token]];
  const body = multipart([...list, ...Object.entries(fields)], file);
  return client.app.inject({
    method: 'POST',
    url: '/quan-tri/thu-vien/tai-len',
    headers: { host: client.host, cookie: client.cookie, 'content-type': body.contentType },
    payload: body.payload,
  });
}

export const idFromLocation = (location: unknown) => Number(/\/quan-tri\/thu-vien\/(\d+)\?/.exec(String(location))![1]);

/**
 * Empties the demo's library (its drawn pictures and generated bulletins, and the covers, albums
 * and clips that use them), so a test of the library starts from what a new site has: nothing.
 */
export async function emptyLibrary(db: Db): Promise<void> {
  await db.deleteFrom('album_photos').execute();
  await db.deleteFrom('clips').execute();
  await db.updateTable('articles').set({ cover_media_id: null }).execute();
  await db.deleteFrom('media').execute();
}
