import type { FlashMessages } from '../../../kernel/http/flash.js';

/** What a disclosure screen confirms after a save (a settings form and the notices listed under it share a screen). */
export const DISCLOSURE_FLASH: FlashMessages = {
  'da-them': 'Đã thêm; trang công khai đã cập nhật.',
  'da-luu': 'Đã lưu; trang công khai đã cập nhật.',
  'da-xoa': 'Đã xoá; trang công khai đã cập nhật.',
};
