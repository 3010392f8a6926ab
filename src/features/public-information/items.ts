import type { FieldGroup, FieldSpec } from '../disclosure/fields.js';

export const INFO_PATH = '/thong-tin-cong-khai';
export const INFO_ADMIN = '/quan-tri/thong-tin-cong-khai';

/**
 * The information a commune must publish (Luật Tiếp cận thông tin 2016, Điều 17 khoản 1, as it
 * applies to a commune; the list itself is published as Nghị định 13/2018/NĐ-CP, Điều 6 asks),
 * each with where it is on a Cổng site. Editors may point an item elsewhere.
 */
export interface InfoItem {
  key: string;
  title: string;
  /** A section path of the portal, or an anchor of this page. */
  at: string;
  /** The rule that makes it public. */
  basis: string;
}

const TCTT = 'Luật Tiếp cận thông tin 2016, Điều 17';

export const INFO_ITEMS: readonly InfoItem[] = [
  { key: 'van-ban', title: 'Văn bản quy phạm pháp luật, văn bản hành chính có giá trị áp dụng chung', at: '/van-ban', basis: TCTT },
  { key: 'thu-tuc', title: 'Thủ tục hành chính, quy trình giải quyết công việc', at: '/thu-tuc-hanh-chinh', basis: TCTT },
  { key: 'pho-bien', title: 'Thông tin phổ biến, hướng dẫn thực hiện pháp luật, chế độ, chính sách', at: '/pho-bien-phap-luat', basis: TCTT },
  { key: 'du-thao', title: 'Dự thảo văn bản lấy ý kiến nhân dân', at: '/gop-y-du-thao', basis: TCTT },
  { key: 'ke-hoach', title: 'Chương trình, kế hoạch, quy hoạch phát triển kinh tế – xã hội; chương trình, kế hoạch công tác hằng năm', at: '/quy-hoach-ke-hoach', basis: TCTT },
  { key: 'ngan-sach', title: 'Dự toán, tình hình thực hiện và quyết toán ngân sách', at: '/cong-khai-ngan-sach', basis: `${TCTT}; Luật Thực hiện dân chủ ở cơ sở 2022, Điều 11` },
  { key: 'dau-tu', title: 'Dự án, chương trình đầu tư công, mua sắm công, đấu thầu; thu hồi đất, bồi thường, hỗ trợ, tái định cư', at: '/du-an-dau-thau', basis: `${TCTT}; Luật Thực hiện dân chủ ở cơ sở 2022, Điều 11` },
  { key: 'to-chuc', title: 'Tổ chức bộ máy, chức năng, nhiệm vụ, quyền hạn; thông tin liên hệ của cơ quan và người đứng đầu', at: '/gioi-thieu', basis: TCTT },
  { key: 'tuyen-dung', title: 'Tuyển dụng, sử dụng, quản lý cán bộ, công chức, viên chức', at: '/tuyen-dung', basis: TCTT },
  { key: 'tiep-cong-dan', title: 'Lịch tiếp công dân, nội quy tiếp công dân', at: '/tiep-cong-dan', basis: 'Luật Tiếp công dân 2013' },
  { key: 'phat-ngon', title: 'Người phát ngôn và thông cáo báo chí', at: '/nguoi-phat-ngon', basis: 'Nghị định 09/2017/NĐ-CP' },
  { key: 'dau-moi', title: 'Danh mục thông tin phải được công khai; đầu mối tiếp nhận yêu cầu cung cấp thông tin', at: '#dau-moi', basis: 'Luật Tiếp cận thông tin 2016, Điều 17; Nghị định 13/2018/NĐ-CP, Điều 6' },
];

const OFFICER: FieldSpec[] = [
  { name: 'officer', label: 'Họ và tên người làm đầu mối', kind: 'line', max: 100 },
  { name: 'post', label: 'Chức vụ', kind: 'line', max: 150, hint: 'Ví dụ: Công chức Văn phòng – Thống kê.' },
  { name: 'unit', label: 'Bộ phận tiếp nhận', kind: 'line', max: 150, hint: 'Ví dụ: Bộ phận Một cửa UBND phường.' },
  { name: 'address', label: 'Địa chỉ tiếp nhận', kind: 'line', max: 200 },
  { name: 'phone', label: 'Số điện thoại', kind: 'phone', max: 40 },
  { name: 'email', label: 'Thư điện tử', kind: 'email', max: 254 },
  { name: 'hours', label: 'Thời gian tiếp nhận', kind: 'text', max: 500, rows: 2, hint: 'Ví dụ: Sáng 7 giờ 30 – 11 giờ 30, chiều 13 giờ 30 – 17 giờ, từ thứ Hai đến thứ Sáu.' },
];

export const INFO_GROUPS: FieldGroup[] = [
  { legend: 'Đầu mối tiếp nhận yêu cầu cung cấp thông tin', fields: OFFICER },
  {
    legend: 'Nơi đăng từng loại thông tin (để trống: mục mặc định của cổng)',
    fields: INFO_ITEMS.map((i) => ({ name: `at-${i.key}`, label: i.title, kind: 'link', max: 500, hint: `Mặc định: ${i.at}` })),
  },
];

export const INFO_FIELDS: FieldSpec[] = INFO_GROUPS.flatMap((g) => g.fields);
