import type { DemoSite } from '../types.js';

/**
 * Demo content of the former town portal of thị xã Hồng Lĩnh, whose page the project started from.
 * Districts and towns were abolished on 1 July 2025: the portal is an archive since then, its
 * two wards are its successors, and its articles are carried by the ward each concerns (their
 * `carriedFrom: 'honglinh'`), so its old addresses lead there. It keeps its own pages and two
 * notices that no ward carried.
 */
export const hongLinh: DemoSite = {
  code: 'honglinh',
  name: 'Cổng thông tin điện tử thị xã Hồng Lĩnh',
  isDefault: false,
  archived: { since: '2025-07-01T00:00', successors: ['bachonglinh', 'namhonglinh'] },
  counterBase: 2763801,
  settings: {
    tagline: 'Tỉnh Hà Tĩnh',
    publisher: {
      agency: 'Ủy ban nhân dân thị xã Hồng Lĩnh',
      address: 'Số 102 đường Nguyễn Ái Quốc, phường Bắc Hồng, thị xã Hồng Lĩnh, tỉnh Hà Tĩnh',
      phone: '0239 3831 248',
      email: 'ubnd@honglinh.hatinh.gov.vn',
      responsible: 'Ông Bùi Xuân Thắng – Chánh Văn phòng HĐND và UBND thị xã',
      licence: 'Giấy phép số 15/GP-STTTT do Sở Thông tin và Truyền thông tỉnh Hà Tĩnh cấp ngày 12/6/2019',
    },
    map: {
      title: 'Bản đồ thị xã Hồng Lĩnh',
      center: [18.5395, 105.7105],
      zoom: 14,
      tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
      tileAttribution: '© OpenStreetMap',
    },
    linksTitle: 'Liên kết website',
    songsTitle: 'Các ca khúc hay về Hồng Lĩnh',
  },
  menu: ['s:gioi-thieu', 'c:tin-tuc-su-kien', 'c:xay-dung-dang', 'c:chinh-quyen', 'c:kinh-te', 'c:van-hoa-xa-hoi', 'c:quoc-phong-an-ninh', 'c:thong-bao', 's:van-ban', 's:lich-cong-tac', 's:thu-tuc', 's:hoi-dap'],
  categories: [
    { slug: 'tin-tuc-su-kien', name: 'Tin tức – Sự kiện' },
    { slug: 'xay-dung-dang', name: 'Xây dựng Đảng' },
    { slug: 'chinh-quyen', name: 'Chính quyền' },
    { slug: 'kinh-te', name: 'Kinh tế' },
    { slug: 'van-hoa-xa-hoi', name: 'Văn hóa – Xã hội' },
    { slug: 'quoc-phong-an-ninh', name: 'Quốc phòng – An ninh' },
    { slug: 'thong-bao', name: 'Thông báo' },
  ],
  articles: [
    {
      title: 'Thông báo tạm dừng tiếp nhận hồ sơ thủ tục hành chính để chuyển đổi hệ thống',
      sapo: 'Để chuẩn bị vận hành chính quyền địa phương hai cấp từ ngày 1/7/2025, Bộ phận Một cửa thị xã và các phường, xã tạm dừng tiếp nhận hồ sơ một số thủ tục hành chính trong thời gian chuyển đổi hệ thống.',
      paragraphs: [
        'Thời gian tạm dừng tiếp nhận hồ sơ trực tiếp và trực tuyến: từ ngày 27/6/2025 đến hết ngày 30/6/2025. Các hồ sơ đã tiếp nhận trước thời điểm trên tiếp tục được giải quyết và trả kết quả theo quy định.',
        'Từ ngày 1/7/2025, người dân, doanh nghiệp nộp hồ sơ tại Trung tâm Phục vụ hành chính công phường Bắc Hồng Lĩnh, phường Nam Hồng Lĩnh hoặc nộp trực tuyến qua Cổng Dịch vụ công quốc gia. Xin trân trọng thông báo để người dân, doanh nghiệp được biết và thông cảm.',
      ],
      category: 'thong-bao',
      publishedAt: '2025-06-25T16:00',
      source: 'Văn phòng HĐND và UBND thị xã',
      legacyId: '497940',
    },
    {
      title: 'Thông báo lịch nghỉ Tết Nguyên đán Ất Tỵ 2025 và phân công trực Tết',
      sapo: 'UBND thị xã Hồng Lĩnh thông báo lịch nghỉ Tết Nguyên đán Ất Tỵ 2025 đối với cán bộ, công chức, viên chức và người lao động trong các cơ quan, đơn vị thuộc thị xã.',
      paragraphs: [
        'Cán bộ, công chức, viên chức và người lao động được nghỉ Tết Nguyên đán từ thứ Bảy ngày 25/01/2025 đến hết Chủ nhật ngày 02/02/2025 (tức từ ngày 26 tháng Chạp năm Giáp Thìn đến hết ngày mùng 5 tháng Giêng năm Ất Tỵ).',
        'Các cơ quan, đơn vị bố trí lịch trực, bảo đảm an ninh, an toàn tài sản và phòng chống cháy nổ; Bộ phận Một cửa thị xã và các phường, xã bố trí cán bộ trực để giải quyết các thủ tục hành chính cấp bách như đăng ký khai tử. Lịch trực được gửi về Văn phòng HĐND và UBND thị xã trước ngày 20/01/2025.',
      ],
      category: 'thong-bao',
      publishedAt: '2025-01-15T15:00',
      source: 'Văn phòng HĐND và UBND thị xã',
      legacyId: '459214',
    },
  ],
  pages: [
    {
      slug: 'gioi-thieu',
      title: 'Giới thiệu',
      paragraphs: [
        'Thị xã Hồng Lĩnh nằm ở phía bắc tỉnh Hà Tĩnh, tựa lưng vào dãy núi Hồng Lĩnh – dãy núi với 99 ngọn nổi tiếng, biểu tượng của vùng đất Hồng Lam. Tên thị xã được đặt theo tên ngọn núi này; tên gọi cũ của vùng đất là Bãi Vọt.',
        'Thị xã được thành lập theo Quyết định số 67/HĐBT ngày 02 tháng 3 năm 1992 của Hội đồng Bộ trưởng (nay là Chính phủ). Hồng Lĩnh nằm ở nơi giao nhau của Quốc lộ 1 và Quốc lộ 8A, cách thành phố Vinh khoảng 15 km về phía nam, cách thành phố Hà Tĩnh khoảng 35 km và cách Cửa khẩu quốc tế Cầu Treo khoảng 92 km.',
        'Thị xã có diện tích tự nhiên 58,95 km²; dân số năm 2019 là 36.940 người. Trước năm 2025, thị xã có 6 đơn vị hành chính cấp xã gồm 5 phường Bắc Hồng, Nam Hồng, Đức Thuận, Trung Lương, Đậu Liêu và xã Thuận Lộc.',
        'Nằm giữa sông Lam, sông La và kênh Nhà Lê dưới chân núi Hồng, Hồng Lĩnh là đô thị trung tâm kinh tế, văn hóa – xã hội phía bắc tỉnh Hà Tĩnh. Chợ Hồng Lĩnh từ lâu là đầu mối giao thương sầm uất của cả vùng; các cụm công nghiệp, khu dân cư mới và hệ thống hạ tầng đô thị ngày càng được đầu tư đồng bộ.',
        'Vùng đất Hồng Lĩnh có bề dày truyền thống văn hóa, lịch sử với nhiều di tích, danh thắng như chùa Long Đàm, đền Củi và các di tích trên núi Hồng Lĩnh. Câu ca “Hồng Sơn cao ngất mấy trùng, Lam Giang mấy trượng là lòng bấy nhiêu” đã trở thành niềm tự hào của bao thế hệ người dân nơi đây.',
        'Thực hiện chủ trương sắp xếp đơn vị hành chính và tổ chức chính quyền địa phương hai cấp, từ ngày 1/7/2025, trên địa bàn Hồng Lĩnh thành lập hai phường mới: phường Bắc Hồng Lĩnh trên cơ sở các phường Bắc Hồng, Đức Thuận, Trung Lương và xã Xuân Lam; phường Nam Hồng Lĩnh trên cơ sở các phường Nam Hồng, Đậu Liêu, xã Thuận Lộc và xã Xuân Lĩnh.',
      ],
    },
    {
      slug: 'co-cau-to-chuc',
      title: 'Cơ cấu tổ chức',
      paragraphs: [
        'Hội đồng nhân dân thị xã là cơ quan quyền lực nhà nước ở địa phương, đại diện cho ý chí, nguyện vọng và quyền làm chủ của Nhân dân, do Nhân dân địa phương bầu ra. Thường trực HĐND thị xã gồm Chủ tịch, Phó Chủ tịch và các Ủy viên là Trưởng Ban Kinh tế – Xã hội, Trưởng Ban Pháp chế.',
        'Ủy ban nhân dân thị xã do HĐND thị xã bầu, là cơ quan chấp hành của HĐND, cơ quan hành chính nhà nước ở địa phương, gồm Chủ tịch, các Phó Chủ tịch và các Ủy viên.',
        'Các cơ quan chuyên môn thuộc UBND thị xã gồm: Văn phòng HĐND và UBND; Phòng Nội vụ; Phòng Tài chính – Kế hoạch; Phòng Tư pháp; Phòng Kinh tế; Phòng Quản lý đô thị; Phòng Tài nguyên và Môi trường; Phòng Văn hóa và Thông tin; Phòng Giáo dục và Đào tạo; Phòng Y tế; Phòng Lao động – Thương binh và Xã hội; Thanh tra thị xã.',
        'Các đơn vị sự nghiệp trực thuộc gồm: Trung tâm Văn hóa – Truyền thông; Ban Quản lý dự án đầu tư xây dựng; Trung tâm Giáo dục nghề nghiệp – Giáo dục thường xuyên; Ban Quản lý các di tích và danh thắng; Đội Quản lý trật tự đô thị.',
        'Đơn vị hành chính cấp xã trực thuộc trước ngày 1/7/2025: các phường Bắc Hồng, Nam Hồng, Đức Thuận, Trung Lương, Đậu Liêu và xã Thuận Lộc.',
      ],
    },
    {
      slug: 'lien-he',
      title: 'Liên hệ',
      paragraphs: [
        'Ủy ban nhân dân thị xã Hồng Lĩnh – Văn phòng HĐND và UBND thị xã.',
        'Địa chỉ: Số 102 đường Nguyễn Ái Quốc, phường Bắc Hồng, thị xã Hồng Lĩnh, tỉnh Hà Tĩnh.',
        'Điện thoại: 0239 3831 248. Thư điện tử: ubnd@honglinh.hatinh.gov.vn.',
        'Thời gian làm việc: sáng từ 7 giờ 30 phút đến 11 giờ 30 phút, chiều từ 13 giờ 30 phút đến 17 giờ, từ thứ Hai đến thứ Sáu hằng tuần.',
        'Mọi ý kiến đóng góp về nội dung Cổng thông tin điện tử xin gửi về Ban biên tập qua địa chỉ thư điện tử nêu trên. Khi trích dẫn thông tin từ Cổng, đề nghị ghi rõ nguồn “Cổng thông tin điện tử thị xã Hồng Lĩnh”.',
      ],
    },
  ],
  links: [
    { title: 'Cổng Dịch vụ công quốc gia', url: 'https://dichvucong.gov.vn' },
    { title: 'Cổng thông tin điện tử Chính phủ', url: 'https://chinhphu.vn' },
    { title: 'Báo điện tử Chính phủ', url: 'https://baochinhphu.vn' },
    { title: 'Báo điện tử Đảng Cộng sản Việt Nam', url: 'https://dangcongsan.vn' },
    { title: 'Cổng thông tin điện tử Quốc hội', url: 'https://quochoi.vn' },
    { title: 'Cơ sở dữ liệu quốc gia về văn bản pháp luật', url: 'https://vbpl.vn' },
    { title: 'Bộ Thông tin và Truyền thông', url: 'https://mic.gov.vn' },
    { title: 'Bộ Khoa học và Công nghệ', url: 'https://most.gov.vn' },
    { title: 'Cổng thông tin điện tử tỉnh Hà Tĩnh', url: 'https://hatinh.gov.vn' },
    { title: 'Báo Hà Tĩnh', url: 'https://baohatinh.vn' },
  ],
  offices: [
    {
      name: 'UBND thị xã Hồng Lĩnh',
      address: 'Số 102 đường Nguyễn Ái Quốc, phường Bắc Hồng',
      phone: '0239 3831 248',
      lat: 18.5372,
      lng: 105.7068,
    },
    {
      name: 'Thị ủy Hồng Lĩnh',
      address: 'Đường Nguyễn Ái Quốc, phường Bắc Hồng',
      phone: '0239 3831 106',
      lat: 18.5386,
      lng: 105.7081,
    },
    {
      name: 'UBND phường Nam Hồng',
      address: 'Số 01 đường Nguyễn Ái Quốc, phường Nam Hồng',
      phone: '0239 3836 115',
      lat: 18.5268,
      lng: 105.7043,
    },
    {
      name: 'UBND phường Bắc Hồng',
      address: 'Đường Trần Phú, phường Bắc Hồng',
      phone: '0239 3831 422',
      lat: 18.5421,
      lng: 105.7036,
    },
    {
      name: 'UBND phường Đức Thuận',
      address: 'Đường Quang Trung, phường Đức Thuận',
      phone: '0239 3833 207',
      lat: 18.5482,
      lng: 105.7194,
    },
    {
      name: 'Trung tâm Văn hóa – Truyền thông thị xã',
      address: 'Đường Quang Trung, phường Bắc Hồng',
      phone: '0239 3831 575',
      lat: 18.5351,
      lng: 105.7102,
    },
    {
      name: 'Bệnh viện đa khoa thị xã Hồng Lĩnh',
      address: 'Đường Nguyễn Ái Quốc, phường Nam Hồng',
      phone: '0239 3836 024',
      lat: 18.5302,
      lng: 105.7021,
    },
  ],
  songs: [
    {
      title: 'Hồng Lĩnh quê hương tôi',
      artist: 'Sáng tác: Nguyễn Trọng Hòa – Trình bày: Tốp ca Trung tâm Văn hóa – Truyền thông thị xã',
      melody: [392, 440, 392, 330, 294, 330, 392, 523, 440, 392],
    },
    {
      title: 'Về Hồng Lĩnh quê mình',
      artist: 'Sáng tác: Lê Minh Đức – Trình bày: Thu Trang',
      melody: [330, 392, 440, 523, 440, 392, 330, 294, 262],
    },
    {
      title: 'Hà Tĩnh mình thương',
      artist: 'Sáng tác: Trần Văn Hoà – Trình bày: Quang Hưng',
      melody: [262, 330, 392, 523, 587, 523, 440, 392, 330, 392, 262],
    },
    {
      title: 'Thị xã bên chân núi Hồng',
      artist: 'Sáng tác: Phan Thị Hương – Trình bày: Hợp xướng thiếu nhi Hồng Lĩnh',
      melody: [523, 494, 440, 392, 440, 494, 523, 659, 587, 523, 392, 523],
    },
    {
      title: 'Câu ví dặm bên dòng Lam',
      artist: 'Dân ca ví, giặm Nghệ Tĩnh – Trình bày: CLB dân ca phường Trung Lương',
      melody: [294, 349, 392, 440, 392, 349, 294, 262, 294],
    },
  ],
};
