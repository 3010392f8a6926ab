/**
 * The sections a ward portal must publish besides news (Nghị định 42/2022/NĐ-CP Art. 4, 7 and
 * Thông tư 22/2023/TT-BTTTT): their keys, Vietnamese names and public paths, in one place. A menu
 * item can point at one of them (menu_items.section), and the sidebar lists them all.
 */
export const SECTIONS = [
  { key: 'gioi-thieu', label: 'Giới thiệu', path: '/gioi-thieu' },
  { key: 'van-ban', label: 'Văn bản', path: '/van-ban' },
  { key: 'lich-cong-tac', label: 'Lịch công tác', path: '/lich-cong-tac' },
  { key: 'hoi-dap', label: 'Hỏi đáp', path: '/hoi-dap' },
  { key: 'thu-tuc', label: 'Thủ tục hành chính', path: '/thu-tuc-hanh-chinh' },
  { key: 'gop-y-du-thao', label: 'Góp ý dự thảo', path: '/gop-y-du-thao' },
  { key: 'tham-do', label: 'Thăm dò ý kiến', path: '/tham-do-y-kien' },
] as const;

export type SectionKey = (typeof SECTIONS)[number]['key'];

export function sectionOf(key: string): (typeof SECTIONS)[number] | undefined {
  return SECTIONS.find((s) => s.key === key);
}
