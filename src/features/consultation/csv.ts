import { formatDateTime } from '../../kernel/lib/format.js';
import { csvText } from '../../kernel/lib/csv.js';
import type { DraftFeedbackRow } from '../../kernel/db/tables/polls.js';

/** The feedback of a draft as CSV for Excel (kernel/lib/csv.ts: BOM, CRLF, quoting, no formulas). */
export const CSV_HEADER = ['STT', 'Thời gian', 'Họ và tên', 'Email / điện thoại', 'Cơ quan, đơn vị', 'Nội dung góp ý', 'Đã xử lý'];

export function feedbackCsv(rows: DraftFeedbackRow[]): string {
  return csvText(
    CSV_HEADER,
    rows.map((r, i) => [String(i + 1), formatDateTime(r.created_at), r.name, r.contact, r.organisation, r.content, r.processed ? 'Có' : 'Chưa']),
  );
}
