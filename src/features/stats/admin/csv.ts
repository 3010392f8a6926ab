import { formatDate } from '../../../kernel/lib/format.js';

/**
 * CSV for spreadsheet programs: UTF-8 with a byte-order mark (so Excel shows Vietnamese), CRLF,
 * quoted fields, and text that a spreadsheet would run as a formula ("=…", "+…", "-…", "@…")
 * prefixed with an apostrophe.
 */
export function toCsv(header: string[], rows: (string | number)[][]): string {
  const cell = (v: string | number) => {
    if (typeof v === 'number') return String(v);
    const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[",\r\n;]/.test(s) || s !== v ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

export function csvFileName(siteCode: string, table: string, now: Date): string {
  return `thong-ke-${siteCode}-${table}-${formatDate(now).split('/').reverse().join('-')}.csv`;
}
