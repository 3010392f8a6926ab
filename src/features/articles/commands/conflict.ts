/** What a person reads when someone else saved the same article first; their typed text stays. */
export const CONFLICT_MESSAGE = 'Bài viết vừa được người khác lưu. Nội dung bạn nhập vẫn còn dưới đây; hãy tải lại bài trong thẻ khác để so sánh trước khi lưu.';
