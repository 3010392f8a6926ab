import { createHash } from 'node:crypto';
import { formatNumber } from '../../kernel/lib/format.js';
import { email as emailRule, postedId, type FieldErrors } from '../../kernel/forms.js';
import { cleanLine, cleanParagraphs, searchFold } from '../../kernel/lib/text.js';

/**
 * The comment form: field names, limits, cleaning and the Vietnamese messages shown next to each
 * field. Everything is kept as plain text (NFC) and rendered escaped, so HTML or script typed into
 * any field shows up as the characters typed.
 */
export const LIMITS = { name: 80, content: 3000 } as const;

/** Field names of the form (also the keys of its errors). */
export const F = {
  name: 'ho_ten',
  email: 'email',
  content: 'noi_dung',
  parent: 'tra_loi',
  honeypot: 'website',
  altcha: 'altcha',
  token: 'ma_cau_hoi',
  answer: 'dap_an',
} as const;

/** Error keys: the fields, the verification step, and the form as a whole. */
export const VERIFY = 'xac_thuc';
export const FORM = '_form';
export const WRONG_CODE = 'Mã xác thực không đúng.';

export interface CommentForm {
  name: string;
  email: string;
  content: string;
  parentId: number | null;
  honeypot: string;
  altcha: string;
  token: string;
  answer: string;
}

export type { FieldErrors };

function field(body: Record<string, unknown>, name: string): string {
  const v = body[name];
  const s = typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
  // Refuse absurd sizes before any work; the limits below give the person a proper message.
  return s.slice(0, 20_000).normalize('NFC');
}

export function formFromBody(body: unknown): CommentForm {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  return {
    name: field(b, F.name),
    email: field(b, F.email),
    content: field(b, F.content),
    parentId: postedId(field(b, F.parent)),
    honeypot: field(b, F.honeypot),
    altcha: field(b, F.altcha).trim(),
    token: field(b, F.token).trim(),
    answer: field(b, F.answer),
  };
}

export interface CleanComment {
  name: string;
  email: string;
  content: string;
}

/** The cleaned fields, or the errors to show next to them. */
export function validateComment(form: CommentForm): { value: CleanComment; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const name = cleanLine(form.name);
  const email = emailRule(form.email, { label: 'địa chỉ email', example: 'ten@gmail.com', optional: true });
  const content = cleanParagraphs(form.content);
  const nameErr = nameError(name);
  if (nameErr) errors[F.name] = nameErr;
  if (email.error) errors[F.email] = `${email.error} Có thể để trống.`;
  const contentErr = contentError(content);
  if (contentErr) errors[F.content] = contentErr;
  return { value: { name, email: email.value, content }, errors };
}

export function nameError(name: string): string | null {
  if (!name) return 'Vui lòng nhập họ tên.';
  return [...name].length > LIMITS.name ? `Họ tên dài tối đa ${LIMITS.name} ký tự.` : null;
}

export function contentError(content: string, what = 'nội dung bình luận'): string | null {
  const length = [...content].length;
  if (!content) return `Vui lòng nhập ${what}.`;
  if (length <= LIMITS.content) return null;
  return `${what[0]!.toUpperCase()}${what.slice(1)} dài tối đa ${formatNumber(LIMITS.content)} ký tự (bạn đã nhập ${formatNumber(length)} ký tự).`;
}

/** Same text whatever the case, accents, spacing or punctuation: caught as a duplicate. */
export function contentHash(content: string): string {
  return createHash('sha256').update(searchFold(content)).digest('base64url').slice(0, 32);
}

/** Links in a text: a comment with several is held for a moderator whatever the site's mode. */
export function linkCount(text: string): number {
  return (text.match(/(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+\.(?:com|net|org|info|xyz|top|vn|ru|cn)\b(?:\/\S*)?/gi) ?? []).length;
}
export const MAX_LINKS = 1;
