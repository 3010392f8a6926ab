import type { DemoSeeder } from '../../kernel/feature.js';
import { localIsoDate } from '../../kernel/lib/format.js';
import { writeSettings } from '../disclosure/settings.js';

const DAY = 86_400_000;

/** The spokesperson of each live demo ward and two press releases (names invented). */
export const seedSpokesperson: DemoSeeder = async (db, { siteId, demo, now }) => {
  if ((demo as { archived?: unknown }).archived) return;
  const stamp = now.toISOString();
  const values: Record<string, string> = demo.isDefault
    ? { name: 'Phạm Quốc Hùng', post: 'Chủ tịch UBND phường Nam Hồng Lĩnh', phone: '0912 836 001', email: 'chutich.namhonglinh@hatinh.gov.vn', deputy: 'Nguyễn Thị Thu Hà', deputyPost: 'Chánh Văn phòng HĐND và UBND phường' }
    : { name: 'Võ Thị Lan', post: 'Chủ tịch UBND phường Bắc Hồng Lĩnh', phone: '0912 837 001', email: 'ubnd.bachonglinh@hatinh.gov.vn' };
  await writeSettings(db, siteId, 'spokesperson', values, stamp);
  const releases = demo.isDefault
    ? [
        [30, 'Thông cáo báo chí về kết quả Kỳ họp chuyên đề HĐND phường', 'Kỳ họp chuyên đề HĐND phường Nam Hồng Lĩnh đã thông qua 04 nghị quyết, trong đó có nghị quyết về kế hoạch đầu tư công năm 2026 và danh mục công trình chỉnh trang đô thị.\n\nToàn văn các nghị quyết được đăng tại mục Văn bản của cổng.'],
        [6, 'Thông cáo báo chí về công tác ứng phó rét đậm, rét hại', 'UBND phường đã triển khai các biện pháp bảo vệ cây trồng vụ Xuân, vật nuôi và hỗ trợ người cao tuổi, trẻ em trong đợt rét đậm, rét hại.'],
      ]
    : [[12, 'Thông cáo báo chí về việc tạm ngừng cấp nước để sửa chữa đường ống', 'Công ty cấp nước tạm ngừng cấp nước khu vực tổ dân phố 3, 5 trong ngày Chủ nhật để thay đường ống chính. Người dân chủ động dự trữ nước.']];
  await db
    .insertInto('disclosure_notices')
    .values(releases.map(([ago, title, body]) => ({ site_id: siteId, kind: 'press', title: title as string, body: body as string, day: localIsoDate(new Date(now.getTime() - (ago as number) * DAY)), deadline: '', links: '', created_at: stamp, updated_at: stamp })))
    .execute();
};
