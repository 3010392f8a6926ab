import type { FieldGroup, FieldSpec } from '../disclosure/fields.js';
import { LINKS_HINT_FILES, type NoticeKind } from '../disclosure/notice-kind.js';
import type { FieldErrors } from '../../kernel/forms.js';
import type { Values } from '../disclosure/fields.js';

export const RECEPTION_PATH = '/tiep-cong-dan';
export const RECEPTION_ADMIN = '/quan-tri/tiep-cong-dan';
export const ROWS = 6;

/** A change to the fixed schedule (a reception moved or cancelled): shown until its day has passed. */
export const RECEPTION_CHANGE: NoticeKind = {
  kind: 'reception-change',
  audit: 'reception_change',
  adminPath: `${RECEPTION_ADMIN}/thay-doi`,
  publicPath: RECEPTION_PATH,
  heading: 'Thay đổi lịch tiếp công dân',
  noun: 'thay đổi lịch',
  titleLabel: 'Tiêu đề',
  dayLabel: 'Ngày tiếp công dân bị thay đổi',
  dayHint: 'Ví dụ 15/01/2026. Thông báo hiện trên trang công khai đến hết ngày này.',
  bodyLabel: 'Nội dung thông báo',
  bodyMax: 2000,
  linksLabel: 'Văn bản kèm theo',
  linksHint: LINKS_HINT_FILES,
  hiddenAfterDay: true,
};

const SCHEDULE: FieldSpec[] = Array.from({ length: ROWS }, (_, i) => [
  { name: `who${i + 1}`, label: `Người tiếp (dòng ${i + 1})`, kind: 'line', max: 150, hint: i === 0 ? 'Ví dụ: Chủ tịch UBND phường.' : undefined },
  { name: `when${i + 1}`, label: `Thời gian (dòng ${i + 1})`, kind: 'line', max: 200, hint: i === 0 ? 'Ví dụ: Ngày 15 hằng tháng (nếu trùng ngày nghỉ thì tiếp vào ngày làm việc kế tiếp).' : undefined },
] satisfies FieldSpec[]).flat();

export const RECEPTION_GROUPS: FieldGroup[] = [
  { legend: 'Lịch tiếp công dân định kỳ', fields: SCHEDULE },
  {
    legend: 'Địa điểm và nội quy',
    fields: [
      { name: 'place', label: 'Địa điểm tiếp công dân', kind: 'line', max: 200 },
      { name: 'phone', label: 'Số điện thoại liên hệ', kind: 'phone', max: 40 },
      { name: 'rules', label: 'Nội quy tiếp công dân', kind: 'text', max: 10000, rows: 10, hint: 'Mỗi điều một đoạn, cách nhau một dòng trống.' },
    ],
  },
];

export const RECEPTION_FIELDS: FieldSpec[] = RECEPTION_GROUPS.flatMap((g) => g.fields);

/** A row is who receives and when: one without the other is refused. */
export function crossCheckReception(values: Values, errors: FieldErrors): void {
  for (let i = 1; i <= ROWS; i++) {
    const who = values[`who${i}`];
    const when = values[`when${i}`];
    if (who && !when && !errors[`when${i}`]) errors[`when${i}`] = `Vui lòng nhập thời gian tiếp của ${who} (dòng ${i}).`;
    if (when && !who && !errors[`who${i}`]) errors[`who${i}`] = `Vui lòng nhập người tiếp công dân (dòng ${i}).`;
  }
}

export function scheduleOf(values: Values): { who: string; when: string }[] {
  const out: { who: string; when: string }[] = [];
  for (let i = 1; i <= ROWS; i++) if (values[`who${i}`] && values[`when${i}`]) out.push({ who: values[`who${i}`]!, when: values[`when${i}`]! });
  return out;
}
