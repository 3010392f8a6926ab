import type { Checked } from '../../kernel/forms.js';
import { cleanLine } from '../../kernel/lib/text.js';

/**
 * What only the organisation forms check; names, texts, phone numbers, e-mail addresses and ids
 * go through the shared field rules (kernel/forms.ts). Messages are Vietnamese.
 */

/** Examples in the messages of the contact fields: an office's landline and official address. */
export const OFFICE_PHONE = '0239 3831 248';
export const OFFICE_EMAIL = 'vanphong@hatinh.gov.vn';

/** The agency's website: an http(s) address without credentials. */
export function website(raw: string | undefined): Checked<string> {
  const value = cleanLine(raw ?? '');
  if (!value) return { value };
  let ok = false;
  try {
    const u = new URL(value);
    ok = (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password && value.length <= 300;
  } catch {
    ok = false;
  }
  return ok ? { value } : { value, error: 'Địa chỉ website phải bắt đầu bằng https:// hoặc http://, ví dụ https://honglinh.hatinh.gov.vn.' };
}

/** The digits and leading + of a phone number, for tel: links. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
