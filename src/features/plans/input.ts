import { line, text, type FieldErrors } from '../../kernel/forms.js';
import type { PlanKind } from '../../kernel/db/tables/plans.js';
import { parseDay } from '../documents/input.js';
import { checkGeojson } from './geojson.js';
import { KIND_NAMES } from './present.js';

export interface PlanForm { kind: string; title: string; decision: string; approved_on: string; period: string; summary: string; geojson: string; published: string }
export const EMPTY_PLAN: PlanForm = { kind: '', title: '', decision: '', approved_on: '', period: '', summary: '', geojson: '', published: '1' };
export interface PlanValues { kind: PlanKind; title: string; decision: string; approved_on: string | null; period: string; summary: string; geojson: string | null; published: number }

export function checkPlanForm(form: PlanForm): { values?: PlanValues; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const kind = (Object.keys(KIND_NAMES) as PlanKind[]).find((k) => k === form.kind);
  if (!kind) errors.kind = 'Vui lòng chọn loại quy hoạch, kế hoạch.';
  const pick = (field: string, c: { value: string; error?: string }) => {
    if (c.error) errors[field] = c.error;
    return c.value;
  };
  const title = pick('title', line(form.title, { label: 'tên quy hoạch, kế hoạch', max: 300 }));
  const decision = pick('decision', line(form.decision, { label: 'quyết định phê duyệt', max: 200, optional: true }));
  const period = pick('period', line(form.period, { label: 'thời kỳ', max: 100, optional: true }));
  const summary = pick('summary', text(form.summary, { label: 'nội dung chính', max: 5000, optional: true }));
  let approved: string | null = null;
  if (form.approved_on.trim()) {
    approved = parseDay(form.approved_on);
    if (!approved) errors.approved_on = 'Ngày phê duyệt không hợp lệ. Nhập theo dạng ngày/tháng/năm, ví dụ 20/01/2026.';
  }
  const geo = checkGeojson(form.geojson);
  if (!geo.ok) errors.geojson = geo.message;
  if (Object.keys(errors).length || !kind || !geo.ok) return { errors };
  return { errors, values: { kind, title, decision, approved_on: approved, period, summary, geojson: geo.value, published: form.published === '1' ? 1 : 0 } };
}
