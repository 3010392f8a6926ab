import type { NoticeKind, ProjectStatus } from '../../kernel/db/tables/projects.js';
import type { DemoSeeder } from '../../kernel/feature.js';
import { slugify } from '../../kernel/lib/text.js';
import { minimalPdf } from '../documents/pdf.js';

interface DemoNotice { kind: NoticeKind; title: string; issued: string; deadline?: string; body: string; pdf?: string }
interface DemoProject {
  name: string; investor: string; capital: number | null; source: string; location: string; start: string | null; finish: string | null;
  progress: number; status: ProjectStatus; summary: string; notices: DemoNotice[];
}

const UBND_NAM = 'UBND phường Nam Hồng Lĩnh';
const UBND_BAC = 'UBND phường Bắc Hồng Lĩnh';

const NAM_HONG_LINH: DemoProject[] = [
  {
    name: 'Xây mới 8 phòng học Trường Tiểu học Đức Thuận', investor: UBND_NAM, capital: 12_400_000_000, source: 'Ngân sách phường; ngân sách tỉnh hỗ trợ theo Nghị quyết của HĐND tỉnh',
    location: 'Tổ dân phố Đức Thuận, phường Nam Hồng Lĩnh', start: '2026-03-16', finish: '2026-12-31', progress: 85, status: 'dang-thuc-hien',
    summary: 'Nhà học 2 tầng, 8 phòng học và các phòng chức năng, tổng diện tích sàn 1.120 m²; cải tạo sân, cổng, tường rào.',
    notices: [
      { kind: 'moi-thau', title: 'Thông báo mời thầu gói thầu số 05: Thi công xây dựng nhà học 2 tầng 8 phòng', issued: '2026-01-20', deadline: '2026-02-09', body: 'Hình thức lựa chọn nhà thầu: đấu thầu rộng rãi trong nước, qua mạng trên Hệ thống mạng đấu thầu quốc gia. Giá gói thầu: 9.870.000.000 đồng.', pdf: 'Thông báo mời thầu gói thầu số 05.pdf' },
      { kind: 'ket-qua-thau', title: 'Kết quả lựa chọn nhà thầu gói thầu số 05', issued: '2026-03-02', body: 'Nhà thầu trúng thầu: Công ty TNHH Xây dựng Hồng Lam. Giá trúng thầu: 9.612.450.000 đồng. Thời gian thực hiện hợp đồng: 270 ngày.' },
    ],
  },
  {
    name: 'Mở rộng Quốc lộ 8A đoạn qua phường Nam Hồng Lĩnh', investor: 'Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh Hà Tĩnh', capital: 186_500_000_000, source: 'Ngân sách trung ương và ngân sách tỉnh',
    location: 'Tổ dân phố 2, 3, 5, phường Nam Hồng Lĩnh', start: '2026-09-01', finish: '2028-06-30', progress: 15, status: 'dang-thuc-hien',
    summary: 'Mở rộng mặt đường lên 4 làn xe, dài 2,4 km. Phường phối hợp giải phóng mặt bằng: 63 hộ bị ảnh hưởng, trong đó 9 hộ phải tái định cư.',
    notices: [
      { kind: 'thu-hoi-dat', title: 'Thông báo thu hồi đất thực hiện dự án mở rộng Quốc lộ 8A', issued: '2026-05-12', body: 'Diện tích dự kiến thu hồi: 3,85 ha (đất ở 0,62 ha; đất trồng lúa 2,71 ha; đất khác 0,52 ha). Thời gian điều tra, khảo sát, đo đạc, kiểm đếm: từ 01/6/2026 đến 31/7/2026.', pdf: 'Thông báo thu hồi đất QL8A.pdf' },
      { kind: 'boi-thuong', title: 'Dự thảo phương án bồi thường, hỗ trợ, tái định cư đợt 1 (lấy ý kiến)', issued: '2026-08-05', deadline: '2026-09-04', body: 'Niêm yết công khai tại trụ sở UBND phường và nhà văn hoá tổ dân phố 2, 3, 5 trong 30 ngày. Tổng kinh phí bồi thường, hỗ trợ đợt 1: 24.318.600.000 đồng cho 41 hộ.', pdf: 'Dự thảo phương án bồi thường đợt 1.pdf' },
    ],
  },
  {
    name: 'Kè chống sạt lở khe Hao Hao', investor: UBND_NAM, capital: 4_950_000_000, source: 'Ngân sách tỉnh (vốn phòng, chống thiên tai)',
    location: 'Khe Hao Hao, tổ dân phố Đậu Liêu', start: null, finish: null, progress: 0, status: 'chuan-bi',
    summary: 'Kè bờ bằng bê tông cốt thép dài 320 m bảo vệ 27 hộ dân ven khe.',
    notices: [{ kind: 'moi-thau', title: 'Thông báo mời thầu gói thầu tư vấn khảo sát, lập báo cáo kinh tế – kỹ thuật', issued: '2026-11-20', deadline: '2026-12-10', body: 'Hình thức: chào hàng cạnh tranh qua mạng. Giá gói thầu: 286.000.000 đồng.' }],
  },
];

