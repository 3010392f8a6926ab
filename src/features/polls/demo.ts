import type { Db } from '../../kernel/db/connection.js';
import { documentSlug } from '../documents/commands/context.js';
import { searchFoldOf } from '../documents/input.js';
import { normaliseNumber, numberCode, numberFold } from '../documents/number.js';
import { minimalPdf } from '../documents/pdf.js';
import { contentHash } from '../comments/input.js';
import { localIsoDate } from '../../kernel/lib/format.js';
import type { DemoSite } from '../../kernel/demo/types.js';
import type { DemoSeeder } from '../../kernel/feature.js';
import type { MediaStorage } from '../../kernel/storage/media-storage.js';

/**
 * Demo polls, with dates relative to the seeding time so that the open ones stay open. The closed
 * poll's results are set as counters only (no vote log behind them: nobody can change them).
 */
interface DemoPoll {
  question: string;
  multiple?: number;
  maxChoices?: number;
  /** Days from now (negative: in the past). */
  opensIn: number;
  closesIn: number | null;
  results: 'always' | 'after_vote';
  options: [string, number][];
}

const DAY = 86_400_000;

const NAM_HONG_LINH: DemoPoll[] = [
  {
    question: 'Ông/bà đánh giá thế nào về chất lượng phục vụ của Bộ phận Một cửa phường Nam Hồng Lĩnh?',
    opensIn: -10, closesIn: 20, results: 'always',
    options: [['Rất hài lòng', 0], ['Hài lòng', 0], ['Chưa hài lòng', 0], ['Không hài lòng', 0]],
  },
  {
    question: 'Theo ông/bà, năm 2027 ngân sách phường nên ưu tiên cho những việc nào? (chọn tối đa 2)',
    multiple: 1, maxChoices: 2, opensIn: -3, closesIn: 30, results: 'after_vote',
    options: [
      ['Nâng cấp đường giao thông, ngõ xóm', 0],
      ['Hệ thống chiếu sáng công cộng', 0],
      ['Trường học, nhà văn hóa tổ dân phố', 0],
      ['Thu gom, xử lý rác thải', 0],
      ['Cây xanh, công viên', 0],
    ],
  },
  {
    question: 'Ông/bà thường tìm thông tin về thủ tục hành chính qua kênh nào nhất?',
    opensIn: -90, closesIn: -30, results: 'always',
    options: [['Cổng thông tin điện tử phường', 412], ['Hỏi trực tiếp tại Bộ phận Một cửa', 538], ['Mạng xã hội (Zalo, Facebook)', 219], ['Loa truyền thanh tổ dân phố', 65]],
  },
  {
    question: 'Ông/bà có đồng ý tổ chức chợ đêm cuối tuần tại khu vực trung tâm phường?',
    opensIn: 5, closesIn: 35, results: 'always',
    options: [['Đồng ý', 0], ['Không đồng ý', 0], ['Ý kiến khác', 0]],
  },
];

const BAC_HONG_LINH: DemoPoll[] = [
  {
    question: 'Ông/bà có hài lòng với việc thu gom rác thải sinh hoạt tại tổ dân phố không?',
    opensIn: -5, closesIn: 25, results: 'always',
    options: [['Hài lòng', 0], ['Tạm được', 0], ['Chưa hài lòng', 0]],
  },
];

export const seedPolls: DemoSeeder = async (db, { siteId, demo: site, media }) => {
  await seedPollRows(db, siteId, site);
  await seedDrafts(db, siteId, site, media);
};

