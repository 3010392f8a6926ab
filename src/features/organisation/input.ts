/** Checks and clean-up of what people type into the organisation forms. Messages are Vietnamese. */

/** One line of text: NFC, trimmed, inner whitespace collapsed. */
export function oneLine(raw: string | undefined): string {
  return (raw ?? '').normalize('NFC').trim().replace(/\s+/g, ' ');
}

/** Several lines (duties, working hours): NFC, line ends unified, at most one blank line in a row. */
export function multiLine(raw: string | undefined): string {
  return (raw ?? '')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export type Errors = Record<string, string>;

/** Records a message when the value is empty (when required) or longer than `max`. */
export function checkText(errors: Errors, field: string, value: string, label: string, max: number, required = false): void {
  if (required && !value) errors[field] = `Vui lòng nhập ${label}.`;
  else if (value.length > max) errors[field] = `${label.charAt(0).toUpperCase()}${label.slice(1)} dài tối đa ${max} ký tự (hiện có ${value.length}).`;
}

/** Phone and fax numbers as people write them: digits, spaces, dots, dashes, parentheses, a leading +. */
export function checkPhone(errors: Errors, field: string, value: string, label: string): void {
  if (!value) return;
  if (value.length > 40 || !/^\+?[\d\s.()-]+$/.test(value) || (value.match(/\d/g) ?? []).length < 6) {
    errors[field] = `${label} không hợp lệ (chỉ gồm chữ số, dấu cách, dấu chấm, gạch ngang, ví dụ 0239 3831 248).`;
  }
}

const EMAIL_RE = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

export function checkEmail(errors: Errors, field: string, value: string): void {
  if (!value) return;
  if (value.length > 200 || !EMAIL_RE.test(value)) errors[field] = 'Địa chỉ thư điện tử không hợp lệ, ví dụ vanphong@hatinh.gov.vn.';
}

export function checkWebsite(errors: Errors, field: string, value: string): void {
  if (!value) return;
  let ok = false;
  try {
    const u = new URL(value);
    ok = (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password && value.length <= 300;
  } catch {
    ok = false;
  }
  if (!ok) errors[field] = 'Địa chỉ website phải bắt đầu bằng https:// hoặc http://, ví dụ https://honglinh.hatinh.gov.vn.';
}

/** The digits and leading + of a phone number, for tel: links. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
