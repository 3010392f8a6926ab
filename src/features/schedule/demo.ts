import { addDays, addWeeks, currentWeek } from './week.js';
import type { DemoSeeder } from '../../kernel/feature.js';

/** [day of week 0 = Monday, start, end, content, leader, participants, place] */
type Item = [number, string, string, string, string, string, string];

const CT = 'Đồng chí Chủ tịch UBND phường';
const PCT1 = 'Đồng chí Phó Chủ tịch UBND phường phụ trách kinh tế';
const PCT2 = 'Đồng chí Phó Chủ tịch UBND phường phụ trách văn hoá – xã hội';
const HOP = 'Phòng họp tầng 2, UBND phường';

/** The same weekly rhythm every week (giao ban, tiếp công dân), plus what is particular to each week. */
const NAM_HONG_LINH_WEEKLY: Item[] = [
  [0, '07:30', '09:00', 'Giao ban Thường trực HĐND – UBND phường đầu tuần', CT, 'Thường trực HĐND, lãnh đạo UBND phường\nChánh Văn phòng HĐND và UBND', HOP],
  [3, '07:30', '11:00', 'Tiếp công dân định kỳ', CT, 'Trưởng Ban Tiếp công dân\nTrưởng phòng Tài nguyên và Môi trường\nChánh Thanh tra', 'Trụ sở Tiếp công dân phường'],
  [4, '16:00', '17:00', 'Họp rà soát tiến độ giải ngân vốn đầu tư công', PCT1, 'Phòng Tài chính – Kế hoạch, Ban Quản lý dự án đầu tư xây dựng, Kho bạc Nhà nước', HOP],
];

const NAM_HONG_LINH_WEEKS: Item[][] = [
  // last week
  [
    [0, '14:00', '17:00', 'Kiểm tra tiến độ thi công tuyến đường Trần Phú nối dài', PCT1, 'Phòng Quản lý đô thị, Ban Quản lý dự án, nhà thầu thi công', 'Phường Bắc Hồng'],
    [1, '08:00', '11:30', 'Hội nghị triển khai kế hoạch chuyển đổi số năm 2027', CT, 'Lãnh đạo các phòng, ban, ngành; Trưởng các tổ dân phố', 'Hội trường UBND phường'],
    [1, '14:00', '', 'Làm việc với Sở Nông nghiệp và Môi trường về công tác quản lý đất đai', PCT1, 'Phòng Tài nguyên và Môi trường, Văn phòng Đăng ký đất đai chi nhánh Hồng Lĩnh', HOP],
    [2, '07:30', '11:00', 'Kiểm tra công tác thu gom, xử lý rác thải sinh hoạt', PCT1, 'Phòng Tài nguyên và Môi trường, Trung tâm Dịch vụ công ích', 'Xã Thuận Lộc'],
    [2, '14:00', '16:30', 'Họp Ban Chỉ đạo phổ cập giáo dục, xoá mù chữ', PCT2, 'Phòng Giáo dục và Đào tạo, hiệu trưởng các trường', HOP],
    [4, '07:30', '11:00', 'Kiểm tra công tác chuẩn bị chăm sóc, bảo vệ rừng mùa khô', PCT1, 'Hạt Kiểm lâm, Ban Chỉ huy Quân sự phường', 'Núi Hồng Lĩnh, phường Đậu Liêu'],
    [5, '07:30', '11:00', 'Dự Ngày hội Đại đoàn kết toàn dân tộc tại khu dân cư', CT, 'Uỷ ban MTTQ Việt Nam phường', 'Tổ dân phố 4, phường Nam Hồng'],
  ],
  // this week
  [
    [0, '14:00', '16:30', 'Họp Ban Chỉ đạo xây dựng đô thị văn minh', PCT2, 'Phòng Văn hoá và Thông tin, Phòng Quản lý đô thị, các phường', HOP],
    [1, '08:00', '11:00', 'Kiểm tra công trình Trường Tiểu học Đức Thuận (xây mới 8 phòng học)', PCT2, 'Phòng Giáo dục và Đào tạo, Ban Quản lý dự án, đơn vị thi công', 'Phường Đức Thuận'],
    [1, '14:00', '17:00', 'Họp thẩm định hồ sơ đề nghị công nhận khu dân cư kiểu mẫu', PCT1, 'Thành viên Tổ thẩm định; Trưởng các tổ dân phố có hồ sơ', HOP],
    [2, '07:30', '11:30', 'Kỳ họp chuyên đề HĐND phường', CT, 'Đại biểu HĐND phường; lãnh đạo UBND phường; các phòng, ban liên quan', 'Hội trường UBND phường'],
    [2, '14:00', '', 'Đối thoại với hộ dân bị ảnh hưởng dự án mở rộng Quốc lộ 8A', PCT1, 'Hội đồng bồi thường, hỗ trợ, tái định cư; UBND phường Trung Lương', 'Nhà văn hoá tổ dân phố 2, phường Trung Lương'],
    [3, '14:00', '17:00', 'Nghe báo cáo phương án phòng, chống rét cho cây trồng vụ Xuân', PCT1, 'Phòng Kinh tế, Trạm Khuyến nông', HOP],
    [4, '07:30', '10:30', 'Thăm, tặng quà gia đình chính sách có hoàn cảnh khó khăn', PCT2, 'Phòng Lao động – Thương binh và Xã hội, Hội Cựu chiến binh', 'Các phường Bắc Hồng, Nam Hồng'],
    [4, '19:30', '21:30', 'Dự Chương trình nghệ thuật chào mừng ngày thành lập phường', CT, 'Lãnh đạo HĐND, UBND, Uỷ ban MTTQ phường', 'Quảng trường phường'],
  ],
  // next week
  [
    [1, '08:00', '11:00', 'Hội nghị sơ kết công tác cải cách hành chính', CT, 'Lãnh đạo các phòng, ban; Trưởng các tổ dân phố; công chức bộ phận một cửa', 'Hội trường UBND phường'],
    [1, '14:00', '17:00', 'Kiểm tra công trình kè chống sạt lở khe Hao Hao', PCT1, 'Phòng Kinh tế, Ban Quản lý dự án, đơn vị tư vấn giám sát', 'Phường Đậu Liêu'],
    [2, '07:30', '11:00', 'Làm việc với Bảo hiểm xã hội về phát triển người tham gia bảo hiểm xã hội tự nguyện', PCT2, 'Bảo hiểm xã hội phường, Phòng Lao động – Thương binh và Xã hội', HOP],
    [2, '14:00', '16:00', 'Họp Hội đồng thi đua – khen thưởng phường', CT, 'Thành viên Hội đồng thi đua – khen thưởng', HOP],
    [3, '14:00', '17:00', 'Kiểm tra an toàn thực phẩm tại chợ Hồng Lĩnh', PCT2, 'Đoàn kiểm tra liên ngành an toàn thực phẩm', 'Chợ Hồng Lĩnh, phường Bắc Hồng'],
    [5, '07:00', '11:00', 'Ra quân tổng vệ sinh môi trường “Ngày Chủ nhật xanh”', CT, 'Các phòng, ban, đoàn thể; nhân dân các tổ dân phố', 'Đường Nguyễn Ái Quốc'],
  ],
];