async function seedPollRows(db: Db, siteId: number, site: DemoSite): Promise<void> {
  const polls = site.code === 'namhonglinh' ? NAM_HONG_LINH : site.code === 'bachonglinh' ? BAC_HONG_LINH : [];
  const now = Date.now();
  const at = (days: number) => new Date(now + days * DAY).toISOString();
  for (const p of polls) {
    const total = p.multiple ? 0 : p.options.reduce((n, [, v]) => n + v, 0);
    const row = await db
      .insertInto('polls')
      .values({
        site_id: siteId, question: p.question, multiple: p.multiple ?? 0, max_choices: p.maxChoices ?? 0, opens_at: at(p.opensIn),
        closes_at: p.closesIn === null ? null : at(p.closesIn), published: 1, results_visibility: p.results, total_votes: total,
        created_by: null, created_at: at(Math.min(p.opensIn, 0) - 1), updated_at: at(Math.min(p.opensIn, 0) - 1),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('poll_options').values(p.options.map(([label, votes], i) => ({ poll_id: row.id, site_id: siteId, label, position: i, votes }))).execute();
  }
}

/**
 * Drafts open for comment (Góp ý dự thảo) are documents of the library with status 'du-thao'
 * (the library seeds one of its own); these add an open one with feedback, a closed one, and
 * one for Bắc Hồng Lĩnh. Deadlines are relative to the seeding day.
 */
interface DemoDraft {
  number: string;
  title: string;
  issuer: string;
  /** Days from today to the last day of comments (negative: already over). */
  untilIn: number;
  issuedIn: number;
  field: string;
  pdf?: boolean;
  feedback?: { name: string; contact: string; organisation: string; content: string; processed?: boolean }[];
}

const TX = 'UBND phường Nam Hồng Lĩnh';
const DRAFTS: Record<string, DemoDraft[]> = {
  namhonglinh: [
    {
      number: '09/DT-UBND', issuer: TX, untilIn: 14, issuedIn: -7, field: 'Xây dựng', pdf: true,
      title: 'Dự thảo Kế hoạch chỉnh trang đô thị, xây dựng tuyến phố văn minh trên địa bàn phường Nam Hồng Lĩnh năm 2027',
      feedback: [
        { name: 'Trần Văn Hùng', contact: '0912 345 678', organisation: 'Tổ dân phố 3, phường Nam Hồng', content: 'Đề nghị bổ sung hạng mục lát vỉa hè và trồng cây bóng mát trên đường Nguyễn Ái Quốc, đoạn qua chợ Hồng Lĩnh.' },
        { name: 'Lê Thị Mai', contact: 'lethimai.hl@gmail.com', organisation: '', content: 'Mục III.2: nên quy định rõ thời gian thi công, tránh đào đường vào mùa mưa bão (tháng 9 đến tháng 11).', processed: true },
      ],
    },
    {
      number: '02/DT-UBND', issuer: TX, untilIn: -20, issuedIn: -60, field: 'Văn hóa - xã hội',
      title: 'Dự thảo Quy chế quản lý, sử dụng nhà văn hóa tổ dân phố trên địa bàn phường Nam Hồng Lĩnh',
      feedback: [{ name: 'Nguyễn Đình Thắng', contact: '0983 112 233', organisation: 'Ban công tác Mặt trận tổ dân phố 5', content: 'Đề nghị cho phép tổ dân phố thu phí sử dụng hội trường để có kinh phí sửa chữa nhỏ.', processed: true }],
    },
  ],
  bachonglinh: [
    {
      number: '03/DT-UBND', issuer: 'UBND phường Bắc Hồng Lĩnh', untilIn: 21, issuedIn: -3, field: 'Môi trường',
      title: 'Dự thảo Phương án thu gom, vận chuyển rác thải sinh hoạt trên địa bàn phường Bắc Hồng Lĩnh',
    },
  ],
};

async function seedDrafts(db: Db, siteId: number, site: DemoSite, media: MediaStorage): Promise<void> {
  const type = await db.selectFrom('document_types').select(['id', 'name']).where('site_id', '=', siteId).where('name', '=', 'Kế hoạch').executeTakeFirst();
  if (!type) return;
  const now = new Date();
  const stamp = now.toISOString();
  const day = (n: number) => localIsoDate(new Date(now.getTime() + n * DAY));
  for (const d of DRAFTS[site.code] ?? []) {
    const number = normaliseNumber(d.number)!;
    const values = { number, issuer: d.issuer, signer: '', title: d.title, field: d.field };
    const { id } = await db
      .insertInto('documents')
      .values({
        ...values, site_id: siteId, number_fold: numberFold(number), number_code: numberCode(number), type_id: type.id, issued_on: day(d.issuedIn),
        effective_on: null, status: 'du-thao', consultation_until: day(d.untilIn), published: 1, slug: documentSlug(type.name, number, d.title),
        search_fold: searchFoldOf(values, type.name), created_at: stamp, updated_at: stamp, created_by: null, updated_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (d.pdf) {
      const path = `${site.code}/van-ban/demo-du-thao-${id}.pdf`;
      const pdf = minimalPdf([`Du thao Ke hoach so ${number}`, 'UBND thi xa Hong Linh', 'Chinh trang do thi, xay dung tuyen pho van minh nam 2027', 'Ban demo cua Cong thong tin dien tu.']);
      await media.put(path, pdf, 'application/pdf');
      await db.insertInto('document_files').values({ site_id: siteId, document_id: id, original_name: `Dự thảo Kế hoạch ${number.replace(/\//g, '-')}.pdf`, disk_path: path, mime: 'application/pdf', ext: 'pdf', size_bytes: pdf.length, created_at: stamp }).execute();
    }
    for (const [i, f] of (d.feedback ?? []).entries()) {
      const at = new Date(now.getTime() - (5 - i) * DAY).toISOString();
      await db.insertInto('draft_feedback').values({
        site_id: siteId, document_id: id, name: f.name, contact: f.contact, organisation: f.organisation, content: f.content, content_hash: contentHash(f.content),
        visitor: '', processed: f.processed ? 1 : 0, processed_by: null, processed_at: f.processed ? at : null, created_at: at,
      }).execute();
    }
  }
}
