import type { NoticeKind, ProjectStatus } from '../../kernel/db/tables/projects.js';
import { formatNumber } from '../../kernel/lib/format.js';

export { longDay, shortDay } from '../documents/present.js';

export const STATUS_NAMES: Record<ProjectStatus, string> = {
  'chuan-bi': 'Chuẩn bị đầu tư',
  'dang-thuc-hien': 'Đang thực hiện',
  'tam-dung': 'Tạm dừng',
  'hoan-thanh': 'Hoàn thành',
};

export const NOTICE_KINDS: Record<NoticeKind, string> = {
  'moi-thau': 'Thông báo mời thầu',
  'ket-qua-thau': 'Kết quả lựa chọn nhà thầu',
  'thu-hoi-dat': 'Thông báo thu hồi đất',
  'boi-thuong': 'Phương án bồi thường, hỗ trợ, tái định cư',
};

/** "12.400.000.000 đồng (12,4 tỷ đồng)"; "Chưa phê duyệt" without an amount. */
export function capitalText(vnd: number | null): string {
  if (vnd === null) return 'Chưa phê duyệt';
  const exact = `${formatNumber(vnd)} đồng`;
  if (vnd >= 1e9) return `${exact} (${formatNumber(Math.round(vnd / 1e7) / 100)} tỷ đồng)`;
  if (vnd >= 1e6) return `${exact} (${formatNumber(Math.round(vnd / 1e4) / 100)} triệu đồng)`;
  return exact;
}
