import type { DemoLink } from '../types.js';

/** The website links both demo wards list: national and provincial portals. */
export const WARD_LINKS: DemoLink[] = [
  { title: 'Cổng Dịch vụ công quốc gia', url: 'https://dichvucong.gov.vn' },
  { title: 'Cổng thông tin điện tử Chính phủ', url: 'https://chinhphu.vn' },
  { title: 'Cổng thông tin điện tử tỉnh Hà Tĩnh', url: 'https://hatinh.gov.vn' },
  { title: 'Báo Hà Tĩnh', url: 'https://baohatinh.vn' },
  { title: 'Cơ sở dữ liệu quốc gia về văn bản pháp luật', url: 'https://vbpl.vn' },
];
