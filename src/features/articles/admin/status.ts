import type { ArticleStatus } from '../../../kernel/db/schema.js';

export const STATUS_NAMES: Record<ArticleStatus, string> = {
  draft: 'Nháp',
  submitted: 'Chờ duyệt',
  scheduled: 'Hẹn giờ',
  published: 'Đã xuất bản',
  returned: 'Trả lại',
  unpublished: 'Đã gỡ',
};

export const STATUSES = Object.keys(STATUS_NAMES) as ArticleStatus[];
