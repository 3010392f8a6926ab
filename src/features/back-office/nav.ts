import { hasRole, type Actor } from '../../kernel/access/actor.js';

/** The back-office menu, filtered by what the person may do on this site. */
export function adminNav(actor: Actor, siteId: number): { href: string; label: string }[] {
  const items: { href: string; label: string; show: boolean }[] = [
    { href: '/quan-tri', label: 'Tổng quan', show: true },
    { href: '/quan-tri/bai-viet', label: 'Bài viết', show: hasRole(actor, siteId, 'site_admin', 'approver', 'editor', 'contributor') },
    { href: '/quan-tri/binh-luan', label: 'Bình luận', show: hasRole(actor, siteId, 'site_admin', 'moderator') },
    { href: '/quan-tri/van-ban', label: 'Văn bản', show: hasRole(actor, siteId, 'site_admin', 'approver', 'editor') },
    { href: '/quan-tri/hoi-dap', label: 'Hỏi đáp', show: hasRole(actor, siteId, 'site_admin', 'approver', 'editor', 'moderator') },
    { href: '/quan-tri/lich-cong-tac', label: 'Lịch công tác', show: hasRole(actor, siteId, 'site_admin', 'approver', 'editor') },
    { href: '/quan-tri/gioi-thieu', label: 'Giới thiệu – Tổ chức', show: hasRole(actor, siteId, 'site_admin', 'approver', 'editor') },
    { href: '/quan-tri/thu-tuc', label: 'Thủ tục hành chính', show: hasRole(actor, siteId, 'site_admin', 'approver', 'editor') },
    { href: '/quan-tri/gop-y-du-thao', label: 'Góp ý dự thảo', show: hasRole(actor, siteId, 'site_admin', 'approver', 'editor') },
    { href: '/quan-tri/tham-do', label: 'Thăm dò ý kiến', show: hasRole(actor, siteId, 'site_admin', 'approver', 'editor') },
    { href: '/quan-tri/thu-vien', label: 'Thư viện tệp', show: hasRole(actor, siteId, 'site_admin', 'approver', 'editor', 'contributor') },
    { href: '/quan-tri/trang-web', label: 'Quản lý trang', show: hasRole(actor, siteId, 'site_admin') },
    { href: '/quan-tri/thong-ke', label: 'Thống kê truy cập', show: hasRole(actor, siteId, 'site_admin', 'approver', 'editor') },
    { href: '/quan-tri/nguoi-dung', label: 'Người dùng', show: hasRole(actor, siteId, 'site_admin') },
    { href: '/quan-tri/nhat-ky', label: 'Nhật ký thao tác', show: hasRole(actor, siteId, 'site_admin') },
    { href: '/quan-tri/tai-khoan', label: 'Tài khoản của tôi', show: true },
  ];
  return items.filter((i) => i.show);
}
