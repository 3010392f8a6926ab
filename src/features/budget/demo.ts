import type { DemoSeeder } from '../../kernel/feature.js';
import { minimalPdf } from '../documents/pdf.js';
import { slotByKey } from './legal-forms.js';

/** [year, slot key, decision day or null, publication day, note] */
type Item = [number, string, string | null, string, string];

/**
 * Nam Hồng Lĩnh publishes all of 2025 (compiled from the wards merged into it on 1 July 2025) and
 * 2026 so far, its second-quarter report a few days late; Bắc Hồng Lĩnh has 2026 only and has not
 * yet published its second-quarter report, so its table shows one overdue row. Amounts are in
 * million đồng, of the size of a ward of about 20,000 people.
 */
const NAM_HONG_LINH: Item[] = [
  [2025, 'du-toan', '2024-12-20', '2025-01-10', 'Tổng thu ngân sách nhà nước trên địa bàn 48.320 triệu đồng; thu ngân sách phường 36.910 triệu đồng; chi ngân sách phường 36.910 triệu đồng.'],
  [2025, 'thuc-hien-q1', null, '2025-04-11', 'Thu ngân sách phường quý I đạt 9.845 triệu đồng (26,7% dự toán); chi 7.962 triệu đồng.'],
  [2025, 'thuc-hien-q2', null, '2025-07-14', 'Thu quý II đạt 10.120 triệu đồng; chi 9.480 triệu đồng.'],
  [2025, 'thuc-hien-6-thang', null, '2025-07-14', 'Thu 6 tháng đạt 19.965 triệu đồng (54,1% dự toán); chi 17.442 triệu đồng (47,3% dự toán).'],
  [2025, 'thuc-hien-q3', null, '2025-10-14', 'Quý đầu tiên sau khi sắp xếp đơn vị hành chính: thu 8.730 triệu đồng; chi 9.105 triệu đồng.'],
  [2025, 'thuc-hien-q4', null, '2026-01-13', 'Thu quý IV đạt 11.482 triệu đồng; chi 12.016 triệu đồng.'],
  [2025, 'thuc-hien-nam', null, '2026-01-13', 'Thu ngân sách phường năm 2025 đạt 40.177 triệu đồng (108,9% dự toán); chi 38.563 triệu đồng.'],
  [2025, 'quyet-toan', '2026-07-10', '2026-07-28', 'Quyết toán thu ngân sách phường 40.177 triệu đồng; quyết toán chi 38.563 triệu đồng; kết dư 1.614 triệu đồng.'],
  [2026, 'du-toan', '2025-12-18', '2026-01-08', 'Tổng thu ngân sách nhà nước trên địa bàn 52.860 triệu đồng; thu ngân sách phường 41.235 triệu đồng; chi ngân sách phường 41.235 triệu đồng, trong đó chi đầu tư phát triển 12.400 triệu đồng.'],
  [2026, 'thuc-hien-q1', null, '2026-04-10', 'Thu ngân sách phường quý I đạt 10.905 triệu đồng (26,4% dự toán); chi 8.712 triệu đồng.'],
  [2026, 'thuc-hien-q2', null, '2026-07-20', 'Thu quý II đạt 11.340 triệu đồng; chi 10.286 triệu đồng.'],
  [2026, 'thuc-hien-6-thang', null, '2026-07-20', 'Thu 6 tháng đạt 22.245 triệu đồng (53,9% dự toán); chi 18.998 triệu đồng (46,1% dự toán).'],
  [2026, 'thuc-hien-q3', null, '2026-10-12', 'Thu quý III đạt 9.870 triệu đồng; chi 10.654 triệu đồng, tập trung giải ngân vốn đầu tư công.'],
];

const BAC_HONG_LINH: Item[] = [
  [2026, 'du-toan', '2025-12-19', '2026-01-12', 'Thu ngân sách phường 28.640 triệu đồng; chi ngân sách phường 28.640 triệu đồng, trong đó dự phòng ngân sách 560 triệu đồng.'],
  [2026, 'thuc-hien-q1', null, '2026-04-13', 'Thu quý I đạt 7.215 triệu đồng (25,2% dự toán); chi 6.034 triệu đồng.'],
  [2026, 'thuc-hien-6-thang', null, '2026-07-15', 'Thu 6 tháng đạt 14.980 triệu đồng (52,3% dự toán); chi 12.875 triệu đồng.'],
  [2026, 'thuc-hien-q3', null, '2026-10-15', 'Thu quý III đạt 6.890 triệu đồng; chi 7.402 triệu đồng.'],
];

/** Demo content of Công khai ngân sách on the two live wards, each report with its PDF. */
export const seedBudget: DemoSeeder = async (db, { siteId, demo, media, now }) => {
  if ((demo as { archived?: unknown }).archived) return; // an archive publishes nothing new
  const items = demo.isDefault ? NAM_HONG_LINH : demo.code === 'bachonglinh' ? BAC_HONG_LINH : [];
  const stamp = now.toISOString();
  for (const [year, key, basisOn, publishedOn, note] of items) {
    const slot = slotByKey(key)!;
    const title = `${slot.kind === 'thuc-hien' ? `Báo cáo tình hình thực hiện ngân sách ${slot.label.replace('Thực hiện ', '')}` : slot.label} năm ${year}`;
    const { id } = await db
      .insertInto('budget_reports')
      .values({
        site_id: siteId, fiscal_year: year, kind: slot.kind, period: slot.period, form_name: slot.form, title, basis_on: basisOn, published_on: publishedOn,
        note, published: 1, created_at: stamp, updated_at: stamp, created_by: null, updated_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const path = `${demo.code}/ngan-sach/demo-${year}-${key}.pdf`;
    const pdf = minimalPdf([title, demo.name, slot.form, note.slice(0, 90), note.slice(90, 180), 'Ban demo cua Cong thong tin dien tu.']);
    await media.put(path, pdf, 'application/pdf');
    await db
      .insertInto('budget_report_files')
      .values({ site_id: siteId, report_id: id, original_name: `${title}.pdf`, disk_path: path, mime: 'application/pdf', ext: 'pdf', size_bytes: pdf.length, created_at: stamp })
      .execute();
  }
};
