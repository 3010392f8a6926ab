import type { ClipKind } from '../../kernel/db/tables/gallery.js';
import { parseId } from '../../kernel/lib/ids.js';
import { nfc } from '../../kernel/lib/text.js';
import { parseDay } from '../albums/input.js';
import { youtubeId } from './youtube.js';

/** The clip form as typed; field names match the form's inputs. */
export interface ClipForm {
  title: string;
  recorded_on: string;
  summary: string;
  youtube: string;
  media_id: string;
  poster_media_id: string;
  published: string;
}
export const EMPTY_CLIP: ClipForm = { title: '', recorded_on: '', summary: '', youtube: '', media_id: '', poster_media_id: '', published: '' };
export const CLIP_LIMITS = { title: 300, summary: 20_000 };

export interface ClipValues {
  title: string;
  recorded_on: string;
  summary: string;
  youtube_id: string;
  media_id: number | null;
  poster_media_id: number | null;
  published: number;
}

/**
 * Checks a typed clip. A video is an uploaded file or a YouTube video (one of the two); a bulletin
 * is an uploaded file and needs its transcript or summary (people who cannot hear read it).
 */
export function validateClip(kind: ClipKind, f: ClipForm): { ok: true; values: ClipValues } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const title = nfc(f.title).replace(/\s+/g, ' ').trim();
  const summary = nfc(f.summary).replace(/\r\n?/g, '\n').trim();
  if (!title) errors.title = 'Vui lòng nhập tiêu đề.';
  else if (title.length > CLIP_LIMITS.title) errors.title = `Tiêu đề dài tối đa ${CLIP_LIMITS.title} ký tự (hiện có ${title.length}).`;
  const day = parseDay(f.recorded_on);
  if (!f.recorded_on.trim()) errors.recorded_on = kind === 'audio' ? 'Vui lòng nhập ngày phát.' : 'Vui lòng nhập ngày ghi hình.';
  else if (!day) errors.recorded_on = 'Ngày không hợp lệ, ví dụ 23/11/2026.';
  if (summary.length > CLIP_LIMITS.summary) errors.summary = `Nội dung dài tối đa ${CLIP_LIMITS.summary} ký tự (hiện có ${summary.length}).`;
  else if (kind === 'audio' && !summary) errors.summary = 'Vui lòng nhập nội dung bản tin (tóm tắt hoặc toàn văn) cho người không nghe được.';
  const mediaId = f.media_id.trim() ? parseId(f.media_id.trim()) : null;
  if (f.media_id.trim() && mediaId === null) errors.media_id = 'Mã tệp phải là một số, ví dụ 42.';
  const posterId = f.poster_media_id.trim() ? parseId(f.poster_media_id.trim()) : null;
  if (f.poster_media_id.trim() && posterId === null) errors.poster_media_id = 'Mã ảnh phải là một số, ví dụ 42.';
  let yt = '';
  if (kind === 'video') {
    if (f.youtube.trim()) {
      const id = youtubeId(f.youtube);
      if (!id) errors.youtube = 'Địa chỉ YouTube không hợp lệ, ví dụ https://www.youtube.com/watch?v=abcDEF12345.';
      else yt = id;
    }
    if (f.youtube.trim() && f.media_id.trim()) errors.youtube = 'Chỉ chọn một: tệp video đã tải lên hoặc video YouTube.';
    else if (!f.youtube.trim() && !f.media_id.trim()) errors.media_id = 'Vui lòng nhập mã tệp video trong thư viện, hoặc địa chỉ YouTube.';
  } else if (!f.media_id.trim()) errors.media_id = 'Vui lòng nhập mã tệp âm thanh (MP3, OGG) trong thư viện.';
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, values: { title, recorded_on: day!, summary, youtube_id: yt, media_id: mediaId, poster_media_id: posterId, published: f.published === '1' ? 1 : 0 } };
}
