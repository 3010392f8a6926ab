import type { PublicSection } from '../../kernel/feature.js';
import { LINKS_HINT_FILES, type NoticeKind } from '../disclosure/notice-kind.js';

export const RECRUITMENT_SECTION: PublicSection = { key: 'tuyen-dung', label: 'Tuyển dụng', path: '/tuyen-dung', order: 280, group: 'disclosure' };

/** A recruitment notice: the day it is issued, the last day to apply, its files. */
export const RECRUITMENT: NoticeKind = {
  kind: 'recruitment',
  audit: 'recruitment',
  adminPath: '/quan-tri/tuyen-dung',
  publicPath: RECRUITMENT_SECTION.path,
  heading: 'Tuyển dụng',
  noun: 'thông báo tuyển dụng',
  titleLabel: 'Tiêu đề thông báo',
  dayLabel: 'Ngày thông báo',
  dayHint: 'Ví dụ 15/01/2026.',
  bodyLabel: 'Nội dung (vị trí, số lượng, điều kiện, hồ sơ, nơi nộp)',
  bodyMax: 20000,
  deadlineLabel: 'Hạn nộp hồ sơ',
  linksLabel: 'Tệp đính kèm',
  linksHint: LINKS_HINT_FILES,
};
