/**
 * What differs between the sections made of dated notices (press releases, recruitment notices,
 * reception changes, legal-dissemination topics): one description each, so that the table, the
 * checks, the commands and the screens are written once.
 */
export interface NoticeKind {
  /** Stored in disclosure_notices.kind. */
  kind: 'press' | 'recruitment' | 'reception-change' | 'legal-topic';
  /** Audit actions are `${audit}.create|update|delete`. */
  audit: string;
  adminPath: string;
  publicPath: string;
  /** The back-office heading ("Thông cáo báo chí"). */
  heading: string;
  /** One of them, lowercase ("thông cáo báo chí"). */
  noun: string;
  titleLabel: string;
  dayLabel: string;
  dayHint: string;
  bodyLabel: string;
  bodyMax: number;
  /** Recruitment: the last day to apply, required and not before the day. */
  deadlineLabel?: string;
  linksLabel: string;
  linksHint: string;
  /** The day has passed: the notice no longer shows (a reception change). */
  hiddenAfterDay?: boolean;
}

export const LINKS_HINT_FILES =
  'Mỗi tệp một dòng: tên tệp, dấu |, rồi địa chỉ của tệp trong Thư viện tệp (ví dụ: Thông báo (PDF) | /media/2026/thong-bao.pdf). Không bắt buộc.';
