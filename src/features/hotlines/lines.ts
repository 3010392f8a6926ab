import type { FieldErrors } from '../../kernel/forms.js';
import type { FieldGroup, FieldSpec, Values } from '../disclosure/fields.js';

export const HOTLINES_PATH = '/duong-day-nong';
export const HOTLINES_ADMIN = '/quan-tri/duong-day-nong';

/** How many lines an editor can list. */
export const ROWS = 10;

export interface Hotline {
  label: string;
  number: string;
}

/** The national emergency numbers: what a new site shows until its editors set its own lines. */
export const NATIONAL: readonly Hotline[] = [
  { label: 'Tìm kiếm cứu nạn, cứu hộ', number: '112' },
  { label: 'Công an (an ninh, trật tự)', number: '113' },
  { label: 'Cứu hoả, cứu nạn, cứu hộ', number: '114' },
  { label: 'Cấp cứu y tế', number: '115' },
];

const EXAMPLES = ['Phản ánh, kiến nghị của người dân', 'Hỗ trợ thủ tục hành chính', 'Phòng, chống thiên tai và tìm kiếm cứu nạn'];

export const HOTLINE_GROUPS: FieldGroup[] = Array.from({ length: ROWS }, (_, i) => ({
  legend: `Dòng ${i + 1}`,
  fields: [
    { name: `label${i + 1}`, label: 'Nội dung', kind: 'line', max: 100, hint: i < EXAMPLES.length ? `Ví dụ: ${EXAMPLES[i]}.` : undefined },
    { name: `number${i + 1}`, label: 'Số điện thoại', kind: 'phone', max: 40 },
  ] satisfies FieldSpec[],
}));

export const HOTLINE_FIELDS: FieldSpec[] = HOTLINE_GROUPS.flatMap((g) => g.fields);

/** The form of a site that has not set its lines: the national numbers after three empty rows for its own. */
export const DEFAULT_VALUES: Values = Object.fromEntries(
  NATIONAL.flatMap((h, i) => [[`label${i + EXAMPLES.length + 1}`, h.label], [`number${i + EXAMPLES.length + 1}`, h.number]]),
);

/** A line is a name and a number: one without the other is refused, never silently dropped. */
export function crossCheckHotlines(values: Values, errors: FieldErrors): void {
  for (let i = 1; i <= ROWS; i++) {
    const label = values[`label${i}`];
    const number = values[`number${i}`];
    if (label && !number && !errors[`number${i}`]) errors[`number${i}`] = `Vui lòng nhập số điện thoại cho “${label}” (dòng ${i}), hoặc xoá nội dung của dòng.`;
    if (number && !label && !errors[`label${i}`]) errors[`label${i}`] = `Vui lòng nhập nội dung của số ${number} (dòng ${i}).`;
  }
}

/** The lines to show, in the form's order. */
export function hotlinesOf(values: Values | null): Hotline[] {
  if (!values) return [...NATIONAL];
  const out: Hotline[] = [];
  for (let i = 1; i <= ROWS; i++) {
    const label = values[`label${i}`];
    const number = values[`number${i}`];
    if (label && number) out.push({ label, number });
  }
  return out;
}
