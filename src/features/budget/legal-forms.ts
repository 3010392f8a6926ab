import type { BudgetKind, BudgetPeriod } from '../../kernel/db/tables/budget.js';

/**
 * What a commune publishes about its budget, in the order of its year's table, with the form of
 * Thông tư 343/2016/TT-BTC (Phụ lục, biểu mẫu công khai ngân sách cấp xã) each follows and the
 * deadline the law sets:
 * - Luật Ngân sách nhà nước 2015 Điều 15 khoản 4: the budget as decided and the final accounts as
 *   approved are published within 30 days of the decision;
 * - Thông tư 343/2016/TT-BTC: the execution reports of a quarter, of the half year and of the year
 *   within 15 days after the period ends.
 * The form numbers are the commune-level forms of the appendix; an editor may type another form
 * name on a report (the default is only filled in).
 */
export interface ReportSlot {
  /** The form value and the URL fragment: "du-toan", "thuc-hien-q1"… */
  key: string;
  kind: BudgetKind;
  period: BudgetPeriod;
  /** "Dự toán ngân sách", "Thực hiện quý I"… */
  label: string;
  form: string;
  deadline: { from: 'decision'; days: number } | { from: 'period-end'; days: number; month: number; day: number };
}

export const REPORT_SLOTS: readonly ReportSlot[] = [
  { key: 'du-toan', kind: 'du-toan', period: 'nam', label: 'Dự toán ngân sách', form: 'Biểu số 117/CK-NSNN, 118/CK-NSNN, 119/CK-NSNN', deadline: { from: 'decision', days: 30 } },
  { key: 'thuc-hien-q1', kind: 'thuc-hien', period: 'q1', label: 'Thực hiện quý I', form: 'Biểu số 120/CK-NSNN', deadline: { from: 'period-end', days: 15, month: 3, day: 31 } },
  { key: 'thuc-hien-q2', kind: 'thuc-hien', period: 'q2', label: 'Thực hiện quý II', form: 'Biểu số 120/CK-NSNN', deadline: { from: 'period-end', days: 15, month: 6, day: 30 } },
  { key: 'thuc-hien-6-thang', kind: 'thuc-hien', period: '6-thang', label: 'Thực hiện 6 tháng', form: 'Biểu số 120/CK-NSNN', deadline: { from: 'period-end', days: 15, month: 6, day: 30 } },
  { key: 'thuc-hien-q3', kind: 'thuc-hien', period: 'q3', label: 'Thực hiện quý III', form: 'Biểu số 120/CK-NSNN', deadline: { from: 'period-end', days: 15, month: 9, day: 30 } },
  { key: 'thuc-hien-q4', kind: 'thuc-hien', period: 'q4', label: 'Thực hiện quý IV', form: 'Biểu số 120/CK-NSNN', deadline: { from: 'period-end', days: 15, month: 12, day: 31 } },
  { key: 'thuc-hien-nam', kind: 'thuc-hien', period: 'nam', label: 'Thực hiện cả năm', form: 'Biểu số 120/CK-NSNN', deadline: { from: 'period-end', days: 15, month: 12, day: 31 } },
  { key: 'quyet-toan', kind: 'quyet-toan', period: 'nam', label: 'Quyết toán ngân sách', form: 'Biểu số 121/CK-NSNN, 122/CK-NSNN, 123/CK-NSNN', deadline: { from: 'decision', days: 30 } },
];

export const KIND_NAMES: Record<BudgetKind, string> = { 'du-toan': 'Dự toán', 'thuc-hien': 'Thực hiện', 'quyet-toan': 'Quyết toán' };

/** What the decision date is called for a kind that counts from one. */
export const DECISION_NAMES: Partial<Record<BudgetKind, string>> = {
  'du-toan': 'Ngày HĐND quyết định dự toán',
  'quyet-toan': 'Ngày HĐND phê chuẩn quyết toán',
};

export function slotOf(kind: string, period: string): ReportSlot | undefined {
  return REPORT_SLOTS.find((s) => s.kind === kind && s.period === period);
}

export function slotByKey(key: string): ReportSlot | undefined {
  return REPORT_SLOTS.find((s) => s.key === key);
}

/** "YYYY-MM-DD" plus days, as a calendar day. */
export function addDays(day: string, days: number): string {
  const t = new Date(`${day}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/** The last day of the period a slot covers, for period-based slots; null otherwise. */
export function periodEnd(slot: ReportSlot, year: number): string | null {
  const d = slot.deadline;
  if (d.from !== 'period-end') return null;
  return `${year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Hạn công khai: the last day the report may be published; null while the decision date is unknown. */
export function deadlineOf(slot: ReportSlot, year: number, basisOn: string | null): string | null {
  const d = slot.deadline;
  if (d.from === 'decision') return basisOn ? addDays(basisOn, d.days) : null;
  return addDays(periodEnd(slot, year)!, d.days);
}

/** Days published after the deadline (0 when on time or when there is no deadline). */
export function daysLate(deadline: string | null, publishedOn: string): number {
  if (!deadline || publishedOn <= deadline) return 0;
  return Math.round((Date.parse(`${publishedOn}T00:00:00Z`) - Date.parse(`${deadline}T00:00:00Z`)) / 86_400_000);
}

/** "Hạn: trong 30 ngày kể từ ngày HĐND quyết định" — the rule as a sentence. */
export function ruleText(slot: ReportSlot): string {
  const d = slot.deadline;
  if (d.from === 'period-end') return `Chậm nhất ${d.days} ngày sau khi kết thúc kỳ báo cáo`;
  return slot.kind === 'du-toan' ? `Chậm nhất ${d.days} ngày kể từ ngày HĐND quyết định dự toán` : `Chậm nhất ${d.days} ngày kể từ ngày HĐND phê chuẩn quyết toán`;
}
