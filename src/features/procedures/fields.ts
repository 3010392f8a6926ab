import { slugify } from '../../kernel/lib/text.js';

/** Lĩnh vực of commune-level procedures, in the order the public list shows them. */
export const PROCEDURE_FIELDS = [
  'Hộ tịch',
  'Chứng thực',
  'Đất đai',
  'Bảo trợ xã hội',
  'Người có công',
  'Nuôi con nuôi',
  'Văn hoá',
  'Thi đua – khen thưởng',
  'Tôn giáo',
  'Giáo dục',
  'Nông nghiệp',
  'Hoà giải ở cơ sở',
  'Khác',
] as const;

export function fieldSlug(field: string): string {
  return slugify(field);
}

export function fieldBySlug(slug: string): string | undefined {
  return PROCEDURE_FIELDS.find((f) => fieldSlug(f) === slug);
}

/** Mức dịch vụ công trực tuyến (Nghị định 42/2022/NĐ-CP): toàn trình or một phần. */
export const ONLINE_LEVELS: Record<string, string> = {
  '': 'Chưa cung cấp trực tuyến',
  'toan-trinh': 'Dịch vụ công trực tuyến toàn trình',
  'mot-phan': 'Dịch vụ công trực tuyến một phần',
};

export const PORTAL = 'https://dichvucong.gov.vn';

/** The procedure's page on the national public service portal, from its code. */
export function portalUrlFor(code: string): string {
  return `${PORTAL}/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=${encodeURIComponent(code)}`;
}

export const LIST_PATH = '/thu-tuc-hanh-chinh';
export const procedureUrl = (p: { id: number; slug: string }) => `${LIST_PATH}/${p.slug}-${p.id}`;
