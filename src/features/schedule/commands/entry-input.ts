import { isDate } from '../week.js';

/** The entry form as typed; field names match the form's inputs. */
export interface EntryForm {
  day: string;
  start: string;
  end: string;
  content: string;
  participants: string;
  place: string;
  leader: string;
  note: string;
  published: string;
}

export const EMPTY_ENTRY: EntryForm = { day: '', start: '', end: '', content: '', participants: '', place: '', leader: '', note: '', published: '' };

export interface EntryValues {
  day: string;
  start_time: string;
  end_time: string;
  content: string;
  participants: string;
  place: string;
  leader: string;
  note: string;
  published: number;
}

/** "23/11/2026" or "2026-11-23" → "2026-11-23"; null when it is not a real date. */
export function parseDay(raw: string): string | null {
  const s = raw.trim();
  let ymd = s;
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (vn) ymd = `${vn[3]}-${vn[2]!.padStart(2, '0')}-${vn[1]!.padStart(2, '0')}`;
  return isDate(ymd) && ymd >= '2000-01-01' && ymd <= '2100-12-31' ? ymd : null;
}

/** "7:30", "07:30", "7h30", "7h" → "07:30"; null otherwise. */
export function parseTime(raw: string): string | null {
  const m = /^(\d{1,2})\s*[:hg.]\s*(\d{2})?$/i.exec(raw.trim()) ?? /^(\d{1,2})()$/.exec(raw.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = m[2] ? Number(m[2]) : 0;
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

/** NFC, spaces collapsed within lines, blank lines dropped; line breaks kept for lists of people. */
function clean(raw: string, multiline: boolean): string {
  const lines = raw.normalize('NFC').split(/\r\n|\r|\n/).map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
  return multiline ? lines.join('\n') : lines.join(' ');
}

const LIMITS: { key: 'content' | 'participants' | 'place' | 'leader' | 'note'; label: string; max: number; multiline: boolean }[] = [
  { key: 'content', label: 'Nội dung', max: 1000, multiline: true },
  { key: 'participants', label: 'Thành phần', max: 1000, multiline: true },
  { key: 'place', label: 'Địa điểm', max: 300, multiline: false },
  { key: 'leader', label: 'Lãnh đạo chủ trì', max: 200, multiline: false },
  { key: 'note', label: 'Ghi chú', max: 1000, multiline: true },
];

/** Checks a typed entry; Vietnamese messages keyed by field. */
export function validateEntry(form: EntryForm): { ok: true; values: EntryValues } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const day = parseDay(form.day);
  if (!form.day.trim()) errors.day = 'Vui lòng nhập ngày.';
  else if (!day) errors.day = 'Ngày không hợp lệ, ví dụ 23/11/2026.';
  const start = parseTime(form.start);
  if (!form.start.trim()) errors.start = 'Vui lòng nhập giờ bắt đầu.';
  else if (!start) errors.start = 'Giờ bắt đầu không hợp lệ, ví dụ 07:30.';
  const end = form.end.trim() ? parseTime(form.end) : '';
  if (end === null) errors.end = 'Giờ kết thúc không hợp lệ, ví dụ 11:00.';
  else if (end && start && end <= start) errors.end = 'Giờ kết thúc phải sau giờ bắt đầu.';
  const texts = {} as Record<(typeof LIMITS)[number]['key'], string>;
  for (const l of LIMITS) {
    const v = clean(form[l.key], l.multiline);
    texts[l.key] = v;
    if (v.length > l.max) errors[l.key] = `${l.label} dài tối đa ${l.max} ký tự (hiện có ${v.length}).`;
  }
  if (!texts.content && !errors.content) errors.content = 'Vui lòng nhập nội dung công việc.';
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, values: { day: day!, start_time: start!, end_time: end ?? '', ...texts, published: form.published === '1' ? 1 : 0 } };
}
