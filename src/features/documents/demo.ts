import { DEFAULT_TYPES } from './commands/document-types.js';
import { documentSlug } from './commands/context.js';
import { searchFoldOf } from './input.js';
import { normaliseNumber, numberCode, numberFold } from './number.js';
import { minimalPdf } from './pdf.js';
import type { DocumentStatus } from '../../kernel/db/tables/documents.js';
import { nfc } from '../../kernel/lib/text.js';
import type { DemoSeeder } from '../../kernel/feature.js';

interface DemoDocument {
  number: string;
  type: string;
  issuer: string;
  signer: string;
  issued: string;
  effective?: string;
  title: string;
  field: string;
  status?: DocumentStatus;
  /** Days from seeding until a draft's comment period ends. */
  consultationDays?: number;
  /** Numbers of related documents (listed once; the relation goes both ways). */
  related?: string[];
  /** Attach the generated demo PDF. */
  pdf?: boolean;
}

const TX = 'UBND thị xã Hồng Lĩnh';
const NHL = 'UBND phường Bắc Hồng Lĩnh';

/**
 * The two resolutions the seed article names are real; their numbers, dates, issuers and the
 * trích yếu of 22-NQ/TW are as published (21-NQ/TW of 16/6/2022 replaced 22-NQ/TW). For
 * 02-NQ/TU the seed article is the only source: issuer and subject are taken from it, the date
 * and signer are demo text. Every ward document below is invented demo text.
 */
