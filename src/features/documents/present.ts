import { formatLongDate } from '../../kernel/lib/format.js';
import type { DocumentStatus } from '../../kernel/db/tables/documents.js';

/** "2008-02-02" → "ngày 02 tháng 02 năm 2008" (the calendar day as such, no time zone shift). */
export function longDay(day: string): string {
  return formatLongDate(`${day}T00:00:00+07:00`);
}

/** "2008-02-02" → "02/02/2008" */
export function shortDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

export const STATUS_NAMES: Record<DocumentStatus, string> = {
  'con-hieu-luc': 'Còn hiệu lực',
  'het-hieu-luc': 'Hết hiệu lực',
  'du-thao': 'Dự thảo lấy ý kiến',
};
