/**
 * What the law asks of each disclosure section, one line each for the hub page, keyed by the
 * section's path (sections of other features are listed too; an unknown one gets no line).
 */
export const LEGAL_NOTES: Readonly<Record<string, string>> = {
  '/cong-khai-ngan-sach': 'Dự toán, tình hình thực hiện và quyết toán ngân sách của phường (Luật Thực hiện dân chủ ở cơ sở 2022, Điều 11; Thông tư 343/2016/TT-BTC).',
  '/quy-hoach-ke-hoach': 'Quy hoạch, kế hoạch sử dụng đất, kế hoạch phát triển kinh tế – xã hội (Luật Thực hiện dân chủ ở cơ sở 2022, Điều 11; Luật Tiếp cận thông tin 2016, Điều 17).',
  '/du-an-dau-thau': 'Dự án đầu tư, đấu thầu, thu hồi đất, bồi thường, hỗ trợ, tái định cư (Luật Thực hiện dân chủ ở cơ sở 2022, Điều 11).',
  '/pho-bien-phap-luat': 'Tài liệu phổ biến, giáo dục pháp luật theo chủ đề (Nghị định 42/2022/NĐ-CP, Điều 4; Luật Tiếp cận thông tin 2016, Điều 17).',
  '/thong-tin-cong-khai': 'Danh mục thông tin phải được công khai và đầu mối tiếp nhận yêu cầu cung cấp thông tin (Luật Tiếp cận thông tin 2016, Điều 17; Nghị định 13/2018/NĐ-CP, Điều 6).',
  '/nguoi-phat-ngon': 'Người phát ngôn, cách liên hệ và thông cáo báo chí (Nghị định 09/2017/NĐ-CP về phát ngôn và cung cấp thông tin cho báo chí).',
  '/tiep-cong-dan': 'Lịch tiếp công dân của lãnh đạo, nội quy và các thay đổi lịch (Luật Tiếp công dân 2013: Chủ tịch UBND cấp xã tiếp công dân định kỳ ít nhất một ngày mỗi tuần).',
  '/tuyen-dung': 'Thông báo tuyển dụng công chức, viên chức, hạn nộp hồ sơ và tài liệu kèm theo, đăng trên cổng thông tin điện tử của cơ quan tuyển dụng.',
  '/duong-day-nong': 'Đường dây nóng tiếp nhận phản ánh, kiến nghị, hỗ trợ thủ tục hành chính, phòng chống thiên tai và các số khẩn cấp 112, 113, 114, 115.',
};
