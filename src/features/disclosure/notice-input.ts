import { line, take, text, type FieldErrors } from '../../kernel/forms.js';
import { parseLinks } from './fields.js';
import type { NoticeKind } from './notice-kind.js';

/** The notice form as typed; field names match the form's inputs. */
export interface NoticeForm {
  title: string;
  day: string;
  deadline: string;
  body: string;
  links: string;
}

export const EMPTY_NOTICE: NoticeForm = { title: '', day: '', deadline: '', body: '', links: '' };

export interface NoticeValues {
  title: string;
  day: string;
  deadline: string;
  body: string;
  links: string;
}

/** "23/11/2026" or "2026-11-23" → "2026-11-23"; null when it is not a real day. */
export function parseDay(raw: string): string | null {
  const s = raw.trim();
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  const ymd = vn ? `${vn[3]}-${vn[2]!.padStart(2, '0')}-${vn[1]!.padStart(2, '0')}` : s;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  const real = d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
  return real && ymd >= '2000-01-01' && ymd <= '2100-12-31' ? ymd : null;
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function day(errors: FieldErrors, field: string, raw: string, label: string): string {
  if (!raw.trim()) {
    errors[field] = `Vui lòng nhập ${lower(label)}.`;
    return '';
  }
  const d = parseDay(raw);
  if (!d) errors[field] = `${label} không hợp lệ, ví dụ 15/01/2026.`;
  return d ?? '';
}

/** Checks a typed notice; Vietnamese messages keyed by field. */
export function validateNotice(kind: NoticeKind, form: NoticeForm): { ok: true; values: NoticeValues } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const title = take(errors, 'title', line(form.title, { label: lower(kind.titleLabel), max: 300 }));
  const d = day(errors, 'day', form.day, kind.dayLabel);
  let deadline = '';
  if (kind.deadlineLabel) {
    deadline = day(errors, 'deadline', form.deadline, kind.deadlineLabel);
    if (deadline && d && deadline < d) errors.deadline = `${kind.deadlineLabel} không được trước ${lower(kind.dayLabel)}.`;
  }
  const body = take(errors, 'body', text(form.body, { label: lower(kind.bodyLabel), max: kind.bodyMax }));
  const parsed = parseLinks(form.links);
  if (parsed.error) errors.links = parsed.error;
  if (Object.keys(errors).length) return { ok: false, errors };
  const links = parsed.links.map((l) => `${l.label} | ${l.href}`).join('\n');
  return { ok: true, values: { title, day: d, deadline, body, links } };
}
