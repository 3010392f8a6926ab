import { formatDateTime } from '../../kernel/lib/format.js';
import type { DraftFeedbackRow } from '../../kernel/db/tables/polls.js';

/**
 * The feedback of a draft as CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads
 * Vietnamese as mojibake), CRLF lines, every field quoted. A cell starting with = + - @ is
 * prefixed with ' so that Excel does not run it as a formula.
 */
export const CSV_HEADER = ['STT', 'Thời gian', 'Họ và tên', 'Email / điện thoại', 'Cơ quan, đơn vị', 'Nội dung góp ý', 'Đã xử lý'];

function cell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function feedbackCsv(rows: DraftFeedbackRow[]): string {
  const lines = [CSV_HEADER.map(cell).join(',')];
  rows.forEach((r, i) => {
    lines.push([String(i + 1), formatDateTime(r.created_at), r.name, r.contact, r.organisation, r.content, r.processed ? 'Có' : 'Chưa'].map(cell).join(','));
  });
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
