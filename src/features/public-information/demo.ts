import type { DemoSeeder } from '../../kernel/feature.js';
import { writeSettings } from '../disclosure/settings.js';

/** The officer answering information requests on each live demo ward (names invented). */
export const seedPublicInformation: DemoSeeder = async (db, { siteId, demo, now }) => {
  if ((demo as { archived?: unknown }).archived) return;
  const values = demo.isDefault
    ? { officer: 'Nguyễn Thị Thu Hà', post: 'Công chức Văn phòng – Thống kê', unit: 'Văn phòng HĐND và UBND phường Nam Hồng Lĩnh', address: 'Số 2 đường Nguyễn Ái Quốc, phường Nam Hồng Lĩnh, tỉnh Hà Tĩnh', phone: '0239 3836 100', email: 'vanphong.namhonglinh@hatinh.gov.vn', hours: 'Sáng 7 giờ 30 – 11 giờ 30, chiều 13 giờ 30 – 17 giờ, từ thứ Hai đến thứ Sáu (trừ ngày lễ).' }
    : { officer: 'Trần Văn Đức', post: 'Công chức Văn phòng – Thống kê', unit: 'Bộ phận Một cửa UBND phường Bắc Hồng Lĩnh', address: 'Đường Trần Phú, phường Bắc Hồng Lĩnh, tỉnh Hà Tĩnh', phone: '0239 3837 100', email: 'ubnd.bachonglinh@hatinh.gov.vn', hours: 'Giờ hành chính, từ thứ Hai đến thứ Sáu.' };
  await writeSettings(db, siteId, 'info-requests', values, now.toISOString());
};
