import { F, nameError } from '../comments/input.js';
import { isEmail, phoneDigits, type FieldErrors } from '../../kernel/forms.js';
import { cleanLine, cleanParagraphs } from '../../kernel/lib/text.js';
import { formatNumber } from '../../kernel/lib/format.js';

/**
 * The feedback form on a draft. The shared field names (name, email, content, honeypot,
 * verification) are those of the comment form (src/features/comments/input.ts), so the same
 * verification step and the comment script work here; "email" holds an email or a phone number.
 */
export const FB = { ...F, organisation: 'co_quan' } as const;
export const FB_LIMITS = { contact: 254, organisation: 200, content: 10_000 } as const;

export interface FeedbackForm {
  name: string;
  contact: string;
  organisation: string;
  content: string;
  honeypot: string;
  altcha: string;
  token: string;
  answer: string;
}

export const EMPTY_FEEDBACK = { name: '', contact: '', organisation: '', content: '' };

function field(b: Record<string, unknown>, name: string): string {
  const v = b[name];
  const s = typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
  return s.slice(0, 40_000).normalize('NFC');
}

export function feedbackFromBody(body: unknown): FeedbackForm {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  return {
    name: field(b, FB.name),
    contact: field(b, FB.email),
    organisation: field(b, FB.organisation),
    content: field(b, FB.content),
    honeypot: field(b, FB.honeypot),
    altcha: field(b, FB.altcha).trim(),
    token: field(b, FB.token).trim(),
    answer: field(b, FB.answer),
  };
}

export function contactError(contact: string): string | null {
  if (!contact) return 'Vui lòng nhập email hoặc số điện thoại để cơ quan liên hệ khi cần.';
  if (contact.length > FB_LIMITS.contact) return 'Email hoặc số điện thoại không hợp lệ.';
  if (isEmail(contact) || phoneDigits(contact) !== null) return null;
  return 'Email hoặc số điện thoại không hợp lệ (ví dụ: ten@gmail.com hoặc 0912 345 678).';
}

export interface CleanFeedback {
  name: string;
  contact: string;
  organisation: string;
  content: string;
}

export function validateFeedback(f: FeedbackForm): { value: CleanFeedback; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const name = cleanLine(f.name);
  const contact = cleanLine(f.contact);
  const organisation = cleanLine(f.organisation);
  const content = cleanParagraphs(f.content);
  const nameErr = nameError(name);
  if (nameErr) errors[FB.name] = nameErr;
  const contactErr = contactError(contact);
  if (contactErr) errors[FB.email] = contactErr;
  if ([...organisation].length > FB_LIMITS.organisation) errors[FB.organisation] = `Cơ quan, đơn vị dài tối đa ${FB_LIMITS.organisation} ký tự.`;
  const length = [...content].length;
  if (!content) errors[FB.content] = 'Vui lòng nhập nội dung góp ý.';
  else if (length > FB_LIMITS.content) {
    errors[FB.content] = `Nội dung góp ý dài tối đa ${formatNumber(FB_LIMITS.content)} ký tự (bạn đã nhập ${formatNumber(length)} ký tự).`;
  }
  return { value: { name, contact: isEmail(contact) ? contact.toLowerCase() : contact, organisation, content }, errors };
}