const BAC_HONG_LINH_WEEKLY: Item[] = [
  [0, '07:30', '09:00', 'Giao ban lãnh đạo Đảng uỷ – HĐND – UBND phường', 'Đồng chí Bí thư Đảng uỷ phường', 'Thường trực Đảng uỷ, HĐND, UBND, Uỷ ban MTTQ phường', 'Phòng họp UBND phường'],
  [2, '07:30', '11:00', 'Tiếp công dân định kỳ', 'Đồng chí Chủ tịch UBND phường', 'Công chức Địa chính – Xây dựng, Tư pháp – Hộ tịch', 'Phòng tiếp công dân UBND phường'],
];

const BAC_HONG_LINH_WEEKS: Item[][] = [
  [[3, '14:00', '16:30', 'Kiểm tra công tác vệ sinh môi trường các tổ dân phố', 'Đồng chí Phó Chủ tịch UBND phường', 'Công chức Địa chính – Môi trường, trưởng các tổ dân phố', 'Tổ dân phố 3, 5']],
  [
    [1, '14:00', '16:00', 'Họp xét đề nghị trợ cấp xã hội hằng tháng', 'Đồng chí Phó Chủ tịch UBND phường', 'Công chức Văn hoá – Xã hội, Hội Người cao tuổi', 'Phòng họp UBND phường'],
    [4, '08:00', '10:00', 'Kiểm tra tiến độ nâng cấp nhà văn hoá tổ dân phố 6', 'Đồng chí Chủ tịch UBND phường', 'Công chức Địa chính – Xây dựng, Ban công tác Mặt trận tổ dân phố 6', 'Tổ dân phố 6'],
  ],
  [[3, '08:00', '11:00', 'Hội nghị lấy ý kiến nhân dân về dự thảo quy ước tổ dân phố', 'Đồng chí Chủ tịch Uỷ ban MTTQ phường', 'Đại diện các hộ gia đình, Ban công tác Mặt trận', 'Nhà văn hoá tổ dân phố 1']],
];

/** Demo content of Lịch công tác: last week, this week and next week, relative to the seeding time. */
export const seedSchedule: DemoSeeder = async (db, { siteId, demo: site }) => {
  const now = new Date();
  const stamp = now.toISOString();
  if (site.archived) return; // an archive publishes no new week
  const isNamHongLinh = site.code === 'namhonglinh';
  const weekly = isNamHongLinh ? NAM_HONG_LINH_WEEKLY : BAC_HONG_LINH_WEEKLY;
  const weeks = isNamHongLinh ? NAM_HONG_LINH_WEEKS : BAC_HONG_LINH_WEEKS;
  const rows = weeks.flatMap((extra, i) => {
    const monday = addWeeks(currentWeek(now), i - 1).days[0]!;
    return [...weekly, ...extra].map(([dow, start, end, content, leader, participants, place], n) => ({
      site_id: siteId,
      day: addDays(monday, dow),
      start_time: start,
      end_time: end,
      content,
      leader,
      participants,
      place,
      note: '',
      // Next week's last item is still a draft: it is not public until someone publishes it.
      published: i === 2 && n === weekly.length + extra.length - 1 ? 0 : 1,
      created_at: stamp,
      updated_at: stamp,
    }));
  });
  await db.insertInto('schedule_entries').values(rows).execute();
};
