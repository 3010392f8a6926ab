import type { ArticleRow } from '../../../kernel/db/schema.js';
import type { PendingEditRow } from '../../../kernel/db/tables/article-review.js';
import { formatDateTime } from '../../../kernel/lib/format.js';
import type { AdminFrame } from '../../../kernel/views/admin/layout.js';
import { Csrf, Field, type FieldErrors } from '../../../kernel/views/admin/forms.js';
import type { Snapshot } from '../snapshot.js';
import { bodyText, Diff } from './diff.js';

export interface PendingEditActions {
  submit: boolean;
  approve: boolean;
  returnEdit: boolean;
  /** The person approves edits here but changed this one, so may not approve it. */
  ownEdit: boolean;
}

const STATUS: Record<PendingEditRow['status'], string> = {
  editing: 'Đang sửa, chưa gửi duyệt',
  submitted: 'Đã gửi, chờ duyệt',
  returned: 'Bị trả lại',
};

/**
 * A published article's change waiting for the two-person rule: who changed it, what changed
 * against the text the public sees, and the actions the person may take.
 */
export function PendingEditPanel({ frame, article, edit, editors, actions, errors, typedReason }: {
  frame: AdminFrame;
  article: ArticleRow;
  edit: PendingEditRow;
  editors: { user_id: number; name: string }[];
  actions: PendingEditActions;
  errors: FieldErrors;
  typedReason?: string;
}) {
  const base = `/quan-tri/bai-viet/${article.id}/ban-sua`;
  const snap = JSON.parse(edit.snapshot) as Snapshot;
  return (
    <section class="pending-edit" aria-labelledby="ban-sua">
      <h2 id="ban-sua">Bản sửa chờ duyệt</h2>
      <p>
        Trang công khai vẫn hiện bản đã duyệt cho đến khi một người duyệt khác duyệt bản sửa này.
        Trạng thái: <strong>{STATUS[edit.status]}</strong> · lưu lần cuối {formatDateTime(edit.updated_at)}.
      </p>
      <p>Những người đã sửa từ lần duyệt trước: {editors.map((e) => e.name).join(', ') || '—'}.</p>
      {edit.status === 'returned' && edit.return_reason && (
        <div class="notice notice-error" role="note"><strong>Lý do trả lại bản sửa:</strong> {edit.return_reason}</div>
      )}
      <div class="compare">
        <h3>So với bản đang hiện trên trang</h3>
        <p class="legend"><del>Chữ bị xóa</del> · <ins>Chữ được thêm</ins></p>
        <Diff label="Tiêu đề" a={article.title} b={snap.title} />
        <Diff label="Sapo" a={article.sapo} b={snap.sapo} />
        <Diff label="Nội dung" a={bodyText(article.body_html)} b={bodyText(snap.body_html)} />
        <Diff label="Tác giả" a={article.author} b={snap.author} />
        <Diff label="Nguồn" a={article.source} b={snap.source} />
      </div>
      {actions.submit && (
        <form method="post" action={`${base}/gui-duyet`}>
          <Csrf token={frame.csrf} />
          <button type="submit">Gửi duyệt bản sửa</button>
        </form>
      )}
      {actions.ownEdit && <p class="notice" role="note">Bạn đã sửa bản này nên không thể tự duyệt; một người duyệt khác sẽ duyệt.</p>}
      {actions.approve && (
        <form method="post" action={`${base}/duyet`}>
          <Csrf token={frame.csrf} />
          <button type="submit" class="primary">Duyệt và xuất bản bản sửa</button>
        </form>
      )}
      {actions.returnEdit && (
        <form method="post" action={`${base}/tra-lai`} class="inline-form" novalidate>
          <Csrf token={frame.csrf} />
          <Field name="edit_reason" label="Lý do trả lại bản sửa" value={typedReason} errors={errors} multiline={2} required maxLength={2000} />
          <button type="submit">Trả lại bản sửa</button>
        </form>
      )}
    </section>
  );
}
