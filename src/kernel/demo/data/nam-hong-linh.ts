import type { DemoSite } from '../types.js';

/**
 * Demo content of the ward portal of Nam Hồng Lĩnh, the ward formed on 1 July 2025 from the wards
 * Nam Hồng and Đậu Liêu, the commune Thuận Lộc (all of Hồng Lĩnh) and the commune Xuân Lĩnh
 * (Nghi Xuân). Written for the demo; the officials named here are invented.
 */
export const namHongLinh: DemoSite = {
  code: 'namhonglinh',
  name: 'Cổng thông tin điện tử phường Nam Hồng Lĩnh',
  isDefault: false,
  counterBase: 184250,
  settings: {
    tagline: 'Thị xã Hồng Lĩnh, tỉnh Hà Tĩnh',
    publisher: {
      agency: 'Ủy ban nhân dân phường Nam Hồng Lĩnh',
      address: 'Số 01 đường Nguyễn Ái Quốc, phường Nam Hồng Lĩnh, tỉnh Hà Tĩnh',
      phone: '0239 3836 115',
      email: 'ubnd@namhonglinh.hatinh.gov.vn',
      responsible: 'Bà Lê Thị Minh Nguyệt – Phó Chủ tịch UBND phường',
      licence: 'Giấy phép số 08/GP-SKHCN do Sở Khoa học và Công nghệ tỉnh Hà Tĩnh cấp ngày 15/8/2025',
    },
    map: {
      title: 'Bản đồ phường Nam Hồng Lĩnh',
      center: [18.53, 105.71],
      zoom: 15,
      tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
      tileAttribution: '© OpenStreetMap',
    },
    linksTitle: 'Liên kết website',
    songsTitle: 'Các ca khúc hay về Nam Hồng Lĩnh',
  },
  menu: ['s:gioi-thieu', 'c:tin-tuc-su-kien', 'c:xay-dung-dang', 'c:chinh-quyen', 'c:kinh-te-xa-hoi', 'c:quoc-phong-an-ninh', 'c:thong-bao', 's:van-ban', 's:lich-cong-tac', 's:thu-tuc', 's:hoi-dap'],
  categories: [
    { slug: 'tin-tuc-su-kien', name: 'Tin tức – Sự kiện' },
    { slug: 'xay-dung-dang', name: 'Xây dựng Đảng' },
    { slug: 'chinh-quyen', name: 'Chính quyền' },
    { slug: 'kinh-te-xa-hoi', name: 'Kinh tế – Xã hội' },
    { slug: 'quoc-phong-an-ninh', name: 'Quốc phòng – An ninh' },
    { slug: 'thong-bao', name: 'Thông báo' },
  ],
  articles: [
    {
      title: 'Ra mắt mô hình “Tuyến phố văn minh, an toàn” trên đường Nguyễn Ái Quốc',
      sapo: 'Ngày 17/11, phường Nam Hồng Lĩnh ra mắt mô hình “Tuyến phố văn minh, an toàn” trên đoạn đường Nguyễn Ái Quốc dài 1,2 km qua trung tâm phường.',
      paragraphs: [
        'Theo quy ước, các hộ kinh doanh dọc tuyến cam kết không lấn chiếm vỉa hè, lòng đường; bày bán hàng hóa đúng nơi quy định; thu gom rác thải đúng giờ và giữ gìn cảnh quan sạch đẹp. Phường đã lắp đặt thêm camera an ninh và trồng mới 80 cây xanh trên tuyến.',
        'Phát biểu tại buổi ra mắt, đồng chí Nguyễn Đức Phong, Chủ tịch UBND phường đề nghị các lực lượng chức năng tăng cường kiểm tra, nhắc nhở; đồng thời biểu dương kịp thời các hộ gia đình thực hiện tốt để mô hình được duy trì bền vững và nhân rộng ra các tuyến phố khác.',
      ],
      category: 'tin-tuc-su-kien',
      publishedAt: '2026-11-17T16:30',
      author: 'Hải Yến',
      featured: true,
    },
    {
      title: 'Thông báo điều chỉnh thời gian thu gom rác thải sinh hoạt',
      sapo: 'UBND phường Nam Hồng Lĩnh thông báo điều chỉnh thời gian thu gom rác thải sinh hoạt trên địa bàn kể từ ngày 1/11/2026.',
      paragraphs: [
        'Đối với các tổ dân phố khu vực trung tâm (phường Nam Hồng cũ): thu gom từ 17 giờ đến 19 giờ hằng ngày. Đối với các tổ dân phố vùng Đậu Liêu, Thuận Lộc, Xuân Lĩnh: thu gom vào các ngày thứ Hai, thứ Tư, thứ Sáu và Chủ nhật, từ 16 giờ 30 phút đến 18 giờ 30 phút.',
        'Đề nghị các hộ gia đình, cơ sở kinh doanh phân loại rác tại nguồn, để rác đúng giờ, đúng nơi quy định; không để rác ra đường ngoài thời gian thu gom. Mọi phản ánh về công tác thu gom rác xin liên hệ Phòng Kinh tế, Hạ tầng và Đô thị phường qua số điện thoại 0239 3836 115.',
      ],
      category: 'thong-bao',
      publishedAt: '2026-10-28T08:00',
      source: 'UBND phường Nam Hồng Lĩnh',
    },
    {
      title: 'Hoàn thành nâng cấp tuyến đường nối Thuận Lộc – Xuân Lĩnh',
      sapo: 'Sau 8 tháng thi công, tuyến đường nối vùng Thuận Lộc với vùng Xuân Lĩnh dài 2,3 km đã hoàn thành và đưa vào sử dụng, tạo thuận lợi cho việc đi lại, giao thương của người dân.',
      paragraphs: [
        'Công trình có tổng mức đầu tư 14,5 tỷ đồng từ nguồn ngân sách tỉnh, ngân sách phường và đóng góp của Nhân dân. Mặt đường được mở rộng lên 7 m, có hệ thống rãnh thoát nước và đèn chiếu sáng.',
        'Để thực hiện dự án, 46 hộ dân đã tự nguyện hiến đất, tháo dỡ tường rào, cổng ngõ với tổng diện tích trên 1.800 m². Tuyến đường góp phần kết nối các khu dân cư sau sắp xếp, thúc đẩy phát triển kinh tế – xã hội của phường.',
      ],
      category: 'tin-tuc-su-kien',
      publishedAt: '2026-09-10T10:15',
      author: 'Quốc Toàn',
      featured: true,
    },
    {
      title: 'Tri ân người có công nhân kỷ niệm 79 năm Ngày Thương binh – Liệt sỹ',
      sapo: 'Nhân kỷ niệm 79 năm Ngày Thương binh – Liệt sỹ (27/7/1947 – 27/7/2026), lãnh đạo phường Nam Hồng Lĩnh đã đến thăm, tặng quà các gia đình chính sách, người có công tiêu biểu trên địa bàn.',
      paragraphs: [
        'Dịp này, phường đã trao hơn 1.100 suất quà của Chủ tịch nước, của tỉnh và của phường cho các đối tượng người có công với cách mạng, tổng trị giá gần 450 triệu đồng.',
        'Cùng ngày, đoàn đã dâng hương tại Nghĩa trang liệt sỹ phường, tưởng nhớ công lao của các anh hùng liệt sỹ đã hy sinh vì độc lập, tự do của Tổ quốc. Tối 26/7, Đoàn Thanh niên phường tổ chức thắp nến tri ân tại nghĩa trang.',
      ],
      category: 'tin-tuc-su-kien',
      publishedAt: '2026-07-24T08:45',
      author: 'Hải Yến',
    },
    {
      title: 'Chi bộ tổ dân phố Đậu Liêu 3 kết nạp đảng viên mới',
      sapo: 'Chiều 28/5, Chi bộ tổ dân phố Đậu Liêu 3, Đảng bộ phường Nam Hồng Lĩnh tổ chức lễ kết nạp đảng viên mới cho quần chúng ưu tú Nguyễn Thị Thảo, Bí thư Chi đoàn tổ dân phố.',
      paragraphs: [
        'Lễ kết nạp được tổ chức trang trọng, đúng quy trình theo Điều lệ Đảng. Đảng viên mới đã đọc lời tuyên thệ, hứa phấn đấu suốt đời vì mục tiêu, lý tưởng của Đảng, gương mẫu trong công tác và sinh hoạt ở khu dân cư.',
        'Từ đầu năm đến nay, Đảng bộ phường đã kết nạp 17 đảng viên mới, trong đó có 9 đảng viên là đoàn viên thanh niên ở các tổ dân phố. Đảng uỷ phường chỉ đạo các chi bộ tiếp tục quan tâm phát hiện, bồi dưỡng nguồn phát triển đảng viên, nhất là trong thanh niên và người lao động tại các doanh nghiệp trên địa bàn.',
      ],
      category: 'xay-dung-dang',
      publishedAt: '2026-05-29T15:00',
      source: 'Đảng ủy phường Nam Hồng Lĩnh',
    },
    {
      title: 'Cử tri phường Nam Hồng Lĩnh hoàn thành bỏ phiếu bầu cử',
      sapo: 'Đến 17 giờ ngày 15/3, tất cả các khu vực bỏ phiếu trên địa bàn phường Nam Hồng Lĩnh đã kết thúc bỏ phiếu bầu cử đại biểu Quốc hội khóa XVI và đại biểu HĐND các cấp nhiệm kỳ 2026 – 2031, tỷ lệ cử tri đi bầu đạt 99,4%.',
      paragraphs: [
        'Phường có 18 khu vực bỏ phiếu với hơn 19.000 cử tri. Công tác chuẩn bị được thực hiện chu đáo từ lập, niêm yết danh sách cử tri, tuyên truyền đến bố trí cơ sở vật chất tại các điểm bỏ phiếu.',
        'Ngay sau khi kết thúc bỏ phiếu, các tổ bầu cử đã tiến hành kiểm phiếu công khai, đúng quy định, có sự chứng kiến của đại diện cử tri. Tình hình an ninh, trật tự trên địa bàn được giữ vững trong suốt ngày bầu cử.',
      ],
      category: 'tin-tuc-su-kien',
      publishedAt: '2026-03-15T19:30',
      author: 'Quốc Toàn',
    },
    {
      title: 'Phường Nam Hồng Lĩnh tiễn 45 thanh niên lên đường nhập ngũ',
      sapo: 'Sáng 5/3, phường Nam Hồng Lĩnh tổ chức lễ giao nhận quân năm 2026 cho 45 tân binh lên đường thực hiện nghĩa vụ quân sự và nghĩa vụ tham gia Công an nhân dân.',
      paragraphs: [
        'Các tân binh năm nay đều bảo đảm tiêu chuẩn về chính trị, sức khỏe, trình độ văn hóa; trong đó có 6 thanh niên đã tốt nghiệp cao đẳng, đại học và 4 thanh niên tình nguyện nhập ngũ.',
        'Trước ngày giao quân, lãnh đạo phường đã đến thăm, tặng quà các gia đình có con em lên đường nhập ngũ và tổ chức gặp mặt, động viên tân binh. Tại buổi lễ, các tân binh hứa sẽ rèn luyện tốt, hoàn thành xuất sắc nhiệm vụ, xứng đáng với niềm tin của gia đình và quê hương.',
      ],
      category: 'quoc-phong-an-ninh',
      publishedAt: '2026-03-05T07:30',
      source: 'Ban CHQS phường Nam Hồng Lĩnh',
    },
    {
      title: 'Chương trình “Xuân yêu thương – Tết sẻ chia” trao 300 suất quà',
      sapo: 'Ngày 6/2, Ủy ban MTTQ Việt Nam phường Nam Hồng Lĩnh phối hợp với các nhà tài trợ tổ chức chương trình “Xuân yêu thương – Tết sẻ chia”, trao 300 suất quà cho hộ nghèo, hộ cận nghèo và người có hoàn cảnh khó khăn.',
      paragraphs: [
        'Mỗi suất quà trị giá 600.000 đồng gồm tiền mặt và nhu yếu phẩm. Tổng giá trị chương trình gần 180 triệu đồng, do các doanh nghiệp, nhà hảo tâm và con em quê hương đang sinh sống, làm việc xa quê đóng góp.',
        'Cùng với chương trình, các chi hội, đoàn thể ở tổ dân phố cũng đã chủ động thăm hỏi, tặng quà cho các gia đình chính sách, người cao tuổi neo đơn, bảo đảm mọi người, mọi nhà đều được đón Tết đầm ấm.',
      ],
      category: 'tin-tuc-su-kien',
      publishedAt: '2026-02-06T14:10',
      author: 'Hải Yến',
    },
    {
      title: 'HĐND phường Nam Hồng Lĩnh tổ chức kỳ họp thường lệ cuối năm 2025',
      sapo: 'Ngày 18/12, HĐND phường Nam Hồng Lĩnh tổ chức kỳ họp thường lệ cuối năm 2025 – kỳ họp cuối năm đầu tiên kể từ khi vận hành chính quyền địa phương hai cấp.',
      paragraphs: [
        'Tại kỳ họp, các đại biểu đã thảo luận báo cáo tình hình kinh tế – xã hội 6 tháng cuối năm 2025 và phương hướng, nhiệm vụ năm 2026; báo cáo công tác của Thường trực HĐND, UBND và Ủy ban MTTQ Việt Nam phường.',
        'Kỳ họp đã thông qua các nghị quyết về dự toán thu, chi ngân sách năm 2026, kế hoạch đầu tư công năm 2026 và một số nội dung quan trọng khác. Trong phần chất vấn, các đại biểu quan tâm đến tiến độ cấp giấy chứng nhận quyền sử dụng đất, xử lý rác thải và nâng cấp các tuyến đường giao thông nội đồng.',
      ],
      category: 'chinh-quyen',
      publishedAt: '2025-12-19T08:00',
      author: 'Quốc Toàn',
    },
    {
      title: 'Nông dân Nam Hồng Lĩnh khẩn trương gieo trồng cây vụ Đông',
      sapo: 'Tận dụng điều kiện thời tiết thuận lợi, nông dân phường Nam Hồng Lĩnh đang khẩn trương gieo trồng cây vụ Đông với diện tích kế hoạch khoảng 120 ha.',
      paragraphs: [
        'Các loại cây trồng chủ lực gồm ngô sinh khối, khoai lang và rau màu các loại. Phường hỗ trợ giống ngô và chế phẩm sinh học cho các hộ sản xuất tập trung, đồng thời khuyến khích liên kết với doanh nghiệp thu mua ngô sinh khối làm thức ăn chăn nuôi.',
        'Cán bộ nông nghiệp phường thường xuyên bám đồng ruộng, hướng dẫn bà con kỹ thuật làm đất, bón phân và phòng trừ sâu bệnh, phấn đấu hoàn thành gieo trồng trước ngày 30/11.',
      ],
      category: 'kinh-te-xa-hoi',
      publishedAt: '2025-11-06T14:20',
      author: 'Hải Yến',
    },
    {
      title: 'Bàn giao 5 ngôi nhà đại đoàn kết cho hộ khó khăn',
      sapo: 'Ngày 14/10, Ủy ban MTTQ Việt Nam phường Nam Hồng Lĩnh tổ chức bàn giao 5 ngôi nhà đại đoàn kết cho các hộ có hoàn cảnh khó khăn về nhà ở.',
      paragraphs: [
        'Mỗi ngôi nhà có diện tích từ 50 đến 60 m², tổng kinh phí xây dựng trên 400 triệu đồng, được hỗ trợ từ Quỹ “Vì người nghèo” các cấp, sự đóng góp của doanh nghiệp, con em xa quê và ngày công của các đoàn thể, bà con lối xóm.',
        'Bà Phạm Thị Lài ở tổ dân phố Thuận Hòa xúc động: “Cả đời tôi chưa dám nghĩ có được ngôi nhà kiên cố. Nay mùa mưa bão không còn phải lo dột nát nữa”.',
      ],
      category: 'tin-tuc-su-kien',
      publishedAt: '2025-10-14T10:30',
      author: 'Quốc Toàn',
    },
    {
      title: 'Nam Hồng Lĩnh rực rỡ cờ hoa mừng 80 năm Quốc khánh',
      sapo: 'Những ngày cuối tháng 8, các tuyến phố, khu dân cư trên địa bàn phường Nam Hồng Lĩnh rợp bóng cờ đỏ sao vàng, pa nô, khẩu hiệu chào mừng kỷ niệm 80 năm Cách mạng Tháng Tám thành công và Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam (2/9/1945 – 2/9/2025).',
      paragraphs: [
        'Hưởng ứng đợt treo cờ Tổ quốc, các hộ gia đình, cơ quan, đơn vị trên địa bàn phường đã đồng loạt treo cờ đúng quy định. Đoàn Thanh niên phường ra quân trao tặng hàng trăm lá cờ Tổ quốc cho các hộ dân ở vùng Thuận Lộc, Xuân Lĩnh.',
        'Tối 1/9, tại sân vận động phường, chương trình văn nghệ mừng Quốc khánh với các tiết mục ca ngợi Đảng, Bác Hồ và quê hương Hồng Lĩnh đã thu hút đông đảo người dân đến xem và cổ vũ.',
      ],
      category: 'tin-tuc-su-kien',
      publishedAt: '2025-09-02T09:00',
      author: 'Hải Yến',
    },
    {
      title: 'Đại hội đại biểu Đảng bộ phường Nam Hồng Lĩnh lần thứ I, nhiệm kỳ 2025 – 2030',
      sapo: 'Trong hai ngày 11 và 12/8, Đảng bộ phường Nam Hồng Lĩnh tổ chức Đại hội đại biểu lần thứ I, nhiệm kỳ 2025 – 2030 với sự tham dự của 150 đại biểu, đại diện cho hơn 1.600 đảng viên trong toàn Đảng bộ.',
      paragraphs: [
        'Đại hội đã thảo luận, thông qua Báo cáo chính trị, xác định mục tiêu xây dựng Đảng bộ trong sạch, vững mạnh; phát huy sức mạnh đoàn kết, khai thác hiệu quả tiềm năng, lợi thế, xây dựng phường Nam Hồng Lĩnh phát triển nhanh, bền vững, văn minh.',
        'Nhiệm kỳ 2025 – 2030, Đảng bộ phấn đấu tốc độ tăng giá trị sản xuất bình quân đạt trên 10%/năm; thu nhập bình quân đầu người đến năm 2030 đạt trên 90 triệu đồng; tỷ lệ hộ nghèo giảm xuống dưới 1%; hằng năm có trên 90% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên.',
        'Đại hội đã bầu Ban Chấp hành Đảng bộ phường nhiệm kỳ 2025 – 2030 gồm 25 đồng chí và bầu đoàn đại biểu đi dự Đại hội đại biểu Đảng bộ tỉnh Hà Tĩnh lần thứ XX.',
      ],
      category: 'xay-dung-dang',
      publishedAt: '2025-08-12T16:00',
      source: 'Đảng ủy phường Nam Hồng Lĩnh',
      legacyId: '735518',
    },
    {
      title: 'Kiểm tra công tác phòng, chống thiên tai tại các khu vực xung yếu',
      sapo: 'Chiều 18/7, đoàn công tác do đồng chí Trần Văn Khánh, Bí thư Đảng ủy phường Nam Hồng Lĩnh làm trưởng đoàn đã kiểm tra công tác chuẩn bị phòng, chống thiên tai năm 2025 tại các hồ đập và khu vực xung yếu trên địa bàn.',
      paragraphs: [
        'Đoàn đã kiểm tra hiện trạng một số hồ chứa nước nhỏ dưới chân núi Hồng Lĩnh, các tuyến kênh tiêu úng vùng Thuận Lộc và những điểm có nguy cơ ngập lụt khi mưa lớn kéo dài. Qua kiểm tra, các công trình cơ bản bảo đảm an toàn; phương án “4 tại chỗ” đã được xây dựng cụ thể đến từng tổ dân phố.',
        'Đồng chí Bí thư Đảng uỷ yêu cầu Ban Chỉ huy phòng thủ dân sự phường khẩn trương khắc phục các điểm xung yếu, chuẩn bị đầy đủ vật tư, phương tiện; rà soát danh sách hộ cần sơ tán, nhất là người già, trẻ em và người khuyết tật.',
      ],
      category: 'tin-tuc-su-kien',
      publishedAt: '2025-07-18T17:45',
      author: 'Quốc Toàn',
    },
    {
      title: 'Phường Nam Hồng Lĩnh chính thức đi vào hoạt động',
      sapo: 'Từ ngày 1/7/2025, phường Nam Hồng Lĩnh, được thành lập trên cơ sở các phường Nam Hồng, Đậu Liêu, xã Thuận Lộc (thị xã Hồng Lĩnh) và xã Xuân Lĩnh (huyện Nghi Xuân), chính thức đi vào hoạt động.',
      paragraphs: [
        'Ngay trong buổi sáng đầu tiên, Trung tâm Phục vụ hành chính công phường đã tiếp nhận 47 hồ sơ của người dân, chủ yếu là các thủ tục về chứng thực, hộ tịch và đất đai. Cán bộ các bộ phận hướng dẫn tận tình, việc tiếp nhận hồ sơ diễn ra thông suốt.',
        'Phường Nam Hồng Lĩnh có diện tích tự nhiên hơn 52 km², dân số trên 26.000 người. Trụ sở Đảng ủy, HĐND, UBND phường đặt tại trụ sở UBND phường Nam Hồng trước đây; các điểm tiếp nhận hồ sơ tại Đậu Liêu, Thuận Lộc và Xuân Lĩnh tiếp tục được duy trì trong thời gian đầu để thuận tiện cho người dân.',
        'Chủ tịch UBND phường Nguyễn Đức Phong cho biết, phường tập trung ổn định tổ chức bộ máy, bảo đảm không để gián đoạn công việc, không ảnh hưởng đến hoạt động bình thường của người dân, doanh nghiệp.',
      ],
      category: 'tin-tuc-su-kien',
      publishedAt: '2025-07-01T11:05',
      author: 'Hải Yến',
      legacyId: '731042',
    },
  ],
  pages: [
    {
      slug: 'gioi-thieu',
      title: 'Giới thiệu',
      paragraphs: [
        'Phường Nam Hồng Lĩnh được thành lập từ ngày 1/7/2025 trên cơ sở sắp xếp toàn bộ diện tích tự nhiên và dân số của các phường Nam Hồng, Đậu Liêu, xã Thuận Lộc (thị xã Hồng Lĩnh) và xã Xuân Lĩnh (huyện Nghi Xuân), theo chủ trương sắp xếp đơn vị hành chính và tổ chức chính quyền địa phương hai cấp.',
        'Phường có diện tích tự nhiên khoảng 52,21 km², dân số trên 26.000 người; phía bắc giáp phường Bắc Hồng Lĩnh. Phường tựa lưng vào dãy núi Hồng Lĩnh, có Quốc lộ 1 chạy qua khu vực trung tâm, thuận lợi cho giao thương với thành phố Vinh và các địa phương trong tỉnh.',
        'Khu vực trung tâm phường là đô thị sầm uất với chợ, trường học, bệnh viện và các cơ sở thương mại, dịch vụ; vùng Đậu Liêu, Thuận Lộc, Xuân Lĩnh có thế mạnh về sản xuất nông nghiệp, trồng lúa chất lượng cao, rau màu và chăn nuôi.',
        'Mảnh đất dưới chân núi Hồng có truyền thống văn hóa lâu đời, với những làn điệu ví, giặm mộc mạc và nhiều di tích, danh thắng gắn với núi Hồng Lĩnh. Nhân dân trong phường cần cù, hiếu học, đoàn kết, đang chung sức xây dựng phường Nam Hồng Lĩnh văn minh, hiện đại, đáng sống.',
      ],
    },
    {
      slug: 'lien-he',
      title: 'Liên hệ',
      paragraphs: [
        'Ủy ban nhân dân phường Nam Hồng Lĩnh.',
        'Địa chỉ: Số 01 đường Nguyễn Ái Quốc, phường Nam Hồng Lĩnh, tỉnh Hà Tĩnh.',
        'Điện thoại: 0239 3836 115. Thư điện tử: ubnd@namhonglinh.hatinh.gov.vn.',
        'Trung tâm Phục vụ hành chính công phường tiếp nhận hồ sơ từ thứ Hai đến thứ Sáu: sáng từ 7 giờ 30 phút đến 11 giờ 30 phút, chiều từ 13 giờ 30 phút đến 17 giờ; sáng thứ Bảy tiếp nhận một số thủ tục về hộ tịch, chứng thực.',
      ],
    },
  ],
  links: [
    { title: 'Cổng Dịch vụ công quốc gia', url: 'https://dichvucong.gov.vn' },
    { title: 'Cổng thông tin điện tử Chính phủ', url: 'https://chinhphu.vn' },
    { title: 'Cổng thông tin điện tử tỉnh Hà Tĩnh', url: 'https://hatinh.gov.vn' },
    { title: 'Báo Hà Tĩnh', url: 'https://baohatinh.vn' },
    { title: 'Cơ sở dữ liệu quốc gia về văn bản pháp luật', url: 'https://vbpl.vn' },
  ],
  offices: [
    {
      name: 'UBND phường Nam Hồng Lĩnh',
      address: 'Số 01 đường Nguyễn Ái Quốc, phường Nam Hồng Lĩnh',
      phone: '0239 3836 115',
      lat: 18.5268,
      lng: 105.7043,
    },
    {
      name: 'Trung tâm Phục vụ hành chính công phường',
      address: 'Đường Nguyễn Ái Quốc, phường Nam Hồng Lĩnh',
      phone: '0239 3836 116',
      lat: 18.5274,
      lng: 105.7051,
    },
    {
      name: 'Công an phường Nam Hồng Lĩnh',
      address: 'Đường Nguyễn Ái Quốc, phường Nam Hồng Lĩnh',
      phone: '0239 3836 113',
      lat: 18.5289,
      lng: 105.7062,
    },
    {
      name: 'Trạm Y tế phường Nam Hồng Lĩnh',
      address: 'Tổ dân phố Đậu Liêu 1, phường Nam Hồng Lĩnh',
      phone: '0239 3836 232',
      lat: 18.5236,
      lng: 105.7118,
    },
  ],
  songs: [
    {
      title: 'Nam Hồng Lĩnh quê hương mới',
      artist: 'Sáng tác: Đặng Văn Hiếu – Trình bày: Tốp ca phường Nam Hồng Lĩnh',
      melody: [262, 294, 330, 392, 330, 294, 262, 392, 440, 392],
    },
    {
      title: 'Về Thuận Lộc nghe câu ví giặm',
      artist: 'Sáng tác: Nguyễn Thị Lan – Trình bày: CLB dân ca ví, giặm Thuận Lộc',
      melody: [294, 349, 392, 349, 294, 262, 294, 349, 440],
    },
    {
      title: 'Dưới chân núi Hồng',
      artist: 'Sáng tác: Hoàng Minh Tâm – Trình bày: Minh Hòa',
      melody: [392, 523, 494, 440, 392, 330, 392, 440, 523, 659, 523],
    },
  ],
};
