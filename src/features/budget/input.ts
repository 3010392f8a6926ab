import { line, text, type FieldErrors } from '../../kernel/forms.js';
import type { BudgetKind, BudgetPeriod } from '../../kernel/db/tables/budget.js';
import { parseDay } from '../documents/input.js';
import { DECISION_NAMES, periodEnd, slotByKey } from './legal-forms.js';

/** The report form as typed (every field a string, so it comes back unchanged). */
export interface ReportForm {
  fiscal_year: string;
  slot: string;
  form_name: string;
  title: string;
  basis_on: string;
  published_on: string;
  note: string;
  published: string;
}

export const EMPTY_REPORT: ReportForm = { fiscal_year: '', slot: '', form_name: '', title: '', basis_on: '', published_on: '', note: '', published: '1' };

export interface ReportValues {
  fiscal_year: number;
  kind: BudgetKind;
  period: BudgetPeriod;
  form_name: string;
  title: string;
  basis_on: string | null;
  published_on: string;
  note: string;
  published: number;
}

const BAD_DAY = 'không hợp lệ. Nhập theo dạng ngày/tháng/năm, ví dụ 15/01/2026.';
const showDay = (d: string) => d.split('-').reverse().join('/');

/** Checks a posted report; messages keyed by field, shown next to it. */
export function checkReportForm(form: ReportForm): { values?: ReportValues; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const yearText = form.fiscal_year.trim();
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
  if (!yearText) errors.fiscal_year = 'Vui lòng nhập năm ngân sách.';
  else if (!(year >= 2000 && year <= 2100)) errors.fiscal_year = 'Năm ngân sách không hợp lệ: nhập 4 chữ số, ví dụ 2026.';

  const slot = slotByKey(form.slot);
  if (!slot) errors.slot = 'Vui lòng chọn loại báo cáo.';

  const formName = line(form.form_name, { label: 'biểu mẫu', max: 200, optional: true });
  if (formName.error) errors.form_name = formName.error;
  const title = line(form.title, { label: 'tên báo cáo', max: 300, optional: true });
  if (title.error) errors.title = title.error;
  const note = text(form.note, { label: 'ghi chú', max: 2000, optional: true });
  if (note.error) errors.note = note.error;

  const decisionName = slot && DECISION_NAMES[slot.kind];
  let basisOn: string | null = null;
  if (form.basis_on.trim()) {
    basisOn = parseDay(form.basis_on);
    if (!basisOn) errors.basis_on = `Ngày quyết định ${BAD_DAY}`;
  } else if (decisionName) {
    errors.basis_on = `Vui lòng nhập ${decisionName.toLowerCase()}: hạn công khai tính từ ngày này.`;
  }

  const publishedOn = form.published_on.trim() ? parseDay(form.published_on) : null;
  if (!form.published_on.trim()) errors.published_on = 'Vui lòng nhập ngày công khai.';
  else if (!publishedOn) errors.published_on = `Ngày công khai ${BAD_DAY}`;
  else if (basisOn && publishedOn < basisOn) errors.published_on = 'Ngày công khai không được trước ngày quyết định.';
  else if (slot && year) {
    const end = periodEnd(slot, year);
    if (end && publishedOn <= end) errors.published_on = `Báo cáo thực hiện chỉ công khai được sau khi kết thúc kỳ báo cáo (${showDay(end)}).`;
  }

  if (Object.keys(errors).length || !slot || !publishedOn) return { errors };
  return {
    errors,
    values: {
      fiscal_year: year,
      kind: slot.kind,
      period: slot.period,
      form_name: formName.value || slot.form,
      title: title.value || `${slot.label} năm ${year}`,
      basis_on: decisionName ? basisOn : null,
      published_on: publishedOn,
      note: note.value,
      published: form.published === '1' ? 1 : 0,
    },
  };
}
