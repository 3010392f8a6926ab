import type { QuestionStatus } from '../../kernel/db/tables/questions.js';

/** Vietnamese names of the statuses, as citizens and staff read them. */
export const STATUS_LABELS: Record<QuestionStatus, string> = {
  received: 'Đã tiếp nhận',
  processing: 'Đang xử lý',
  answered: 'Đã trả lời',
  rejected: 'Không tiếp nhận',
};

export const STATUS_SLUGS: Record<string, QuestionStatus> = {
  'da-tiep-nhan': 'received',
  'dang-xu-ly': 'processing',
  'da-tra-loi': 'answered',
  'khong-tiep-nhan': 'rejected',
};

export const slugOfStatus = (s: QuestionStatus) => Object.entries(STATUS_SLUGS).find(([, v]) => v === s)![0];

/** Public URLs of the section. */
export const qaUrls = {
  list: () => '/hoi-dap',
  ask: () => '/hoi-dap/gui-cau-hoi',
  lookup: () => '/hoi-dap/tra-cuu',
  feed: () => '/hoi-dap/rss.xml',
  topic: (slug: string) => `/hoi-dap/chu-de/${slug}`,
  item: (q: { slug: string; id: number }) => `/hoi-dap/${q.slug}-${q.id}`,
};

/** Plain text → paragraphs (blank lines) with line breaks, for escaped rendering. */
export function paragraphs(text: string): string[][] {
  return text
    .split(/\n{2,}/)
    .filter((p) => p.trim())
    .map((p) => p.split('\n'));
}
