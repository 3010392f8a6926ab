import type { CommentRow } from '../../../kernel/db/tables/interact.js';
import { formatDateTime } from '../../../kernel/lib/format.js';
import { Csrf, ErrorSummary, Field, type FieldErrors } from '../../../kernel/views/admin/forms.js';
import { AdminLayout, type AdminFrame } from '../../../kernel/views/admin/layout.js';
import { BASE } from './queue-view.js';

/** Editing a citizen's comment, and answering it as the editorial board. */
export function EditCommentPage({ frame, comment, form, errors }: { frame: AdminFrame; comment: CommentRow; form: { ho_ten: string; noi_dung: string }; errors: FieldErrors }) {
  return (
    <AdminLayout frame={frame} title="Sửa bình luận">
      <h1>Sửa bình luận</h1>
      <p>
        Gửi lúc <time dateTime={comment.created_at}>{formatDateTime(comment.created_at)}</time>
        {comment.author_email && <> từ địa chỉ email {comment.author_email}</>}.
      </p>
      <ErrorSummary errors={errors} />
      <form method="post" action={`${BASE}/${comment.id}/sua`} novalidate>
        <Csrf token={frame.csrf} />
        <Field name="ho_ten" label="Họ và tên người gửi" value={form.ho_ten} errors={errors} required />
        <Field name="noi_dung" label="Nội dung" value={form.noi_dung} errors={errors} required multiline={8} />
        <button type="submit" class="primary">Lưu bình luận</button> <a href={`${BASE}?trang_thai=${slugOf(comment.status)}`}>Quay lại danh sách</a>
      </form>
    </AdminLayout>
  );
}

export function ReplyPage({ frame, comment, replies, form, errors }: { frame: AdminFrame; comment: CommentRow; replies: CommentRow[]; form: { noi_dung: string }; errors: FieldErrors }) {
  return (
    <AdminLayout frame={frame} title="Trả lời bình luận">
      <h1>Trả lời bình luận với tư cách Ban biên tập</h1>
      <p>
        <strong>{comment.author_name}</strong> viết lúc <time dateTime={comment.created_at}>{formatDateTime(comment.created_at)}</time>:
      </p>
      <blockquote class="comment-content">{comment.content}</blockquote>
      {replies.map((r) => (
        <div class="notice notice-ok">
          <strong>Ban biên tập đã trả lời</strong> ({formatDateTime(r.created_at)}): {r.content}
        </div>
      ))}
      {comment.status === 'pending' && <p class="hint">Bình luận này đang chờ duyệt; khi bạn gửi trả lời, bình luận và câu trả lời cùng được đăng.</p>}
      <ErrorSummary errors={errors} />
      <form method="post" action={`${BASE}/${comment.id}/tra-loi`} novalidate>
        <Csrf token={frame.csrf} />
        <Field name="noi_dung" label="Nội dung trả lời (hiển thị với tên “Ban biên tập”)" value={form.noi_dung} errors={errors} required multiline={6} />
        <button type="submit" class="primary">Gửi trả lời</button> <a href={BASE}>Quay lại danh sách</a>
      </form>
    </AdminLayout>
  );
}

function slugOf(status: CommentRow['status']): string {
  return { pending: 'cho-duyet', published: 'da-dang', rejected: 'tu-choi', spam: 'rac' }[status];
}
