/** The error catalogue: stable codes, HTTP status, and the Vietnamese message people read. */
export const ERRORS = {
  not_found: { status: 404, message: 'Không tìm thấy trang bạn yêu cầu.' },
  link_not_allowed: { status: 400, message: 'Liên kết bạn chọn không có trong danh sách liên kết của trang.' },
  bad_request: { status: 400, message: 'Yêu cầu không hợp lệ.' },
  forbidden: { status: 403, message: 'Bạn không có quyền thực hiện thao tác này.' },
  cross_site: { status: 403, message: 'Biểu mẫu này phải được gửi từ chính trang thông tin điện tử. Vui lòng mở lại trang rồi gửi lại.' },
  csrf: { status: 403, message: 'Phiên làm việc đã hết hạn hoặc biểu mẫu không hợp lệ. Vui lòng tải lại trang và thử lại.' },
  conflict: { status: 409, message: 'Bài viết vừa được người khác thay đổi. Vui lòng tải lại trang.' },
  invalid_transition: { status: 409, message: 'Không thể chuyển bài viết sang trạng thái này.' },
  archived: { status: 409, message: 'Trang lưu trữ không nhận bình luận, đánh giá, câu hỏi, bình chọn hay góp ý mới.' },
  archived_site: { status: 409, message: 'Trang lưu trữ không nhận nội dung mới: không thể thêm, sửa hay xóa nội dung của trang này. Quản trị hệ thống có thể đưa trang hoạt động trở lại ở màn hình Các trang thông tin.' },
  vote_limit: { status: 429, message: 'Hôm nay đã có nhiều lượt bình chọn từ cùng mạng với bạn nên lượt này không được tính.' },
  rate_limited: { status: 429, message: 'Bạn thao tác quá nhanh. Vui lòng thử lại sau ít phút.' },
  storage_unavailable: { status: 503, message: 'Kho lưu trữ tệp đang không phản hồi nên chưa đọc hoặc lưu được tệp. Vui lòng thử lại sau ít phút; nếu vẫn lỗi, hãy báo quản trị hệ thống.' },
  unavailable: { status: 503, message: 'Hệ thống đang tạm gián đoạn. Vui lòng thử lại sau ít phút.' },
  internal: { status: 500, message: 'Hệ thống đang gặp sự cố. Vui lòng thử lại sau.' },
} as const;

export type ErrorCode = keyof typeof ERRORS;

export class AppError extends Error {
  readonly status: number;
  constructor(readonly code: ErrorCode, message?: string) {
    super(message ?? ERRORS[code].message);
    this.status = ERRORS[code].status;
  }
}
