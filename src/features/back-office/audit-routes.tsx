import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { QueryText } from '../../kernel/http/route-schemas.js';
import { parseId } from '../../kernel/lib/ids.js';
import { backOfficePolicy } from './policy.js';
import { listAudit, type AuditListRow } from '../../kernel/audit.js';
import { AppError } from '../../kernel/lib/errors.js';
import { formatDateTime } from '../../kernel/lib/format.js';
import { actorOf, ADMIN, adminFrame, sendAdmin } from '../../kernel/http/admin-scope.js';
import { AdminLayout, type AdminFrame } from '../../kernel/views/admin/layout.js';

const PAGE = 50;
const ACTIONS: Record<string, string> = {
  'user.login': 'Đăng nhập',
  'user.login_failed': 'Đăng nhập sai',
  'user.login_locked': 'Tạm khoá đăng nhập vì sai nhiều lần',
  'user.login_second_step': 'Đăng nhập: xác thực hai lớp thành công',
  'user.totp_failed': 'Nhập sai mã xác thực hai lớp',
  'user.totp_locked': 'Tạm khoá bước xác thực hai lớp',
  'user.password_recheck_failed': 'Nhập sai mật khẩu khi xác nhận thao tác',
  'user.password_recheck_locked': 'Tạm khoá xác nhận mật khẩu',
  'user.create': 'Tạo tài khoản',
  'user.reset_password': 'Đặt lại mật khẩu',
  'user.change_password': 'Đổi mật khẩu',
  'user.totp_enable': 'Bật xác thực hai lớp',
  'user.totp_disable': 'Tắt xác thực hai lớp',
  'user.recovery_code_used': 'Dùng mã khôi phục',
  'user.roles': 'Đổi vai trò',
  'user.invite': 'Mời tài khoản', 'user.invite_accept': 'Chấp nhận lời mời', 'user.invite_decline': 'Từ chối lời mời', 'user.invite_cancel': 'Hủy lời mời',
  'user.logout_all': 'Đăng xuất mọi thiết bị',
  'article.create': 'Tạo bài viết',
  'article.update': 'Sửa bài viết',
  'article.submit': 'Gửi duyệt',
  'article.publish': 'Xuất bản',
  'article.schedule': 'Hẹn giờ xuất bản',
  'article.publish_scheduled': 'Tự động xuất bản theo lịch',
  'article.return': 'Trả lại bài',
  'article.unpublish': 'Gỡ bài',
  'article.edit_pending': 'Lưu bản sửa chờ duyệt', 'article.edit_submit': 'Gửi duyệt bản sửa', 'article.edit_approve': 'Duyệt bản sửa', 'article.edit_return': 'Trả lại bản sửa',
  'schedule.create': 'Thêm lịch công tác', 'schedule.update': 'Sửa lịch công tác', 'schedule.delete': 'Xoá lịch công tác', 'schedule.publish_week': 'Công bố lịch tuần', 'schedule.unpublish_week': 'Ẩn lịch tuần', 'procedure.create': 'Thêm thủ tục hành chính', 'procedure.update': 'Sửa thủ tục hành chính', 'procedure.delete': 'Xoá thủ tục hành chính', 'procedure.move': 'Đổi thứ tự thủ tục hành chính',
  'document.create': 'Thêm văn bản',
  'document.update': 'Sửa văn bản',
  'document.delete': 'Xoá văn bản',
  'document.file_add': 'Tải tệp văn bản lên',
  'document.file_remove': 'Gỡ tệp văn bản',
  'document.relations': 'Đổi văn bản liên quan',
  'document_type.create': 'Thêm loại văn bản',
  'document_type.rename': 'Đổi tên loại văn bản',
  'document_type.delete': 'Xoá loại văn bản',
  'question.assign': 'Giao xử lý câu hỏi', 'question.answer': 'Trả lời câu hỏi', 'question.answer_edit': 'Sửa trả lời câu hỏi', 'question.publish': 'Công khai hỏi đáp', 'question.unpublish': 'Gỡ hỏi đáp', 'question.reject': 'Không tiếp nhận câu hỏi', 'question.settings': 'Đổi thời hạn trả lời', 'question_topic.create': 'Thêm chủ đề hỏi đáp', 'question_topic.update': 'Sửa chủ đề hỏi đáp', 'question_topic.delete': 'Xoá chủ đề hỏi đáp',
  'poll.create': 'Tạo cuộc thăm dò',
  'poll.update': 'Sửa cuộc thăm dò',
  'poll.open': 'Mở cuộc thăm dò',
  'poll.close': 'Đóng cuộc thăm dò',
  'poll.delete': 'Xoá cuộc thăm dò',
  'old_address.create': 'Thêm địa chỉ cũ', 'old_address.delete': 'Xoá địa chỉ cũ',
  'draft_feedback.process': 'Đánh dấu đã xử lý góp ý dự thảo',
  'draft_feedback.reopen': 'Bỏ đánh dấu đã xử lý góp ý dự thảo',
  'draft_feedback.export': 'Xuất CSV góp ý dự thảo',
  'org_agency.update': 'Sửa thông tin cơ quan', 'org_unit.create': 'Thêm đơn vị', 'org_unit.update': 'Sửa đơn vị', 'org_unit.delete': 'Xoá đơn vị', 'org_unit.move': 'Đổi thứ tự đơn vị', 'org_person.create': 'Thêm cán bộ', 'org_person.update': 'Sửa thông tin cán bộ', 'org_person.delete': 'Xoá cán bộ', 'org_person.move': 'Đổi thứ tự cán bộ',
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

/** ?hanh_dong=<action> narrows the log; ?truoc=<row id> continues it. */
const AuditQuery = Type.Object({ hanh_dong: QueryText, truoc: QueryText });

export async function auditRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  app.get(`${ADMIN}/nhat-ky`, { schema: { querystring: AuditQuery } }, async (request, reply) => {
    if (!backOfficePolicy.readAudit(actorOf(request), request.site.id)) throw new AppError('forbidden');
    const q = request.query;
    const action = q.hanh_dong && ACTIONS[q.hanh_dong] ? q.hanh_dong : '';
    const rows = await listAudit(app.cong.db, request.site.id, {
      action: action || undefined,
      beforeId: parseId(q.truoc) ?? undefined,
      limit: PAGE + 1,
    });
    const page = rows.slice(0, PAGE);
    const nextHref = rows.length > PAGE ? `${ADMIN}/nhat-ky?${new URLSearchParams({ ...(action ? { hanh_dong: action } : {}), truoc: String(page[page.length - 1]!.id) })}` : null;
    return sendAdmin(reply, <AuditPage frame={adminFrame(app, request, reply)} rows={page} action={action} nextHref={nextHref} />);
  });
}
