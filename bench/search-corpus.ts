/**
 * A deterministic generator of realistic Vietnamese ward-portal articles for the search
 * benchmark: sentences built from a vocabulary of the words these portals use, with the
 * irregularities of real text (old and new tone placement, document numbers, dates, numbers).
 * Article i is always the same text, so both engines index identical data.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ORGS = [
  'Đảng uỷ phường', 'Đảng ủy phường', 'UBND phường', 'Ủy ban nhân dân phường', 'Uỷ ban MTTQ phường', 'HĐND phường', 'Hội Nông dân',
  'Hội Liên hiệp Phụ nữ', 'Đoàn Thanh niên', 'Hội Cựu chiến binh', 'Công an phường', 'Ban Chỉ huy Quân sự', 'Trạm Y tế', 'Trường Tiểu học',
  'Chi bộ tổ dân phố', 'Ban công tác Mặt trận', 'Thị uỷ Hồng Lĩnh', 'Thị ủy Hồng Lĩnh', 'Hợp tác xã nông nghiệp', 'Hội Khuyến học',
];
const PLACES = [
  'Nam Hồng', 'Bắc Hồng', 'Trung Lương', 'Đức Thuận', 'Đậu Liêu', 'Thuận Lộc', 'Xuân Lĩnh', 'Hồng Lĩnh', 'Nam Hồng Lĩnh', 'Bắc Hồng Lĩnh',
  'Hà Tĩnh', 'Thuận Hoà', 'Thuận Hòa', 'Tiên Sơn', 'Thanh Tân', 'Yên Bình', 'Hương Sơn', 'Nghi Xuân', 'Can Lộc', 'Thạch Hà',
];
const ACTIONS = [
  'tổ chức hội nghị tổng kết', 'triển khai kế hoạch', 'ra quân thực hiện', 'sơ kết công tác', 'trao giấy khen cho', 'kiểm tra tiến độ',
  'phát động phong trào', 'tuyên truyền về', 'tập huấn nghiệp vụ', 'khánh thành công trình', 'tiếp xúc cử tri về', 'ký kết chương trình phối hợp',
  'đẩy mạnh', 'nâng cao chất lượng', 'rà soát, đánh giá', 'hoàn thành', 'lấy ý kiến nhân dân về', 'giám sát việc thực hiện',
];
const TOPICS = [
  'xây dựng nông thôn mới', 'đô thị văn minh', 'cải cách hành chính', 'chuyển đổi số', 'phòng chống bão lũ', 'an ninh trật tự',
  'công tác dân vận', 'phong trào Dân vận khéo', 'chăm sóc sức khoẻ nhân dân', 'chăm sóc sức khỏe nhân dân', 'khuyến học, khuyến tài',
  'bảo vệ môi trường', 'phòng cháy chữa cháy', 'an toàn giao thông', 'thu gom rác thải', 'hoà giải ở cơ sở', 'hòa giải ở cơ sở',
  'công tác thuỷ lợi', 'công tác thủy lợi', 'sản xuất vụ Đông', 'thu hoạch lúa Hè Thu', 'tiêm chủng mở rộng', 'bầu cử đại biểu',
  'tuyển quân', 'đền ơn đáp nghĩa', 'giảm nghèo bền vững', 'dịch vụ công trực tuyến', 'nhà văn hoá tổ dân phố', 'nhà văn hóa tổ dân phố',
  'quy chế dân chủ cơ sở', 'tinh giản biên chế', 'sắp xếp đơn vị hành chính', 'kinh tế tập thể', 'làng nghề truyền thống',
];
const WORDS = [
  'cán bộ', 'đảng viên', 'nhân dân', 'người dân', 'hộ gia đình', 'tổ dân phố', 'thôn', 'khu dân cư', 'đoàn viên', 'hội viên', 'học sinh',
  'kết quả', 'nhiệm vụ', 'giải pháp', 'chỉ tiêu', 'kế hoạch', 'chương trình', 'mô hình', 'phong trào', 'hoạt động', 'công trình',
  'tích cực', 'hiệu quả', 'kịp thời', 'đồng bộ', 'thiết thực', 'sâu rộng', 'nghiêm túc', 'đúng quy định', 'vượt kế hoạch', 'bền vững',
  'năm', 'tháng', 'quý', 'giai đoạn', 'nhiệm kỳ', 'đợt', 'lần', 'trong', 'với', 'và', 'của', 'cho', 'tại', 'theo', 'đã', 'đang', 'sẽ',
  'được', 'các', 'những', 'nhiều', 'toàn', 'cùng', 'trên', 'dưới', 'về', 'để', 'góp phần', 'tiếp tục', 'bước đầu', 'cơ bản',
];
const DOCS = ['NQ/TW', 'NQ/TU', 'QĐ-UBND', 'KH-UBND', 'CT/TW', 'TB-UBND', 'NĐ-CP', 'QĐ-TTg', 'HD-MTTQ', 'BC-ĐU'];

export interface GeneratedArticle {
  title: string;
  sapo: string;
  paragraphs: string[];
}

/** Picks with a skew towards the start of the list, as word frequencies are skewed. */
function pick<T>(r: () => number, list: T[]): T {
  return list[Math.floor(list.length * r() ** 1.6)]!;
}

