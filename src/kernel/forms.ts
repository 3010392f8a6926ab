import { formatNumber } from './lib/format.js';
import { parseId } from './lib/ids.js';
import { cleanLine, cleanParagraphs, nfc } from './lib/text.js';

/**
 * The field rules every form uses, each with its Vietnamese messages. A rule takes what was typed
 * and gives back the cleaned value and, when it refuses it, the message to show next to the field;
 * `label` is the field's name as people read it ("tên cơ quan"), lowercase unless it is a name.
 */

/** Field name → the message shown next to that field; "_form" holds one about the form as a whole. */
export type FieldErrors = Record<string, string>;

export function fail(errors: FieldErrors): { ok: false; errors: FieldErrors } {
  return { ok: false, errors };
}

/** What a rule gives back: the cleaned value, and why it was refused. */
export interface Checked<T> {
  value: T;
  error?: string;
}

/** Keeps a rule's message under `field` and hands back the cleaned value. */
export function take<T>(errors: FieldErrors, field: string, checked: Checked<T>): T {
  if (checked.error) errors[field] = checked.error;
  return checked.value;
}

interface Rule {
  label: string;
  /** An empty field is accepted (as "" or null); otherwise it gets "Vui lòng nhập …". */
  optional?: boolean;
}

interface TextRule extends Rule {
  /** In characters (code points), counted after cleaning. */
  max: number;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const required = (label: string) => `Vui lòng nhập ${label}.`;

function measured(value: string, rule: TextRule): Checked<string> {
  if (!value) return rule.optional ? { value } : { value, error: required(rule.label) };
  const n = [...value].length;
  if (n > rule.max) return { value, error: `${capitalise(rule.label)} dài tối đa ${formatNumber(rule.max)} ký tự (hiện có ${formatNumber(n)}).` };
  return { value };
}

/** Text that may run over several lines (duties, a reason, a licence line typed in a textarea). */
export function text(raw: string | undefined, rule: TextRule): Checked<string> {
  return measured(cleanParagraphs(raw ?? ''), rule);
}

/** One line (a name, a title, an address): a line break in it is refused, not silently joined. */
export function line(raw: string | undefined, rule: TextRule): Checked<string> {
  const checked = measured(cleanLine(raw ?? ''), rule);
  if (!checked.error && /[\r\n]/.test((raw ?? '').trim())) return { ...checked, error: `${capitalise(rule.label)} chỉ được viết trên một dòng.` };
  return checked;
}

/** RFC 5321's limit on a whole address. */
export const EMAIL_MAX = 254;

// The local part is anything but spaces, control characters and the characters that delimit or
// quote addresses; the domain is dot-separated labels of letters, digits and inner hyphens
// (IDN names in their xn-- form) ending in a top-level domain of letters.
// eslint-disable-next-line no-control-regex
const EMAIL_RE = /^[^\s@<>()[\]\\,;:"\u0000-\u001f\u007f]+@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** Whether `s` (already trimmed) is an e-mail address every form accepts. */
export function isEmail(s: string): boolean {
  return s.length <= EMAIL_MAX && EMAIL_RE.test(s);
}

interface EmailRule extends Partial<Rule> {
  /** A valid address shown in the message, e.g. "vanphong@hatinh.gov.vn". */
  example?: string;
}

/** An e-mail address, trimmed and lowercased (every form looks addresses up lowercased). */
export function email(raw: string | undefined, rule: EmailRule = {}): Checked<string> {
  const label = rule.label ?? 'email';
  const value = nfc(raw ?? '').trim().toLowerCase();
  if (!value) return rule.optional ? { value } : { value, error: required(label) };
  if (!isEmail(value)) return { value, error: `${capitalise(label)} không hợp lệ${rule.example ? `, ví dụ ${rule.example}` : ''}.` };
  return { value };
}

const PHONE_MAX = 40;

/**
 * A Vietnamese telephone number as people write it ("0912 345 678", "(0239) 3831.248",
 * "+84 912 345 678", "1900 1234") reduced to its digits and leading "+"; null when it is not one.
 * Subscriber numbers are 0 + 9 or 10 digits (+84 without the 0); 1800/1900 service numbers
 * have 4 or 6 digits after the prefix.
 */
export function phoneDigits(raw: string): string | null {
  const s = raw.trim();
  if (s.length > PHONE_MAX || !/^\+?[\d\s.()-]+$/.test(s)) return null;
  const digits = s.replace(/[\s.()-]/g, '');
  return /^(?:0|\+84)\d{9,10}$/.test(digits) || /^1[89]00(?:\d{4}|\d{6})$/.test(digits) ? digits : null;
}

interface PhoneRule extends Partial<Rule> {
  /** A valid number shown in the message; a mobile number unless the form is about an office. */
  example?: string;
}

/** A Vietnamese telephone number: `value` is the line as typed (for display), `digits` its number. */
export function phone(raw: string | undefined, rule: PhoneRule = {}): Checked<string> & { digits: string } {
  const label = rule.label ?? 'số điện thoại';
  const value = cleanLine(raw ?? '');
  if (!value) return rule.optional ? { value, digits: '' } : { value, digits: '', error: required(label) };
  const digits = phoneDigits(value);
  if (digits === null) {
    return { value, digits: '', error: `${capitalise(label)} không hợp lệ (chỉ gồm chữ số, dấu cách, dấu chấm, gạch ngang, ví dụ ${rule.example ?? '0912 345 678'}).` };
  }
  return { value, digits };
}

/** A row id as posted by a <select> or a hidden field (spaces around it allowed): a positive id, or null. */
export function postedId(raw: unknown): number | null {
  const value = parseId(typeof raw === 'string' ? raw.trim() : raw);
  return value !== null && value > 0 ? value : null;
}

/**
 * The id of a choice ("chuyên mục", "đơn vị cấp trên"): null for the empty choice when optional.
 * Whether the row exists on the site is for the command to check.
 */
export function id(raw: string | undefined, rule: Rule): Checked<number | null> {
  if (!(raw ?? '').trim()) return rule.optional ? { value: null } : { value: null, error: `Vui lòng chọn ${rule.label}.` };
  const value = postedId(raw);
  return value === null ? { value, error: `${capitalise(rule.label)} không hợp lệ.` } : { value };
}
