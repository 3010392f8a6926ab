import { cleanLine, cleanText, contentHash, F as COMMENT_FIELDS, FORM, VERIFY, WRONG_CODE } from '../comments/input.js';
import { formatNumber } from '../../kernel/lib/format.js';
import type { QuestionKind } from '../../kernel/db/tables/questions.js';
import { parseId } from '../../kernel/lib/ids.js';

/**
 * The public question form: field names, limits, cleaning and the Vietnamese messages shown
 * next to each field. Everything is plain text (NFC), rendered escaped. The verification fields
 * and the honeypot are those of the comment form (src/interact), so the same checks apply.
 */
export { FORM, VERIFY, WRONG_CODE, contentHash };

export const LIMITS = { name: 80, phone: 20, email: 254, address: 200, title: 200, body: 5000 } as const;

export const Q = {
  name: 'ho_ten',
  phone: 'dien_thoai',
  email: 'email',
  address: 'dia_chi',
  topic: 'chu_de',
  kind: 'loai',
  title: 'tieu_de',
  body: 'noi_dung',
  honeypot: COMMENT_FIELDS.honeypot,
  altcha: COMMENT_FIELDS.altcha,
  token: COMMENT_FIELDS.token,
  answer: COMMENT_FIELDS.answer,
} as const;

/** The contact error sits with the phone field (the first of the two). */
export const CONTACT = Q.phone;

export const KINDS: { value: QuestionKind; slug: string; label: string }[] = [
  { value: 'question', slug: 'cau-hoi', label: 'Câu hỏi' },
  { value: 'feedback', slug: 'phan-anh', label: 'Phản ánh, kiến nghị' },
];

export interface QuestionForm {
  name: string;
  phone: string;
  email: string;
  address: string;
  topic: string;
  kind: string;
  title: string;
  body: string;
  honeypot: string;
  altcha: string;
  token: string;
  answer: string;
}

export const EMPTY_FORM: QuestionForm = { name: '', phone: '', email: '', address: '', topic: '', kind: 'cau-hoi', title: '', body: '', honeypot: '', altcha: '', token: '', answer: '' };

export type FieldErrors = Record<string, string>;

function field(body: Record<string, unknown>, name: string): string {
  const v = body[name];
  const s = typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
  return s.slice(0, 20_000).normalize('NFC');
}

export function formFromBody(body: unknown): QuestionForm {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const out = { ...EMPTY_FORM };
  for (const k of Object.keys(Q) as (keyof typeof Q)[]) out[k] = field(b, Q[k]);
  out.altcha = out.altcha.trim();
  out.token = out.token.trim();
  return out;
}

export interface CleanQuestion {
  name: string;
  phone: string;
  email: string;
  address: string;
  topicId: number | null;
  kind: QuestionKind;
  title: string;
  body: string;
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/** "0912 345 678", "0912.345.678", "+84 912 345 678" → digits (with "+84"); null when not a Vietnamese number. */
export function cleanPhone(raw: string): string | null {
  const s = raw.trim().replace(/[\s.\-()]/g, '');
  if (/^0\d{9,10}$/.test(s)) return s;
  if (/^\+84\d{9,10}$/.test(s)) return s;
  return null;
}

const tooLong = (label: string, max: number, n: number) => `${label} dài tối đa ${formatNumber(max)} ký tự (bạn đã nhập ${formatNumber(n)} ký tự).`;

/** The cleaned fields, or the errors to show next to them. `topicIds` are the site's topics. */
export function validateQuestion(form: QuestionForm, topicIds: number[]): { value: CleanQuestion; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const len = (s: string) => [...s].length;
  const name = cleanLine(form.name);
  const address = cleanLine(form.address);
  const title = cleanLine(form.title);
  const body = cleanText(form.body);
  const email = form.email.trim().toLowerCase();
  const phoneRaw = form.phone.trim();

  if (!name) errors[Q.name] = 'Vui lòng nhập họ tên.';
  else if (len(name) > LIMITS.name) errors[Q.name] = tooLong('Họ tên', LIMITS.name, len(name));

  let phone = '';
  if (phoneRaw) {
    const p = phoneRaw.length <= 40 ? cleanPhone(phoneRaw) : null;
    if (p === null) errors[Q.phone] = 'Số điện thoại không hợp lệ (ví dụ: 0912 345 678).';
    else phone = p;
  }
  if (email && (email.length > LIMITS.email || !EMAIL.test(email))) errors[Q.email] = 'Địa chỉ email không hợp lệ (ví dụ: ten@gmail.com).';
  if (!phoneRaw && !email) errors[CONTACT] = 'Vui lòng nhập số điện thoại hoặc email để nhận trả lời.';

  if (len(address) > LIMITS.address) errors[Q.address] = tooLong('Địa chỉ', LIMITS.address, len(address));

  let topicId: number | null = null;
  if (topicIds.length) {
    const t = parseId(form.topic.trim()) ?? NaN;
    if (!topicIds.includes(t)) errors[Q.topic] = 'Vui lòng chọn chủ đề.';
    else topicId = t;
  }
  const kind = KINDS.find((k) => k.slug === form.kind.trim());
  if (!kind) errors[Q.kind] = 'Vui lòng chọn loại: câu hỏi hoặc phản ánh, kiến nghị.';

  if (!title) errors[Q.title] = 'Vui lòng nhập tiêu đề.';
  else if (len(title) > LIMITS.title) errors[Q.title] = tooLong('Tiêu đề', LIMITS.title, len(title));
  if (!body) errors[Q.body] = 'Vui lòng nhập nội dung câu hỏi.';
  else if (len(body) < 10) errors[Q.body] = 'Nội dung quá ngắn; vui lòng trình bày rõ hơn.';
  else if (len(body) > LIMITS.body) errors[Q.body] = tooLong('Nội dung', LIMITS.body, len(body));

  return { value: { name, phone, email, address, topicId, kind: kind?.value ?? 'question', title, body }, errors };
}
