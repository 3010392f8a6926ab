import { contentHash, F as COMMENT_FIELDS, FORM, VERIFY, WRONG_CODE } from '../comments/input.js';
import { email as emailRule, phone as phoneRule, postedId, type FieldErrors } from '../../kernel/forms.js';
import { cleanLine, cleanParagraphs } from '../../kernel/lib/text.js';
import { formatNumber } from '../../kernel/lib/format.js';
import type { QuestionKind } from '../../kernel/db/tables/questions.js';

/**
 * The public question form: field names, limits, cleaning and the Vietnamese messages shown
 * next to each field. Everything is plain text (NFC), rendered escaped. The verification fields
 * and the honeypot are those of the comment form (src/features/comments), so the same checks apply.
 */
export { FORM, VERIFY, WRONG_CODE, contentHash };

export const LIMITS = { name: 80, address: 200, title: 200, body: 5000 } as const;

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

export type { FieldErrors };

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

const tooLong = (label: string, max: number, n: number) => `${label} dài tối đa ${formatNumber(max)} ký tự (bạn đã nhập ${formatNumber(n)} ký tự).`;

/** The cleaned fields, or the errors to show next to them. `topicIds` are the site's topics. */
export function validateQuestion(form: QuestionForm, topicIds: number[]): { value: CleanQuestion; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const len = (s: string) => [...s].length;
  const name = cleanLine(form.name);
  const address = cleanLine(form.address);
  const title = cleanLine(form.title);
  const body = cleanParagraphs(form.body);
  const email = emailRule(form.email, { label: 'địa chỉ email', example: 'ten@gmail.com', optional: true });
  // Kept as its digits ("0912345678") however it was typed.
  const phone = phoneRule(form.phone, { optional: true });

  if (!name) errors[Q.name] = 'Vui lòng nhập họ tên.';
  else if (len(name) > LIMITS.name) errors[Q.name] = tooLong('Họ tên', LIMITS.name, len(name));

  if (phone.error) errors[Q.phone] = phone.error;
  if (email.error) errors[Q.email] = email.error;
  if (!phone.value && !email.value) errors[CONTACT] = 'Vui lòng nhập số điện thoại hoặc email để nhận trả lời.';

  if (len(address) > LIMITS.address) errors[Q.address] = tooLong('Địa chỉ', LIMITS.address, len(address));

  let topicId: number | null = null;
  if (topicIds.length) {
    const t = postedId(form.topic);
    if (t === null || !topicIds.includes(t)) errors[Q.topic] = 'Vui lòng chọn chủ đề.';
    else topicId = t;
  }
  const kind = KINDS.find((k) => k.slug === form.kind.trim());
  if (!kind) errors[Q.kind] = 'Vui lòng chọn loại: câu hỏi hoặc phản ánh, kiến nghị.';

  if (!title) errors[Q.title] = 'Vui lòng nhập tiêu đề.';
  else if (len(title) > LIMITS.title) errors[Q.title] = tooLong('Tiêu đề', LIMITS.title, len(title));
  if (!body) errors[Q.body] = 'Vui lòng nhập nội dung câu hỏi.';
  else if (len(body) < 10) errors[Q.body] = 'Nội dung quá ngắn; vui lòng trình bày rõ hơn.';
  else if (len(body) > LIMITS.body) errors[Q.body] = tooLong('Nội dung', LIMITS.body, len(body));

  return { value: { name, phone: phone.digits, email: email.value, address, topicId, kind: kind?.value ?? 'question', title, body }, errors };
}
