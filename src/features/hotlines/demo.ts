import type { DemoSeeder } from '../../kernel/feature.js';
import { writeSettings } from '../disclosure/settings.js';

/** The wards' own lines first, then the national numbers. (Demo numbers, not real ones.) */
export const seedHotlines: DemoSeeder = async (db, { siteId, demo, now }) => {
  if ((demo as { archived?: unknown }).archived) return;
  const own = demo.isDefault
    ? [['Phản ánh, kiến nghị của người dân', '0239 3836 115'], ['Hỗ trợ thủ tục hành chính (Bộ phận một cửa)', '0239 3836 222'], ['Ban Chỉ huy phòng chống thiên tai và TKCN phường', '0239 3836 333']]
    : [['Phản ánh, kiến nghị của người dân', '0239 3837 115'], ['Hỗ trợ thủ tục hành chính', '0239 3837 222'], ['Phòng, chống thiên tai phường Bắc Hồng Lĩnh', '0912 837 333']];
  const rows = [...own, ['Tìm kiếm cứu nạn, cứu hộ', '112'], ['Công an (an ninh, trật tự)', '113'], ['Cứu hoả, cứu nạn, cứu hộ', '114'], ['Cấp cứu y tế', '115']];
  const values = Object.fromEntries(rows.flatMap(([label, number], i) => [[`label${i + 1}`, label!], [`number${i + 1}`, number!]]));
  await writeSettings(db, siteId, 'hotlines', values, now.toISOString());
};
