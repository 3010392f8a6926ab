import type { PublicSection } from '../../kernel/feature.js';
import type { FieldGroup, FieldSpec } from '../disclosure/fields.js';
import { LINKS_HINT_FILES, type NoticeKind } from '../disclosure/notice-kind.js';

export const SPOKESPERSON_PATH = '/nguoi-phat-ngon';
export const SPOKESPERSON_ADMIN = '/quan-tri/nguoi-phat-ngon';

export const SPOKESPERSON_SECTION: PublicSection = { key: 'nguoi-phat-ngon', label: 'Người phát ngôn', path: SPOKESPERSON_PATH, order: 260, group: 'disclosure' };

export const PRESS_RELEASE: NoticeKind = {
  kind: 'press',
  audit: 'press_release',
  adminPath: `${SPOKESPERSON_ADMIN}/thong-cao`,
  publicPath: SPOKESPERSON_PATH,
  heading: 'Thông cáo báo chí',
  noun: 'thông cáo báo chí',
  titleLabel: 'Tiêu đề',
  dayLabel: 'Ngày phát hành',
  dayHint: 'Ví dụ 15/01/2026.',
  bodyLabel: 'Nội dung thông cáo',
  bodyMax: 20000,
  linksLabel: 'Tệp đính kèm',
  linksHint: LINKS_HINT_FILES,
};

export const SPOKESPERSON_GROUPS: FieldGroup[] = [
  {
    legend: 'Người phát ngôn',
    fields: [
      { name: 'name', label: 'Họ và tên', kind: 'line', max: 100 },
      { name: 'post', label: 'Chức vụ', kind: 'line', max: 150, hint: 'Ví dụ: Chủ tịch UBND phường.' },
      { name: 'phone', label: 'Số điện thoại', kind: 'phone', max: 40 },
      { name: 'email', label: 'Thư điện tử', kind: 'email', max: 254 },
    ],
  },
  {
    legend: 'Người được giao phát ngôn thay (không bắt buộc)',
    fields: [
      { name: 'deputy', label: 'Họ và tên người được giao', kind: 'line', max: 100 },
      { name: 'deputyPost', label: 'Chức vụ người được giao', kind: 'line', max: 150 },
    ],
  },
];

export const SPOKESPERSON_FIELDS: FieldSpec[] = SPOKESPERSON_GROUPS.flatMap((g) => g.fields);
