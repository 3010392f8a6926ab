import { randomBytes } from 'node:crypto';
import { slugify } from '../../kernel/lib/text.js';
import { ole2StreamNames, zipEntryNames } from '../media/sniff.js';

/**
 * The files a disclosure report may carry: budget tables come as spreadsheets (XLSX, XLS) or as
 * the signed PDF; Word files for explanatory notes. Told apart by their bytes, never by the name
 * or the browser's Content-Type. Projects and plans attach the same kinds.
 */
export interface DisclosureFileType {
  ext: 'pdf' | 'xlsx' | 'xls' | 'docx' | 'doc';
  mime: string;
  label: string;
}

export const FILE_TYPES: Record<DisclosureFileType['ext'], DisclosureFileType> = {
  pdf: { ext: 'pdf', mime: 'application/pdf', label: 'PDF' },
  xlsx: { ext: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel (XLSX)' },
  xls: { ext: 'xls', mime: 'application/vnd.ms-excel', label: 'Excel (XLS)' },
  docx: { ext: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word (DOCX)' },
  doc: { ext: 'doc', mime: 'application/msword', label: 'Word (DOC)' },
};

export const ACCEPT = '.pdf,.xlsx,.xls,.docx,.doc';
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const NOT_ACCEPTED = 'Tệp không phải PDF, Excel (XLSX, XLS) hoặc Word (DOCX, DOC). Vui lòng chọn đúng tệp báo cáo.';
export const TOO_LARGE = 'Tệp quá lớn: tệp đính kèm tối đa 20 MB.';
export const NO_FILE = 'Vui lòng chọn tệp (PDF, XLSX, XLS, DOCX hoặc DOC).';

const OLE2 = Buffer.from('d0cf11e0a1b11ae1', 'hex');

/** PDF by "%PDF-"; OLE2 by its Workbook or WordDocument stream; ZIP by xl/workbook.xml or word/document.xml. */
export function sniffDisclosureFile(buf: Buffer): DisclosureFileType | null {
  if (buf.length >= 5 && buf.toString('latin1', 0, 5) === '%PDF-') return FILE_TYPES.pdf;
  if (buf.length >= 512 && buf.subarray(0, 8).equals(OLE2)) {
    const names = ole2StreamNames(buf) ?? [];
    if (names.includes('Workbook') || names.includes('Book')) return FILE_TYPES.xls;
    if (names.includes('WordDocument')) return FILE_TYPES.doc;
    return null;
  }
  if (buf.length >= 4 && buf.toString('latin1', 0, 4) === 'PK\x03\x04') {
    const names = zipEntryNames(buf) ?? [];
    if (names.includes('xl/workbook.xml')) return FILE_TYPES.xlsx;
    if (names.includes('word/document.xml')) return FILE_TYPES.docx;
  }
  return null;
}

/** "namhonglinh/ngan-sach/3f9a0c1b2d-du-toan-2026.xlsx": our own name, never the client's. */
export function storedPath(siteCode: string, folder: string, originalName: string, ext: string): string {
  const slug = slugify(originalName.replace(/\.[^.]*$/, ''), 50) || 'tep';
  return `${siteCode}/${folder}/${randomBytes(5).toString('hex')}-${slug}.${ext}`;
}
