import { email, line, text, type FieldErrors } from '../../kernel/forms.js';
import { cleanLine } from '../../kernel/lib/text.js';

/** What one field of a disclosure form holds, and so how it is checked. */
export type FieldKind = 'line' | 'text' | 'email' | 'phone' | 'link';

export interface FieldSpec {
  name: string;
  /** As shown on the form ("Họ và tên"). */
  label: string;
  kind: FieldKind;
  max: number;
  required?: boolean;
  hint?: string;
  /** Rows of a textarea (kind 'text'). */
  rows?: number;
}

/** Fields shown together under a legend. */
export interface FieldGroup {
  legend: string;
  fields: FieldSpec[];
}

export type Values = Record<string, string>;

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * A telephone line as people write it: a national short number (112, 1022) or a full number
 * ("0239 3856 115", "1900 1234"), digits with spaces, dots, dashes or brackets.
 */
export function phoneLine(raw: string): string | null {
  const s = cleanLine(raw);
  if (s.length > 40 || !/^\+?[\d\s.()-]+$/.test(s)) return null;
  const digits = s.replace(/\D/g, '');
  return digits.length >= 3 && digits.length <= 15 ? s : null;
}

/** The digits of a number for a tel: link ("+84…" keeps its plus). */
export function telHref(number: string): string {
  return `tel:${number.trim().startsWith('+') ? '+' : ''}${number.replace(/\D/g, '')}`;
}

/** A path of the site ("/van-ban") or an http(s) address; never "//host" nor another scheme. */
export function isLink(s: string): boolean {
  return (/^\/(?!\/)[^\s]*$/.test(s) || /^https?:\/\/[^\s/]+[^\s]*$/i.test(s)) && !/[<>"]/.test(s);
}

const LINK_MESSAGE = 'phải là đường dẫn trong cổng bắt đầu bằng /, ví dụ /van-ban, hoặc địa chỉ bắt đầu bằng https://.';

/** Checks one typed field; the value comes back cleaned, or with a Vietnamese message. */
export function checkField(spec: FieldSpec, raw: string | undefined): { value: string; error?: string } {
  const rule = { label: lower(spec.label), max: spec.max, optional: !spec.required };
  switch (spec.kind) {
    case 'line':
      return line(raw, rule);
    case 'text':
      return text(raw, rule);
    case 'email':
      return email(raw, { label: lower(spec.label), optional: !spec.required, example: 'ubnd@honglinh.hatinh.gov.vn' });
    case 'phone': {
      const value = cleanLine(raw ?? '');
      if (!value) return spec.required ? { value, error: `Vui lòng nhập ${lower(spec.label)}.` } : { value };
      const ok = phoneLine(value);
      return ok ? { value: ok } : { value, error: `${spec.label} không hợp lệ: chỉ gồm chữ số, dấu cách, dấu chấm, gạch ngang, ví dụ 0239 3856 115 hoặc 112.` };
    }
    case 'link': {
      const value = cleanLine(raw ?? '');
      if (!value) return spec.required ? { value, error: `Vui lòng nhập ${lower(spec.label)}.` } : { value };
      if (value.length > spec.max) return { value, error: `${spec.label} dài tối đa ${spec.max} ký tự.` };
      return isLink(value) ? { value } : { value, error: `${spec.label} ${LINK_MESSAGE}` };
    }
  }
}

/** Checks every field of a form; the values are what is stored, the errors what is shown. */
export function checkFields(specs: readonly FieldSpec[], raw: Values): { values: Values; errors: FieldErrors } {
  const values: Values = {};
  const errors: FieldErrors = {};
  for (const spec of specs) {
    const r = checkField(spec, raw[spec.name]);
    values[spec.name] = r.value;
    if (r.error) errors[spec.name] = r.error;
  }
  return { values, errors };
}

/** Lines "Tên tệp | địa chỉ" (attached files, linked articles): parsed, or the first bad line's message. */
export function parseLinks(raw: string): { links: { label: string; href: string }[]; error?: string } {
  const links: { label: string; href: string }[] = [];
  const lines = raw.normalize('NFC').split(/\r\n|\r|\n/).map((l) => l.trim()).filter(Boolean);
  if (lines.length > 30) return { links, error: 'Tối đa 30 tệp hoặc liên kết.' };
  for (const [i, l] of lines.entries()) {
    const bar = l.lastIndexOf('|');
    const label = cleanLine(bar < 0 ? '' : l.slice(0, bar));
    const href = cleanLine(bar < 0 ? l : l.slice(bar + 1));
    if (!label || !href) return { links, error: `Dòng ${i + 1}: hãy viết tên, dấu | rồi địa chỉ, ví dụ: Thông báo tuyển dụng (PDF) | /tep/tuyen-dung-2026.pdf` };
    if (label.length > 200 || href.length > 500) return { links, error: `Dòng ${i + 1} quá dài (tên tối đa 200, địa chỉ tối đa 500 ký tự).` };
    if (!isLink(href)) return { links, error: `Dòng ${i + 1}: địa chỉ ${LINK_MESSAGE}` };
    links.push({ label, href });
  }
  return { links };
}