const BAC_HONG_LINH: DemoProject[] = [
  {
    name: 'Nâng cấp nhà văn hoá tổ dân phố 6', investor: UBND_BAC, capital: 1_850_000_000, source: 'Ngân sách phường và nhân dân đóng góp',
    location: 'Tổ dân phố 6, phường Bắc Hồng Lĩnh', start: '2026-06-01', finish: '2026-11-30', progress: 100, status: 'hoan-thanh',
    summary: 'Cải tạo hội trường 150 chỗ, xây mới khu vệ sinh, sân thể thao.',
    notices: [{ kind: 'moi-thau', title: 'Thông báo mời thầu gói thầu thi công nâng cấp nhà văn hoá tổ dân phố 6', issued: '2026-04-15', deadline: '2026-04-30', body: 'Hình thức: chào hàng cạnh tranh rút gọn. Giá gói thầu: 1.520.000.000 đồng.' }],
  },
  {
    name: 'Đường giao thông nội thị tổ dân phố 3 (nối đường Nguyễn Ái Quốc)', investor: UBND_BAC, capital: 6_200_000_000, source: 'Ngân sách phường',
    location: 'Tổ dân phố 3, phường Bắc Hồng Lĩnh', start: '2026-08-10', finish: '2027-03-31', progress: 40, status: 'dang-thuc-hien',
    summary: 'Đường dài 780 m, mặt đường bê tông nhựa rộng 7,5 m, rãnh thoát nước hai bên.',
    notices: [{ kind: 'boi-thuong', title: 'Phương án bồi thường, hỗ trợ đã được phê duyệt', issued: '2026-07-22', body: '14 hộ bị ảnh hưởng một phần diện tích đất vườn; tổng kinh phí bồi thường, hỗ trợ 1.964.000.000 đồng.', pdf: 'Phương án bồi thường đường TDP 3.pdf' }],
  },
];

/** Demo content of Dự án – Đấu thầu – GPMB on the two live wards, with a few notice PDFs. */
export const seedProjects: DemoSeeder = async (db, { siteId, demo, media, now }) => {
  if ((demo as { archived?: unknown }).archived) return;
  const items = demo.isDefault ? NAM_HONG_LINH : demo.code === 'bachonglinh' ? BAC_HONG_LINH : [];
  const stamp = now.toISOString();
  for (const [i, p] of items.entries()) {
    const { id } = await db
      .insertInto('projects')
      .values({
        site_id: siteId, name: p.name, slug: slugify(p.name, 80), investor: p.investor, capital_vnd: p.capital, capital_source: p.source, location: p.location,
        start_on: p.start, finish_on: p.finish, progress: p.progress, status: p.status, summary: p.summary, published: 1,
        // Older projects first, so the list shows the newest on top.
        created_at: stamp, updated_at: new Date(now.getTime() - (items.length - i) * 60_000).toISOString(), created_by: null, updated_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [j, n] of p.notices.entries()) {
      const { id: noticeId } = await db
        .insertInto('project_notices')
        .values({ site_id: siteId, project_id: id, kind: n.kind, title: n.title, issued_on: n.issued, deadline_on: n.deadline ?? null, body: n.body, created_at: stamp, updated_at: stamp })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (!n.pdf) continue;
      const path = `${demo.code}/du-an/demo-${i + 1}-${j + 1}.pdf`;
      const pdf = minimalPdf([n.title.slice(0, 80), p.name.slice(0, 80), n.body.slice(0, 90), n.body.slice(90, 180), 'Ban demo cua Cong thong tin dien tu.']);
      await media.put(path, pdf, 'application/pdf');
      await db.insertInto('project_files').values({ site_id: siteId, project_id: id, notice_id: noticeId, original_name: n.pdf, disk_path: path, mime: 'application/pdf', ext: 'pdf', size_bytes: pdf.length, created_at: stamp }).execute();
    }
  }
};
