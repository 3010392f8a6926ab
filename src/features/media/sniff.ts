/**
 * What a file really is, from its first and last bytes: never from its name or the browser's
 * Content-Type, which are whatever the uploader's computer made up. Pure functions.
 */
import type { MediaKind } from '../../kernel/db/tables/media.js';

export type { MediaKind };

export interface FileType {
  kind: MediaKind;
  mime: string;
  /** The extension the file is stored under. */
  ext: string;
}

/** Every type we store or serve, by the extension we give it on disk. */
export const TYPES_BY_EXT: Record<string, FileType> = Object.fromEntries(
  ([
    ['image', 'image/jpeg', 'jpg'],
    ['image', 'image/png', 'png'],
    ['image', 'image/webp', 'webp'],
    ['image', 'image/gif', 'gif'],
    ['document', 'application/pdf', 'pdf'],
    ['document', 'application/msword', 'doc'],
    ['document', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
    ['document', 'application/vnd.ms-excel', 'xls'],
    ['document', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
    ['audio', 'audio/mpeg', 'mp3'],
    ['audio', 'audio/ogg', 'ogg'],
    ['video', 'video/mp4', 'mp4'],
    ['video', 'video/webm', 'webm'],
    // Served only: the demo's generated bulletins and songs are WAV; an upload is never taken as one.
    ['audio', 'audio/wav', 'wav'],
  ] as const).map(([kind, mime, ext]) => [ext, { kind, mime, ext }]),
);

const t = (ext: string): FileType => TYPES_BY_EXT[ext]!;
const ascii = (buf: Buffer, at: number, s: string) => buf.length >= at + s.length && buf.toString('latin1', at, at + s.length) === s;
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** The type of a whole file, or null when it is not one we accept. */
export function sniff(buf: Buffer): FileType | null {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return t('jpg');
  if (ascii(buf, 0, '\x89PNG\r\n\x1a\n')) return t('png');
  if (ascii(buf, 0, 'RIFF') && ascii(buf, 8, 'WEBP')) return t('webp');
  if (ascii(buf, 0, 'GIF87a') || ascii(buf, 0, 'GIF89a')) return t('gif');
  if (ascii(buf, 0, '%PDF-')) return t('pdf');
  if (ascii(buf, 0, 'PK\x03\x04')) {
    const names = zipEntryNames(buf);
    if (names?.some((n) => n.startsWith('word/'))) return t('docx');
    if (names?.some((n) => n.startsWith('xl/'))) return t('xlsx');
    return null;
  }
  if (buf.length >= 512 && buf.subarray(0, 8).equals(OLE2)) {
    const streams = ole2StreamNames(buf);
    if (streams?.includes('WordDocument')) return t('doc');
    if (streams?.includes('Workbook') || streams?.includes('Book')) return t('xls');
    return null;
  }
  if (ascii(buf, 0, 'ID3') || isMpegLayer3Frame(buf, 0)) return t('mp3');
  if (ascii(buf, 0, 'OggS')) {
    // Ogg is a container; only Vorbis and Opus audio streams are accepted (not Theora video).
    const head = buf.toString('latin1', 0, Math.min(buf.length, 128));
    return head.includes('\x01vorbis') || head.includes('OpusHead') ? t('ogg') : null;
  }
  if (isMp4(buf)) return t('mp4');
  // WebM: an EBML header whose DocType is "webm" (Matroska files in general are not accepted).
  if (buf.length >= 4 && buf.readUInt32BE(0) === 0x1a45dfa3 && buf.toString('latin1', 4, Math.min(buf.length, 64)).includes('webm')) return t('webm');
  return null;
}

/** ISO base media with a video brand (the "ftyp" box first); HEIC/AVIF pictures and M4A audio are not video. */
const MP4_BRANDS = new Set(['isom', 'iso2', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'M4V ', 'dash', 'mmp4']);
function isMp4(buf: Buffer): boolean {
  return ascii(buf, 4, 'ftyp') && MP4_BRANDS.has(buf.toString('latin1', 8, 12));
}

/**
 * The kind a file's first bytes point to, for the size message when the upload was cut off at
 * the size limit (a ZIP's directory is at its end, so only "a document" can be said then).
 */
export function sniffKindFromHead(buf: Buffer): MediaKind | null {
  const whole = sniff(buf);
  if (whole) return whole.kind;
  if (ascii(buf, 0, 'PK\x03\x04') || (buf.length >= 8 && buf.subarray(0, 8).equals(OLE2))) return 'document';
  return null;
}

function isMpegLayer3Frame(buf: Buffer, at: number): boolean {
  if (buf.length < at + 4) return false;
  const b1 = buf[at + 1]!;
  const b2 = buf[at + 2]!;
  const version = (b1 >> 3) & 3;
  const layer = (b1 >> 1) & 3;
  const bitrate = b2 >> 4;
  const rate = (b2 >> 2) & 3;
  return buf[at] === 0xff && (b1 & 0xe0) === 0xe0 && version !== 1 && layer === 1 && bitrate !== 0 && bitrate !== 15 && rate !== 3;
}

/** File names in a ZIP's central directory (the authoritative list, at the end of the file). */
export function zipEntryNames(buf: Buffer): string[] | null {
  // The end-of-central-directory record is in the last 22 + 65535 (comment) bytes.
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= stop; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    if (p + 46 + nameLen > buf.length) return null;
    names.push(buf.toString('utf8', p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

/** Stream names in an OLE2 compound file's directory, following its sector chain. */
export function ole2StreamNames(buf: Buffer): string[] | null {
  const shift = buf.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const size = 1 << shift;
  const perSector = size / 4;
  const sectorOffset = (s: number) => (s + 1) * size;
  // The first 109 FAT sectors are listed in the header; documents we accept fit in them.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = buf.readUInt32LE(0x4c + i * 4);
    if (s >= 0xfffffffa) break;
    fatSectors.push(s);
  }
  const next = (s: number): number => {
    const fs = fatSectors[Math.floor(s / perSector)];
    if (fs === undefined) return 0xfffffffe;
    const at = sectorOffset(fs) + (s % perSector) * 4;
    return at + 4 <= buf.length ? buf.readUInt32LE(at) : 0xfffffffe;
  };
  const names: string[] = [];
  let sector = buf.readUInt32LE(0x30);
  for (let guard = 0; sector < 0xfffffffa && guard < 4096; guard++) {
    const base = sectorOffset(sector);
    if (base + size > buf.length) return null;
    for (let e = base; e < base + size; e += 128) {
      const len = buf.readUInt16LE(e + 0x40);
      if (len >= 2 && len <= 64) names.push(buf.toString('utf16le', e, e + len - 2));
    }
    sector = next(sector);
  }
  return names;
}
