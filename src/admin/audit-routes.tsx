import type { FastifyInstance } from 'fastify';
import { hasRole } from './actor.js';
import { listAudit, type AuditListRow } from '../audit/log.js';
import { AppError } from '../lib/errors.js';
import { formatDateTime } from '../lib/format.js';
import { actorOf, ADMIN, adminFrame, sendAdmin } from './plugin.js';
import { AdminLayout, type AdminFrame } from './views/layout.js';

const PAGE = 50;
const ACTIONS: Record<string, string> = {
  'user.login': 'Đăng nhập',
  'user.create': 'Tạo tài khoản',
  'user.reset_password': 'Đặt lại mật khẩu',
  'user.change_password': 'Đổi mật khẩu',
  'user.totp_enable': 'Bật xác thực hai lớp',
  'user.totp_disable': 'Tắt xác thực hai lớp',
  'user.recovery_code_used': 'Dùng mã khôi phục',
  'user.roles': 'Đổi vai trò',
  'user.logout_all': 'Đăng xuất mọi thiết bị',
  'article.create': 'Tạo bài viết',
  'article.update': 'Sửa bài viết',
  'article.submit': 'Gửi duyệt',
  'article.publish': 'Xuất bản',
  'article.schedule': 'Hẹn giờ xuất bản',
  'article.publish_scheduled': 'Tự động xuất bản theo lịch',
  'article.return': 'Trả lại bài',
  'article.unpublish': 'Gỡ bài',
};

function AuditPage({ frame, rows, action, nextHref }: { frame: AdminFrame; rows: AuditListRow[]; action: string; nextHref: string | null }) {
  return (
    <AdminLayout frame={frame} title="Nhật ký thao tác">
      <h1>Nhật ký thao tác</h1>
      <form method="get" action="/quan-tri/nhat-ky" class="filters">
        <div class="field">
          <label for="hanh-dong">Thao tác</label>
          <select id="hanh-dong" name="hanh_dong">
            <option value="">Tất cả</option>
            {Object.entries(ACTIONS).map(([k, v]) => <option value={k} selected={action === k}>{v}</option>)}
          </select>
        </div>
        <button type="submit">Lọc</button>
      </form>
      <table class="data-table">
        <caption class="visually-hidden">Nhật ký thao tác, mới nhất trước</caption>
        <thead><tr><th scope="col">Thời gian</th><th scope="col">Người thực hiện</th><th scope="col">Thao tác</th><th scope="col">Đối tượng</th><th scope="col">Trước</th><th scope="col">Sau</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td>{formatDateTime(r.created_at)}</td>
              <td>{r.user_name ?? 'Hệ thống'}</td>
              <td>{ACTIONS[r.action] ?? r.action}</td>
              <td>{r.entity_type === 'article' && r.entity_id ? <a href={`/quan-tri/bai-viet/${r.entity_id}`}>Bài #{r.entity_id}</a> : `${r.entity_type} ${r.entity_id ?? ''}`}</td>
              <td><details><summary>Xem</summary><pre>{r.before_json ?? '—'}</pre></details></td>
              <td><details><summary>Xem</summary><pre>{r.after_json ?? '—'}</pre></details></td>
            </tr>
          ))}
        </tbody>
      </table>
      {nextHref && <p class="pager"><a href={nextHref}>Cũ hơn »</a></p>}
    </AdminLayout>
  );
}

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  app.get(`${ADMIN}/nhat-ky`, async (request, reply) => {
    if (!hasRole(actorOf(request), request.site.id, 'site_admin')) throw new AppError('forbidden');
    const q = request.query as { hanh_dong?: string; truoc?: string };
    const action = q.hanh_dong && ACTIONS[q.hanh_dong] ? q.hanh_dong : '';
    const rows = await listAudit(app.cong.db, request.site.id, {
      action: action || undefined,
      beforeId: /^\d+$/.test(q.truoc ?? '') ? Number(q.truoc) : undefined,
      limit: PAGE + 1,
    });
    const page = rows.slice(0, PAGE);
    const nextHref = rows.length > PAGE ? `${ADMIN}/nhat-ky?${new URLSearchParams({ ...(action ? { hanh_dong: action } : {}), truoc: String(page[page.length - 1]!.id) })}` : null;
    return sendAdmin(reply, <AuditPage frame={adminFrame(app, request, reply)} rows={page} action={action} nextHref={nextHref} />);
  });
}