const NAM_HONG_LINH: DemoDocument[] = [
  {
    number: '22-NQ/TW', type: 'Nghị quyết', issuer: 'Ban Chấp hành Trung ương Đảng (khoá X)', signer: 'Tổng Bí thư Nông Đức Mạnh',
    issued: '2008-02-02', effective: '2008-02-02', field: 'Xây dựng Đảng', status: 'het-hieu-luc', pdf: true,
    title: 'Về nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức cơ sở đảng và chất lượng đội ngũ cán bộ, đảng viên',
  },
  {
    number: '21-NQ/TW', type: 'Nghị quyết', issuer: 'Ban Chấp hành Trung ương Đảng (khoá XIII)', signer: 'Tổng Bí thư Nguyễn Phú Trọng',
    issued: '2022-06-16', effective: '2022-06-16', field: 'Xây dựng Đảng', related: ['22-NQ/TW'],
    title: 'Về tăng cường củng cố, xây dựng tổ chức cơ sở đảng và nâng cao chất lượng đội ngũ đảng viên trong giai đoạn mới',
  },
  {
    // Demo text: the date and signer are invented; issuer and subject follow the seed article.
    number: '02-NQ/TU', type: 'Nghị quyết', issuer: 'Ban Chấp hành Đảng bộ thị xã Hồng Lĩnh', signer: 'T/M Thị uỷ, Bí thư',
    issued: '2011-09-20', effective: '2011-09-20', field: 'Dân vận', pdf: true, related: ['22-NQ/TW'],
    title: 'Về tăng cường sự lãnh đạo của Đảng đối với công tác dân vận, phát huy sức mạnh các tầng lớp nhân dân thực hiện thắng lợi mục tiêu xây dựng và phát triển thị xã giai đoạn 2010 - 2015 và những năm tiếp theo',
  },
  {
    number: '1520/QĐ-UBND', type: 'Quyết định', issuer: TX, signer: 'Phó Chủ tịch Nguyễn Văn Hùng', issued: '2023-06-12', effective: '2023-06-12',
    field: 'Công nghệ thông tin', pdf: true, title: 'Về việc ban hành Quy chế quản lý, vận hành Cổng thông tin điện tử thị xã Hồng Lĩnh',
  },
  {
    number: '85/KH-UBND', type: 'Kế hoạch', issuer: TX, signer: 'Phó Chủ tịch Nguyễn Văn Hùng', issued: '2024-03-05',
    field: 'Công nghệ thông tin', related: ['1520/QĐ-UBND'], title: 'Triển khai thực hiện chuyển đổi số trên địa bàn thị xã Hồng Lĩnh năm 2024',
  },
  {
    number: '112/KH-UBND', type: 'Kế hoạch', issuer: TX, signer: 'Phó Chủ tịch Lê Thị Thu Hà', issued: '2023-04-10',
    field: 'Y tế', title: 'Tổ chức các hoạt động hưởng ứng Tháng hành động vì an toàn thực phẩm năm 2023',
  },
  {
    number: '45/TB-UBND', type: 'Thông báo', issuer: TX, signer: 'Chánh Văn phòng Trần Đình Phúc', issued: '2024-08-20',
    field: 'Đất đai', title: 'Kết luận của Chủ tịch UBND thị xã tại cuộc họp về công tác bồi thường, giải phóng mặt bằng dự án đường Trần Phú kéo dài',
  },
  {
    number: '1234/UBND-TNMT', type: 'Công văn', issuer: TX, signer: 'Phó Chủ tịch Lê Thị Thu Hà', issued: '2024-10-02',
    field: 'Phòng, chống thiên tai', title: 'Về việc tăng cường công tác phòng, chống thiên tai, tìm kiếm cứu nạn mùa mưa bão năm 2024',
  },
  {
    number: '2105/QĐ-UBND', type: 'Quyết định', issuer: TX, signer: 'Phó Chủ tịch Lê Thị Thu Hà', issued: '2022-09-15', effective: '2022-09-15',
    field: 'Lao động - Xã hội', title: 'Phê duyệt danh sách hộ nghèo, hộ cận nghèo trên địa bàn thị xã Hồng Lĩnh năm 2022',
  },
  {
    number: '35/2019/QĐ-UBND', type: 'Quyết định', issuer: TX, signer: 'Chủ tịch Nguyễn Hữu Tuấn', issued: '2019-05-10', effective: '2019-05-20',
    field: 'Xây dựng', status: 'het-hieu-luc', title: 'Ban hành Quy định quản lý trật tự xây dựng trên địa bàn thị xã Hồng Lĩnh',
  },
  {
    number: '12/2023/QĐ-UBND', type: 'Quyết định', issuer: TX, signer: 'Chủ tịch Nguyễn Hữu Tuấn', issued: '2023-02-14', effective: '2023-02-25',
    field: 'Xây dựng', pdf: true, related: ['35/2019/QĐ-UBND'],
    title: 'Ban hành Quy định quản lý trật tự xây dựng trên địa bàn thị xã Hồng Lĩnh (thay thế Quyết định số 35/2019/QĐ-UBND)',
  },
  {
    number: '03/CT-UBND', type: 'Chỉ thị', issuer: TX, signer: 'Chủ tịch Nguyễn Hữu Tuấn', issued: '2024-01-08', effective: '2024-01-08',
    field: 'Đất đai', title: 'Về tăng cường công tác quản lý nhà nước về đất đai trên địa bàn thị xã',
  },
  {
    number: '210/BC-UBND', type: 'Báo cáo', issuer: TX, signer: 'Chủ tịch Nguyễn Hữu Tuấn', issued: '2021-12-20',
    field: 'Kinh tế - xã hội', title: 'Tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2021, phương hướng nhiệm vụ năm 2022',
  },
  {
    number: '05/DT-UBND', type: 'Kế hoạch', issuer: 'UBND phường Nam Hồng Lĩnh', signer: '', issued: '2026-11-02', field: 'Xây dựng', status: 'du-thao', consultationDays: 30,
    title: 'Dự thảo Kế hoạch phát triển hệ thống cây xanh đô thị phường Nam Hồng Lĩnh giai đoạn 2026 - 2030',
  },
];

