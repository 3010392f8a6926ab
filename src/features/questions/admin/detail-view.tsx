import { formatDateTime } from '../../../kernel/lib/format.js';
import { KINDS } from '../input.js';
import { qaUrls } from '../labels.js';
import type { QueueRow } from '../repo.js';
import { isOverdue } from '../stats.js';
import { PlainText } from '../public/text.js';
import { Csrf, ErrorSummary, Field, Notice, type FieldErrors } from '../../../kernel/views/admin/forms.js';
import { AdminLayout, type AdminFrame } from '../../../kernel/views/admin/layout.js';
import { BASE, StatusBadge } from './queue-view.js';

/** One question for the staff: the asker's details, assignment, answer, publication, refusal. */
export interface DetailProps {
  frame: AdminFrame;
  q: QueueRow;
  staff: { id: number; display_name: string }[];
  overdueDays: number;
  now: Date;
  notice?: string;
  errors: FieldErrors;
  /** The answer and reason as typed, after an error. */
  answer: string;
  reason: string;
}

export function DetailPage(p: DetailProps) {
  const { q, frame } = p;
  const path = `${BASE}/${q.id}`;
  const open = q.status === 'received' || q.status === 'processing';
  return (
    <AdminLayout frame={frame} title={q.title}>
      <nav class="breadcrumb" aria-label="Đường dẫn"><a href={BASE}>Hỏi đáp</a> › <span aria-current="page">Câu hỏi #{q.id}</span></nav>
      <h1>{q.title}</h1>
      {p.notice && <Notice kind="ok">{p.notice}</Notice>}
      {p.errors._form && <Notice kind="error">{p.errors._form}</Notice>}
      <ErrorSummary errors={Object.fromEntries(Object.entries(p.errors).filter(([k]) => k !== '_form'))} />
      <p>
        <StatusBadge status={q.status} /> {q.published ? <strong>Đang công khai</strong> : null}
        {isOverdue(q, p.overdueDays, p.now) && <strong class="qa-late"> Quá hạn ({p.overdueDays} ngày)</strong>}
      </p>
      <dl class="qa-facts">
        <dt>Loại</dt><dd>{KINDS.find((k) => k.value === q.kind)?.label}</dd>
        <dt>Chủ đề</dt><dd>{q.topic_name ?? '—'}</dd>
        <dt>Gửi lúc</dt><dd>{formatDateTime(q.created_at)}</dd>
        <dt>Người gửi</dt><dd>{q.asker_name}</dd>
        <dt>Điện thoại</dt><dd>{q.asker_phone || '—'}</dd>
        <dt>Email</dt><dd>{q.asker_email || '—'}</dd>
        <dt>Địa chỉ</dt><dd>{q.asker_address || '—'}</dd>
        {q.answered_at && <><dt>Trả lời lúc</dt><dd>{formatDateTime(q.answered_at)}</dd></>}
      </dl>
      <p class="hint">Thông tin người gửi chỉ dùng để liên hệ, không bao giờ được công khai.</p>
      <h2>Nội dung</h2>
      <PlainText text={q.body} className="qa-body" />

      <section class="status-panel" aria-labelledby="giao-xu-ly">
        <h2 id="giao-xu-ly">Giao xử lý</h2>
        <form method="post" action={`${path}/giao`}>
          <Csrf token={frame.csrf} />
          <Field name="nguoi_xu_ly" label="Người xử lý" errors={p.errors}>
            <select id="f-nguoi_xu_ly" name="nguoi_xu_ly">
              <option value="">Chưa giao</option>
              {p.staff.map((u) => <option value={String(u.id)} selected={q.assignee_id === u.id}>{u.display_name}</option>)}
            </select>
          </Field>
          <button type="submit">Giao</button>
        </form>
      </section>

      {q.status !== 'rejected' && (
        <section class="status-panel" aria-labelledby="tra-loi">
          <h2 id="tra-loi">Trả lời</h2>
          <form method="post" action={`${path}/tra-loi`} novalidate>
            <Csrf token={frame.csrf} />
            <Field name="tra_loi" label="Nội dung trả lời" value={p.answer} errors={p.errors} multiline={10} hint="Văn bản thường; để một dòng trống giữa các đoạn." />
            <div class="form-actions">
              {q.status !== 'answered' && <button type="submit" name="danh_dau" value="1" class="primary">Lưu và đánh dấu đã trả lời</button>}
              <button type="submit">{q.status === 'answered' ? 'Lưu trả lời' : 'Lưu nháp trả lời'}</button>
            </div>
          </form>
        </section>
      )}

      {q.status === 'answered' && (
        <section class="status-panel" aria-labelledby="cong-khai">
          <h2 id="cong-khai">Công khai</h2>
          <p>Khi công khai, trang Hỏi đáp hiện tiêu đề, câu hỏi, chủ đề, ngày hỏi, ngày trả lời và trả lời; người hỏi ghi là “Công dân” (không có họ tên, điện thoại, email, địa chỉ).</p>
          {q.published ? <p>Đang hiện tại <a href={qaUrls.item(q)}>{qaUrls.item(q)}</a>.</p> : null}
          <form method="post" action={`${path}/${q.published ? 'go' : 'cong-khai'}`}>
            <Csrf token={frame.csrf} />
            <button type="submit" class={q.published ? 'danger' : 'primary'}>{q.published ? 'Gỡ khỏi trang công khai' : 'Công khai câu hỏi và trả lời'}</button>
          </form>
        </section>
      )}

      {open && (
        <section class="status-panel" aria-labelledby="tu-choi">
          <h2 id="tu-choi">Không tiếp nhận</h2>
          <form method="post" action={`${path}/tu-choi`} novalidate>
            <Csrf token={frame.csrf} />
            <Field name="ly_do" label="Lý do (người gửi xem được khi tra cứu)" value={p.reason} errors={p.errors} multiline={3} />
            <button type="submit" class="danger">Không tiếp nhận</button>
          </form>
        </section>
      )}
      {q.status === 'rejected' && (
        <section class="status-panel"><h2>Lý do không tiếp nhận</h2><PlainText text={q.reject_reason} /></section>
      )}
    </AdminLayout>
  );
}
