import { randomBytes } from 'node:crypto';
import { nfc, slugify } from '../../kernel/lib/text.js';
import { ole2StreamNames, zipEntryNames } from '../media/sniff.js';

/**
 * The files a document may carry (PDF, DOC, DOCX), told apart by their bytes, never by the name
 * or the browser's Content-Type; where they are stored; how their download is named.
 */
export interface DocumentFileType {
  ext: 'pdf' | 'doc' | 'docx';
  mime: string;
  label: string;
}

export const FILE_TYPES: Record<DocumentFileType['ext'], DocumentFileType> = {
  pdf: { ext: 'pdf', mime: 'application/pdf', label: 'PDF' },
  doc: { ext: 'doc', mime: 'application/msword', label: 'Word (DOC)' },
  docx: { ext: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word (DOCX)' },
};

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const NOT_A_DOCUMENT = 'Tệp không phải văn bản PDF, DOC hoặc DOCX. Vui lòng chọn đúng tệp văn bản (tệp ảnh, tệp nén hay chương trình không được nhận).';
export const TOO_LARGE = 'Tệp quá lớn: văn bản đính kèm tối đa 20 MB.';
export const NO_FILE = 'Vui lòng chọn tệp văn bản (PDF, DOC hoặc DOCX).';

const OLE2 = Buffer.from('d0cf11e0a1b11ae1', 'hex');

/** PDF by "%PDF-"; DOC: an OLE2 compound file holding a WordDocument stream; DOCX: a ZIP holding word/document.xml. */
export function sniffDocumentFile(buf: Buffer): DocumentFileType | null {
  if (buf.length >= 5 && buf.toString('latin1', 0, 5) === '%PDF-') return FILE_TYPES.pdf;
  if (buf.length >= 512 && buf.subarray(0, 8).equals(OLE2)) return ole2StreamNames(buf)?.includes('WordDocument') ? FILE_TYPES.doc : null;
  if (buf.length >= 4 && buf.toString('latin1', 0, 4) === 'PK\x03\x04') return zipEntryNames(buf)?.includes('word/document.xml') ? FILE_TYPES.docx : null;
  return null;
}

/** The uploader's name without any path or control characters (NFC), at most 200 characters. */
export function cleanFileName(raw: string): string {
  const base = nfc(raw).split(/[\\/]/).pop() ?? '';
  return base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
}

/** The name the file is downloaded under: the uploaded name with the extension its bytes have. */
export function downloadName(originalName: string, ext: string): string {
  const base = originalName.replace(/\.[^.]*$/, '').trim() || 'van-ban';
  return `${base}.${ext}`;
}

/** "honglinh/van-ban/3f9a0c1b2d-nghi-quyet-22.pdf": our own name, never the client's. */
export function storedPath(siteCode: string, originalName: string, ext: string): string {
  const slug = slugify(originalName.replace(/\.[^.]*$/, ''), 50) || 'van-ban';
  return `${siteCode}/van-ban/${randomBytes(5).toString('hex')}-${slug}.${ext}`;
}

/** RFC 6266 / RFC 5987: an ASCII fallback name and the real (Vietnamese) one, percent-encoded. */
export function attachmentHeader(name: string): string {
  const ascii = name.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