/** Invented demo text for the ward formed in 2025. */
const BAC_HONG_LINH: DemoDocument[] = [
  {
    number: '01/QĐ-UBND', type: 'Quyết định', issuer: NHL, signer: 'Chủ tịch Phan Văn Lâm', issued: '2025-07-01', effective: '2025-07-01',
    field: 'Tổ chức bộ máy', pdf: true, title: 'Về việc quy định chức năng, nhiệm vụ, quyền hạn của Văn phòng HĐND và UBND phường Bắc Hồng Lĩnh',
  },
  {
    number: '15/KH-UBND', type: 'Kế hoạch', issuer: NHL, signer: 'Phó Chủ tịch Võ Thị Hạnh', issued: '2025-07-10', related: ['01/QĐ-UBND'],
    field: 'Cải cách hành chính', title: 'Tiếp nhận, bàn giao hồ sơ, tài liệu của các phường trước sắp xếp về UBND phường Bắc Hồng Lĩnh',
  },
  {
    number: '22/TB-UBND', type: 'Thông báo', issuer: NHL, signer: 'Chánh Văn phòng Đặng Quốc Việt', issued: '2025-08-05',
    field: 'Tiếp công dân', title: 'Lịch tiếp công dân định kỳ của Chủ tịch UBND phường Bắc Hồng Lĩnh',
  },
];

export const seedDocuments: DemoSeeder = async (db, { siteId, demo: site, media }) => {
  const now = new Date();
  const stamp = now.toISOString();
  const typeIds = new Map<string, number>();
  for (const [i, name] of DEFAULT_TYPES.entries()) {
    const { id } = await db.insertInto('document_types').values({ site_id: siteId, name, position: i, created_at: stamp }).returning('id').executeTakeFirstOrThrow();
    typeIds.set(name, id);
  }
  const docs = site.code === 'namhonglinh' ? NAM_HONG_LINH : site.code === 'bachonglinh' ? BAC_HONG_LINH : [];
  const ids = new Map<string, number>();
  for (const [i, d] of docs.entries()) {
    const number = normaliseNumber(d.number)!;
    const values = { number, issuer: nfc(d.issuer), signer: nfc(d.signer), title: nfc(d.title), field: nfc(d.field) };
    const until = d.consultationDays ? new Date(now.getTime() + d.consultationDays * 86_400_000).toISOString().slice(0, 10) : null;
    const { id } = await db
      .insertInto('documents')
      .values({
        ...values,
        site_id: siteId,
        number_fold: numberFold(number),
        number_code: numberCode(number),
        type_id: typeIds.get(d.type)!,
        issued_on: d.issued,
        effective_on: d.effective ?? null,
        status: d.status ?? 'con-hieu-luc',
        consultation_until: until,
        published: 1,
        slug: documentSlug(d.type, number, values.title),
        search_fold: searchFoldOf(values, d.type),
        created_at: stamp,
        updated_at: stamp,
        created_by: null,
        updated_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(d.number, id);
    if (d.pdf) {
      const path = `${site.code}/van-ban/demo-${i + 1}-${documentSlug(d.type, number, '').slice(0, 40)}.pdf`;
      const pdf = minimalPdf([`${d.type} so ${number}`, d.issuer, d.title.slice(0, 90), `Ngay ban hanh: ${d.issued}`, 'Ban demo cua Cong thong tin dien tu.']);
      await media.put(path, pdf, 'application/pdf');
      await db
        .insertInto('document_files')
        .values({ site_id: siteId, document_id: id, original_name: `${d.type} ${d.number}.pdf`.replace(/\//g, '-'), disk_path: path, mime: 'application/pdf', ext: 'pdf', size_bytes: pdf.length, created_at: stamp })
        .execute();
    }
  }
  for (const d of docs) {
    for (const r of d.related ?? []) {
      const [a, b] = [ids.get(d.number)!, ids.get(r)!];
      await db.insertInto('document_relations').values([{ site_id: siteId, document_id: a, related_id: b }, { site_id: siteId, document_id: b, related_id: a }]).execute();
    }
  }
};
