import type { DemoSeeder } from '../../kernel/feature.js';
import { localIsoDate } from '../../kernel/lib/format.js';
import { writeSettings } from '../disclosure/settings.js';

const RULES = [
  'Công dân đến nơi tiếp công dân phải mang theo giấy tờ tùy thân (căn cước công dân hoặc giấy tờ tùy thân khác), giấy ủy quyền nếu được ủy quyền.',
  'Công dân có thái độ đúng mực, tôn trọng người tiếp công dân; trình bày trung thực sự việc, cung cấp thông tin, tài liệu liên quan và ký xác nhận nội dung đã trình bày.',
  'Trường hợp nhiều người cùng khiếu nại, tố cáo, kiến nghị, phản ánh về một nội dung thì cử người đại diện (không quá 05 người) để trình bày.',
  'Không gây rối trật tự, không xúc phạm, đe dọa người tiếp công dân; không mang vũ khí, chất nổ, chất dễ cháy vào nơi tiếp công dân.',
  'Chấp hành hướng dẫn của người tiếp công dân và nội quy của nơi tiếp công dân.',
].join('\n\n');

/** Fixed days as Hồng Lĩnh's wards publish them, and one change in the coming weeks. */
export const seedReception: DemoSeeder = async (db, { siteId, demo, now }) => {
  if ((demo as { archived?: unknown }).archived) return;
  const stamp = now.toISOString();
  const values: Record<string, string> = demo.isDefault
    ? {
        who1: 'Chủ tịch UBND phường', when1: 'Ngày 15 hằng tháng (trùng ngày nghỉ thì tiếp vào ngày làm việc kế tiếp), sáng từ 7 giờ 30',
        who2: 'Phó Chủ tịch UBND phường phụ trách kinh tế', when2: 'Sáng thứ Năm tuần thứ nhất và thứ ba hằng tháng',
        who3: 'Phó Chủ tịch UBND phường phụ trách văn hoá – xã hội', when3: 'Sáng thứ Năm tuần thứ hai và thứ tư hằng tháng',
        who4: 'Công chức thường trực tiếp công dân', when4: 'Giờ hành chính các ngày làm việc trong tuần',
        place: 'Trụ sở Tiếp công dân phường Nam Hồng Lĩnh, số 2 đường Nguyễn Ái Quốc', phone: '0239 3836 115', rules: RULES,
      }
    : {
        who1: 'Chủ tịch UBND phường', when1: 'Ngày 10 hằng tháng, sáng từ 7 giờ 30 đến 11 giờ',
        who2: 'Phó Chủ tịch UBND phường', when2: 'Sáng thứ Tư hằng tuần',
        place: 'Phòng tiếp công dân, UBND phường Bắc Hồng Lĩnh', phone: '0239 3837 115', rules: RULES,
      };
  await writeSettings(db, siteId, 'reception', values, stamp);
  const day = localIsoDate(new Date(now.getTime() + 9 * 86_400_000));
  await db
    .insertInto('disclosure_notices')
    .values({
      site_id: siteId,
      kind: 'reception-change',
      title: demo.isDefault ? 'Chuyển ngày tiếp công dân định kỳ của Chủ tịch UBND phường' : 'Tạm hoãn buổi tiếp công dân của Phó Chủ tịch UBND phường',
      body: demo.isDefault
        ? 'Do đồng chí Chủ tịch UBND phường dự hội nghị của tỉnh, buổi tiếp công dân định kỳ chuyển sang sáng ngày làm việc kế tiếp, cùng giờ và địa điểm.'
        : 'Buổi tiếp công dân sáng thứ Tư tạm hoãn do đồng chí Phó Chủ tịch đi công tác; công chức thường trực vẫn tiếp nhận đơn thư trong giờ hành chính.',
      day,
      deadline: '',
      links: '',
      created_at: stamp,
      updated_at: stamp,
    })
    .execute();
};
