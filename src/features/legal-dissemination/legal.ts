import type { PublicSection } from '../../kernel/feature.js';
import type { NoticeKind } from '../disclosure/notice-kind.js';

export const LEGAL_SECTION: PublicSection = { key: 'pho-bien-phap-luat', label: 'Phổ biến pháp luật', path: '/pho-bien-phap-luat', order: 240, group: 'disclosure' };

/**
 * A topic of legal dissemination (an editor's list): a short introduction and links to the
 * articles and documents of the portal that explain it, so nothing is written twice.
 */
export const LEGAL_TOPIC: NoticeKind = {
  kind: 'legal-topic',
  audit: 'legal_topic',
  adminPath: '/quan-tri/pho-bien-phap-luat',
  publicPath: LEGAL_SECTION.path,
  heading: 'Phổ biến pháp luật',
  noun: 'chủ đề',
  titleLabel: 'Chủ đề',
  dayLabel: 'Ngày cập nhật',
  dayHint: 'Ví dụ 15/01/2026. Chủ đề mới cập nhật đứng đầu trang.',
  bodyLabel: 'Giới thiệu chủ đề',
  bodyMax: 5000,
  linksLabel: 'Bài viết và văn bản',
  linksHint:
    'Mỗi bài viết hoặc văn bản một dòng: tên, dấu |, rồi địa chỉ của nó trên cổng (mở bài viết hoặc văn bản, sao chép phần sau tên miền), ví dụ: Luật Đất đai 2024 | /van-ban/luat-dat-dai-31-2024-qh15-12.',
};
