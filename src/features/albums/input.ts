import { nfc } from '../../kernel/lib/text.js';
import { parseId } from '../../kernel/lib/ids.js';

/** The album form as typed, and the photo form; field names match the forms' inputs. */
export interface AlbumForm {
  title: string;
  description: string;
  taken_on: string;
  published: string;
}
export const EMPTY_ALBUM: AlbumForm = { title: '', description: '', taken_on: '', published: '' };

export interface PhotoForm {
  media_id: string;
  caption: string;
  alt: string;
}
export const EMPTY_PHOTO: PhotoForm = { media_id: '', caption: '', alt: '' };

export const ALBUM_LIMITS = { title: 200, description: 2000, caption: 500, alt: 300 };

const clean = (s: string) => nfc(s).replace(/\s+/g, ' ').trim();

/** "23/11/2026" or "2026-11-23" → "2026-11-23"; null when it is not a real date. */
export function parseDay(raw: string): string | null {
  const s = raw.trim();
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  const ymd = vn ? `${vn[3]}-${vn[2]!.padStart(2, '0')}-${vn[1]!.padStart(2, '0')}` : s;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(ymd)) return null;
  const d = new Date(`${ymd}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === ymd && ymd >= '2000-01-01' && ymd <= '2100-12-31' ? ymd : null;
}

export type AlbumValues = { title: string; description: string; taken_on: string; published: number };

export function validateAlbum(f: AlbumForm): { ok: true; values: AlbumValues } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const title = clean(f.title);
  const description = nfc(f.description).replace(/\r\n?/g, '\n').trim();
  if (!title) errors.title = 'Vui lòng nhập tên album.';
  else if (title.length > ALBUM_LIMITS.title) errors.title = `Tên album dài tối đa ${ALBUM_LIMITS.title} ký tự (hiện có ${title.length}).`;
  if (description.length > ALBUM_LIMITS.description) errors.description = `Mô tả dài tối đa ${ALBUM_LIMITS.description} ký tự (hiện có ${description.length}).`;
  const day = f.taken_on.trim() ? parseDay(f.taken_on) : '';
  if (day === null) errors.taken_on = 'Ngày chụp không hợp lệ, ví dụ 23/11/2026.';
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, values: { title, description, taken_on: day ?? '', published: f.published === '1' ? 1 : 0 } };
}

export type PhotoValues = { media_id: number; caption: string; alt: string };

export function validatePhoto(f: PhotoForm): { ok: true; values: PhotoValues } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const mediaId = parseId(f.media_id.trim());
  const caption = clean(f.caption);
  const alt = clean(f.alt);
  if (!f.media_id.trim()) errors.media_id = 'Vui lòng nhập mã ảnh trong Thư viện tệp.';
  else if (mediaId === null) errors.media_id = 'Mã ảnh phải là một số, ví dụ 42.';
  if (caption.length > ALBUM_LIMITS.caption) errors.caption = `Chú thích dài tối đa ${ALBUM_LIMITS.caption} ký tự (hiện có ${caption.length}).`;
  if (!alt) errors.alt = 'Vui lòng nhập mô tả ảnh cho người khiếm thị (văn bản thay thế).';
  else if (alt.length > ALBUM_LIMITS.alt) errors.alt = `Mô tả ảnh dài tối đa ${ALBUM_LIMITS.alt} ký tự (hiện có ${alt.length}).`;
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, values: { media_id: mediaId!, caption, alt } };
}
