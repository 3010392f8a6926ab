import type { PlanKind } from '../../kernel/db/tables/plans.js';
import type { DemoSeeder } from '../../kernel/feature.js';
import { slugify } from '../../kernel/lib/text.js';
import { minimalPdf } from '../documents/pdf.js';

interface DemoPlan { kind: PlanKind; title: string; period: string; decision: string; approved: string; summary: string; map?: string; geojson?: object }

/** A residential block south of the Hồng Lĩnh market, as a land-use layer (WGS 84). */
const KHU_DAN_CU = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { ten: 'Đất ở mới (ONT)', dien_tich_ha: 3.2 }, geometry: { type: 'Polygon', coordinates: [[[105.7052, 18.5321], [105.7089, 18.5321], [105.7089, 18.5296], [105.7052, 18.5296], [105.7052, 18.5321]]] } },
    { type: 'Feature', properties: { ten: 'Đất cây xanh, sân chơi (DKV)', dien_tich_ha: 0.6 }, geometry: { type: 'Polygon', coordinates: [[[105.7089, 18.5321], [105.7101, 18.5321], [105.7101, 18.5305], [105.7089, 18.5305], [105.7089, 18.5321]]] } },
  ],
};

const NAM_HONG_LINH: DemoPlan[] = [
  {
    kind: 'ke-hoach-su-dung-dat', title: 'Kế hoạch sử dụng đất năm 2026 phường Nam Hồng Lĩnh', period: 'năm 2026', decision: 'Quyết định số 412/QĐ-UBND của UBND tỉnh Hà Tĩnh', approved: '2026-02-10',
    summary: 'Tổng diện tích tự nhiên 2.318,6 ha. Năm 2026 thu hồi 12,4 ha đất để thực hiện 9 công trình, dự án; chuyển mục đích sử dụng 4,8 ha đất trồng lúa.',
    map: 'Bản đồ kế hoạch sử dụng đất năm 2026.pdf',
  },
  {
    kind: 'quy-hoach', title: 'Quy hoạch chi tiết khu dân cư phía Nam chợ Hồng Lĩnh, tỷ lệ 1/500', period: '2025–2030', decision: 'Quyết định số 2185/QĐ-UBND của UBND tỉnh Hà Tĩnh', approved: '2025-11-18',
    summary: 'Quy mô 3,8 ha, 142 lô đất ở liền kề, đất cây xanh 0,6 ha, đường nội bộ rộng 13,5 m.', map: 'Bản đồ quy hoạch tổng mặt bằng.pdf', geojson: KHU_DAN_CU,
  },
  {
    kind: 'ke-hoach-kt-xh', title: 'Kế hoạch phát triển kinh tế – xã hội năm 2026', period: 'năm 2026', decision: 'Nghị quyết số 18/NQ-HĐND của HĐND phường', approved: '2025-12-18',
    summary: 'Tốc độ tăng giá trị sản xuất 9,5%; thu ngân sách trên địa bàn 52.860 triệu đồng; tỷ lệ hộ nghèo giảm còn 1,2%.',
  },
];

const BAC_HONG_LINH: DemoPlan[] = [
  {
    kind: 'ke-hoach-su-dung-dat', title: 'Kế hoạch sử dụng đất năm 2026 phường Bắc Hồng Lĩnh', period: 'năm 2026', decision: 'Quyết định số 415/QĐ-UBND của UBND tỉnh Hà Tĩnh', approved: '2026-02-10',
    summary: 'Thu hồi 5,1 ha đất để thực hiện 4 công trình, trong đó đường giao thông nội thị tổ dân phố 3.', map: 'Bản đồ kế hoạch sử dụng đất 2026.pdf',
  },
];

/** Demo content of Quy hoạch – Kế hoạch on the two live wards: plan maps as PDF, one GeoJSON layer. */
export const seedPlans: DemoSeeder = async (db, { siteId, demo, media, now }) => {
  if ((demo as { archived?: unknown }).archived) return;
  const items = demo.isDefault ? NAM_HONG_LINH : demo.code === 'bachonglinh' ? BAC_HONG_LINH : [];
  const stamp = now.toISOString();
  for (const [i, p] of items.entries()) {
    const { id } = await db
      .insertInto('plans')
      .values({
        site_id: siteId, kind: p.kind, title: p.title, slug: slugify(p.title, 80), decision: p.decision, approved_on: p.approved, period: p.period, summary: p.summary,
        geojson: p.geojson ? JSON.stringify(p.geojson) : null, published: 1, created_at: stamp, updated_at: stamp, created_by: null, updated_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (!p.map) continue;
    const path = `${demo.code}/quy-hoach/demo-${i + 1}.pdf`;
    const pdf = minimalPdf([p.title.slice(0, 80), p.decision, p.summary.slice(0, 90), 'Ban demo cua Cong thong tin dien tu.']);
    await media.put(path, pdf, 'application/pdf');
    await db.insertInto('plan_files').values({ site_id: siteId, plan_id: id, original_name: p.map, disk_path: path, mime: 'application/pdf', ext: 'pdf', size_bytes: pdf.length, created_at: stamp }).execute();
  }
};
