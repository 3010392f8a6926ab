import type { BudgetReportRow } from '../../kernel/db/tables/budget.js';
import { shortDay } from '../documents/present.js';
import { daysLate, deadlineOf, slotOf, type ReportSlot } from './legal-forms.js';

export { longDay, shortDay } from '../documents/present.js';

/** A report with what the law says of it: its slot, its deadline and how late it came. */
export interface ReportTiming {
  slot: ReportSlot;
  deadline: string | null;
  late: number;
}

export function timingOf(r: Pick<BudgetReportRow, 'kind' | 'period' | 'fiscal_year' | 'basis_on' | 'published_on'>): ReportTiming {
  const slot = slotOf(r.kind, r.period)!;
  const deadline = deadlineOf(slot, r.fiscal_year, r.basis_on);
  return { slot, deadline, late: daysLate(deadline, r.published_on) };
}

/** "Đúng hạn", "Muộn 3 ngày", or "" without a deadline. */
export function timelinessText(t: ReportTiming): string {
  if (!t.deadline) return '';
  return t.late ? `Công khai muộn ${t.late} ngày` : 'Đúng hạn';
}

export const deadlineText = (t: ReportTiming) => (t.deadline ? shortDay(t.deadline) : 'Chưa xác định');