function docNumber(r: () => number): string {
  const kind = pick(r, DOCS);
  const n = 1 + Math.floor(r() * 300);
  return kind.startsWith('NQ') || kind.startsWith('CT') ? `${String(n).padStart(2, '0')}-${kind}` : `${n}/${kind}`;
}

/** What an article is about: it comes back in most of its sentences, as in real news. */
interface Theme {
  org: string;
  place: string;
  topic: string;
}

function sentence(r: () => number, t: Theme): string {
  const own = <T,>(mine: T, list: T[]) => (r() < 0.7 ? mine : pick(r, list));
  const parts = [own(t.org, ORGS), own(t.place, PLACES), pick(r, ACTIONS), own(t.topic, TOPICS)];
  const filler = 4 + Math.floor(r() * 10);
  for (let i = 0; i < filler; i++) parts.push(r() < 0.08 ? pick(r, TOPICS) : pick(r, WORDS));
  if (r() < 0.15) parts.push(`theo ${r() < 0.5 ? 'Nghị quyết' : 'Quyết định'} số ${docNumber(r)}`);
  if (r() < 0.2) parts.push(`ngày ${1 + Math.floor(r() * 28)}/${1 + Math.floor(r() * 12)}/${2016 + Math.floor(r() * 10)}`);
  if (r() < 0.2) parts.push(`đạt ${Math.floor(r() * 100)}%`);
  const s = parts.join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

/** About 400 words: a title, a sapo of two sentences, five paragraphs. */
export function generateArticle(i: number): GeneratedArticle {
  const r = mulberry32(i * 2654435761);
  const uniform = <T,>(list: T[]) => list[Math.floor(r() * list.length)]!;
  const t: Theme = { org: pick(r, ORGS), place: uniform(PLACES), topic: uniform(TOPICS) };
  const title = `${t.org} ${t.place} ${pick(r, ACTIONS)} ${t.topic}${r() < 0.2 ? ` theo ${docNumber(r)}` : ''}`;
  const sapo = `${sentence(r, t)} ${sentence(r, t)}`;
  const paragraphs: string[] = [];
  let words = 0;
  while (words < 320) {
    const p = Array.from({ length: 3 + Math.floor(r() * 3) }, () => sentence(r, t)).join(' ');
    words += p.split(' ').length;
    paragraphs.push(p);
  }
  return { title, sapo, paragraphs };
}

/** 50 queries people type on a ward portal: common and rare, with and without diacritics. */
export const QUERIES = [
  'nam hong', 'Nam Hồng', 'NAM HỒNG', 'bac hong linh', 'Đậu Liêu', 'dau lieu', 'trung luong', 'Thuận Hoà', 'thuan hoa', 'ha tinh',
  'dang uy', 'Đảng ủy phường', 'uỷ ban nhân dân', 'ubnd', 'hội nông dân', 'cuu chien binh', 'công an phường', 'tram y te',
  'nông thôn mới', 'nong thon moi', 'cải cách hành chính', '"chuyển đổi số"', 'phòng chống bão lũ', 'an ninh trật tự', 'dân vận khéo',
  '"dân vận khéo"', 'hòa giải', 'thuỷ lợi', 'thủy lợi', 'sức khoẻ', 'khuyến học khuyến tài', 'rác thải', 'phòng cháy chữa cháy',
  '22-NQ/TW', '123/QĐ-UBND', 'qd ubnd', 'nq tw', 'NĐ-CP', 'kế hoạch 45/KH-UBND', 'quyết định',
  'nhân dân', 'phường', 'kết quả', 'hội nghị tổng kết công tác dân vận', 'tiêm chủng mở rộng trạm y tế', 'làng nghề truyền thống',
  'bầu cử đại biểu', 'pickleball', 'cong tac thuy loi vu dong', "'; DROP TABLE articles; --",
];
