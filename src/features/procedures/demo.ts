import { searchFold, slugify } from '../../kernel/lib/text.js';
import { portalUrlFor } from './fields.js';
import type { DemoSeeder } from '../../kernel/feature.js';

interface DemoProcedure {
  title: string;
  code: string;
  field: string;
  duration: string;
  fee: string;
  dossier: string[];
  online: '' | 'toan-trinh' | 'mot-phan';
}

const AT_OFFICE = 'Nộp hồ sơ trực tiếp tại Bộ phận tiếp nhận và trả kết quả của UBND cấp xã; hoặc gửi qua dịch vụ bưu chính; hoặc nộp trực tuyến trên Cổng Dịch vụ công quốc gia.';
const AT_OFFICE_ONLY = 'Nộp hồ sơ trực tiếp tại Bộ phận tiếp nhận và trả kết quả của UBND cấp xã.';

/**
 * Commune-level procedures as a ward publishes them. DEMO DATA: the codes follow the national
 * database's format and are plausible, but a real site must copy each code from
 * https://csdl.dichvucong.gov.vn before publishing.
 */
const PROCEDURES: DemoProcedure[] = [
  {
    title: 'Đăng ký khai sinh', code: '1.001193', field: 'Hộ tịch', online: 'toan-trinh',
    duration: 'Ngay trong ngày tiếp nhận hồ sơ; trường hợp nhận hồ sơ sau 15 giờ mà không giải quyết được ngay thì trả kết quả trong ngày làm việc tiếp theo.',
    fee: 'Miễn lệ phí đối với trường hợp đăng ký khai sinh đúng hạn.',
    dossier: ['Tờ khai đăng ký khai sinh theo mẫu', 'Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận về việc sinh', 'Giấy tờ tùy thân của người đi đăng ký (xuất trình)'],
  },
  {
    title: 'Đăng ký kết hôn', code: '1.000894', field: 'Hộ tịch', online: 'mot-phan',
    duration: 'Ngay trong ngày tiếp nhận hồ sơ; trường hợp cần xác minh thì không quá 05 ngày làm việc.',
    fee: 'Miễn lệ phí.',
    dossier: ['Tờ khai đăng ký kết hôn theo mẫu (hai bên nam, nữ có thể khai chung một tờ khai)', 'Giấy xác nhận tình trạng hôn nhân (trường hợp đăng ký tại nơi không thường trú)', 'Giấy tờ tùy thân của hai bên (xuất trình)'],
  },
  {
    title: 'Đăng ký khai tử', code: '1.000656', field: 'Hộ tịch', online: 'toan-trinh',
    duration: 'Ngay trong ngày tiếp nhận hồ sơ; trường hợp cần xác minh thì không quá 03 ngày làm việc.',
    fee: 'Miễn lệ phí đối với trường hợp đăng ký khai tử đúng hạn.',
    dossier: ['Tờ khai đăng ký khai tử theo mẫu', 'Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử', 'Giấy tờ tùy thân của người đi đăng ký (xuất trình)'],
  },
  {
    title: 'Cấp Giấy xác nhận tình trạng hôn nhân', code: '1.004873', field: 'Hộ tịch', online: 'toan-trinh',
    duration: '03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.',
    fee: 'Theo Nghị quyết của HĐND tỉnh Hà Tĩnh về phí, lệ phí.',
    dossier: ['Tờ khai cấp Giấy xác nhận tình trạng hôn nhân theo mẫu', 'Bản án, quyết định ly hôn đã có hiệu lực hoặc trích lục khai tử của vợ/chồng (nếu có)'],
  },
  {
    title: 'Đăng ký nhận cha, mẹ, con', code: '1.001022', field: 'Hộ tịch', online: 'mot-phan',
    duration: '03 ngày làm việc; trường hợp cần xác minh thì không quá 08 ngày làm việc.',
    fee: 'Theo Nghị quyết của HĐND tỉnh Hà Tĩnh về phí, lệ phí.',
    dossier: ['Tờ khai đăng ký nhận cha, mẹ, con theo mẫu', 'Văn bản của cơ quan y tế, giám định hoặc chứng cứ chứng minh quan hệ cha, mẹ, con'],
  },
  {
    title: 'Cấp bản sao trích lục hộ tịch', code: '2.000635', field: 'Hộ tịch', online: 'toan-trinh',
    duration: 'Ngay trong ngày tiếp nhận yêu cầu.',
    fee: '8.000 đồng/bản sao trích lục (nộp trực tuyến được giảm theo quy định).',
    dossier: ['Tờ khai cấp bản sao trích lục hộ tịch theo mẫu', 'Giấy tờ tùy thân của người yêu cầu (xuất trình)'],
  },
  {
    title: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp', code: '2.000908', field: 'Chứng thực', online: '',
    duration: 'Trong ngày cơ quan tiếp nhận yêu cầu hoặc ngày làm việc tiếp theo nếu tiếp nhận sau 15 giờ.',
    fee: '2.000 đồng/trang; từ trang thứ ba trở lên 1.000 đồng/trang, tối đa 200.000 đồng/bản.',
    dossier: ['Bản chính giấy tờ, văn bản cần chứng thực', 'Bản sao cần chứng thực (nếu người yêu cầu tự chuẩn bị)'],
  },
  {
    title: 'Chứng thực chữ ký trong các giấy tờ, văn bản', code: '2.000884', field: 'Chứng thực', online: '',
    duration: 'Trong ngày cơ quan tiếp nhận yêu cầu hoặc ngày làm việc tiếp theo nếu tiếp nhận sau 15 giờ.',
    fee: '10.000 đồng/trường hợp.',
    dossier: ['Giấy tờ tùy thân còn hiệu lực của người yêu cầu chứng thực', 'Giấy tờ, văn bản mà mình sẽ ký'],
  },
  {
    title: 'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hằng tháng', code: '1.001776', field: 'Bảo trợ xã hội', online: 'mot-phan',
    duration: '15 ngày làm việc tại cấp xã; 07 ngày làm việc tại cấp huyện kể từ ngày nhận đủ hồ sơ.',
    fee: 'Không.',
    dossier: ['Tờ khai đề nghị trợ giúp xã hội theo mẫu', 'Bản sao giấy xác nhận khuyết tật (đối với người khuyết tật)', 'Bản sao giấy tờ chứng minh đối tượng hưởng trợ cấp'],
  },
  {
    title: 'Hoà giải tranh chấp đất đai', code: '1.003554', field: 'Đất đai', online: '',
    duration: 'Không quá 30 ngày kể từ ngày UBND cấp xã nhận được đơn.',
    fee: 'Không.',
    dossier: ['Đơn đề nghị hoà giải tranh chấp đất đai', 'Giấy tờ, tài liệu liên quan đến thửa đất tranh chấp (nếu có)'],
  },
  {
    title: 'Xét tặng danh hiệu Gia đình văn hoá hằng năm', code: '1.000954', field: 'Văn hoá', online: '',
    duration: 'Không quá 05 ngày làm việc kể từ ngày nhận được báo cáo của trưởng thôn, tổ dân phố.',
    fee: 'Không.',
    dossier: ['Báo cáo thành tích của trưởng thôn, tổ dân phố kèm danh sách gia đình được đề nghị', 'Biên bản họp bình xét của thôn, tổ dân phố'],
  },
  {
    title: 'Giải quyết chế độ trợ cấp một lần đối với thân nhân người hoạt động kháng chiến được tặng huân chương, huy chương chết trước ngày 01/01/1995', code: '1.002519', field: 'Người có công', online: '',
    duration: '05 ngày làm việc tại cấp xã kể từ ngày nhận đủ giấy tờ.',
    fee: 'Không.',
    dossier: ['Bản khai của thân nhân theo mẫu', 'Bản sao huân chương, huy chương hoặc giấy chứng nhận', 'Giấy uỷ quyền của các thân nhân (nếu có)'],
  },
];

/** Demo content of Thủ tục hành chính, inside the site's seeding transaction. */
export const seedProcedures: DemoSeeder = async (db, { siteId, demo: site }) => {
  const stamp = new Date().toISOString();
  const list = site.code === 'namhonglinh' ? PROCEDURES : site.code === 'bachonglinh' ? PROCEDURES.slice(0, 8) : [];
  if (!list.length) return;
  await db
    .insertInto('procedures')
    .values(
      list.map((p, i) => ({
        site_id: siteId,
        title: p.title,
        slug: slugify(p.title),
        code: p.code,
        field: p.field,
        level: 'Cấp xã',
        duration: p.duration,
        fee: p.fee,
        dossier: p.dossier.join('\n'),
        method: p.online ? AT_OFFICE : AT_OFFICE_ONLY,
        portal_url: portalUrlFor(p.code),
        online_level: p.online,
        position: i,
        published: 1,
        search_text: searchFold(`${p.title} ${p.code} ${p.field}`),
        created_at: stamp,
        updated_at: stamp,
      })),
    )
    .execute();
};
