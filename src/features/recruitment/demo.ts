import type { DemoSeeder } from '../../kernel/feature.js';
import { localIsoDate } from '../../kernel/lib/format.js';
import { demoAttachment } from '../disclosure/demo-files.js';

const DAY = 86_400_000;

/** One notice still open and one past its deadline on the default ward; one open on the other. */
export const seedRecruitment: DemoSeeder = async (db, target) => {
  const { siteId, demo, now } = target;
  if ((demo as { archived?: unknown }).archived) return;
  const stamp = now.toISOString();
  const day = (offset: number) => localIsoDate(new Date(now.getTime() + offset * DAY));
  const rows: [number, number, string, string, string][] = demo.isDefault
    ? [
        [-10, 20, 'Thông báo tuyển dụng viên chức Trung tâm Dịch vụ công ích phường năm 2026', 'UBND phường Nam Hồng Lĩnh thông báo tuyển dụng 02 viên chức làm việc tại Trung tâm Dịch vụ công ích: 01 vị trí kỹ thuật viên môi trường, 01 vị trí kế toán viên.\n\nĐiều kiện, hồ sơ và thời gian xét tuyển theo thông báo đính kèm. Hồ sơ nộp trực tiếp tại Văn phòng HĐND và UBND phường trong giờ hành chính.', [await demoAttachment(db, target, 'Thông báo tuyển dụng viên chức năm 2026', ['Thong bao tuyen dung vien chuc nam 2026', 'UBND phuong Nam Hong Linh', 'Ban demo cua Cong thong tin dien tu.']), await demoAttachment(db, target, 'Phiếu đăng ký dự tuyển', ['Phieu dang ky du tuyen', 'Ban demo cua Cong thong tin dien tu.'])].join('\n')],
        [-60, -30, 'Thông báo tuyển dụng hợp đồng lao động làm công tác bảo vệ trụ sở', 'Tuyển 01 nhân viên bảo vệ trụ sở UBND phường theo hợp đồng lao động.', ''],
      ]
    : [[-5, 25, 'Thông báo tuyển dụng công chức Văn hoá – Xã hội phường Bắc Hồng Lĩnh', 'Tuyển 01 công chức Văn hoá – Xã hội. Hồ sơ nộp tại Bộ phận Một cửa UBND phường.', await demoAttachment(db, target, 'Thông báo tuyển dụng công chức năm 2026', ['Thong bao tuyen dung cong chuc nam 2026', 'UBND phuong Bac Hong Linh', 'Ban demo cua Cong thong tin dien tu.'])]];
  await db
    .insertInto('disclosure_notices')
    .values(rows.map(([from, until, title, body, links]) => ({ site_id: siteId, kind: 'recruitment', title, body, day: day(from), deadline: day(until), links, created_at: stamp, updated_at: stamp })))
    .execute();
};
