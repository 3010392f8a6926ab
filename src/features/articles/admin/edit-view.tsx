import type { ArticleForm } from '../input.js';
import { LIMITS } from '../input.js';
import type { ArticleRow, CategoryRow } from '../../../kernel/db/schema.js';
import { formatDateTime } from '../../../kernel/lib/format.js';
import { urls } from '../../../kernel/http/urls.js';
import { AdminLayout, type AdminFrame } from '../../../kernel/views/admin/layout.js';
import { Csrf, ErrorSummary, Field, Notice, type FieldErrors } from '../../../kernel/views/admin/forms.js';
import { STATUS_NAMES } from './status.js';
import { PendingEditPanel, type PendingEditActions } from './pending-edit-view.js';
import type { PendingEditRow } from '../../../kernel/db/tables/article-review.js';

/** The two-person rule's state of a published article, when it has a pending edit or needs one. */
export interface ArticleReview {
  /** Saving will make a pending edit instead of changing the public page. */
  needsReview: boolean;
  edit: PendingEditRow | null;
  editors: { user_id: number; name: string }[];
  actions: PendingEditActions;
  typedReason?: string;
}

export interface ArticleActions {
  edit: boolean;
  submit: boolean;
  publish: boolean;
  returnToAuthor: boolean;
  unpublish: boolean;
}

export function ArticleEditPage({ frame, article, form, errors, categories, actions, notice, actionErrors, review, version }: {
  frame: AdminFrame;
  article: ArticleRow | null;
  form: ArticleForm;
  errors: FieldErrors;
  categories: CategoryRow[];
  actions: ArticleActions;
  notice?: string;
  /** Errors of the workflow forms (return reason, schedule time). */
  actionErrors?: FieldErrors;
  review?: ArticleReview;
  /** What the form was built from: the pending edit's version when there is one. */
  version?: string;
}) {
  const base = article ? `/quan-tri/bai-viet/${article.id}` : '/quan-tri/bai-viet';
  const title = article ? `Sửa bài: ${article.title}` : 'Viết bài mới';
  const fieldErrors = Object.fromEntries(Object.entries(errors).filter(([k]) => k !== '_form'));
  return (
    <AdminLayout frame={frame} title={title} scripts={['editor.js']}>
      <h1>{article ? 'Sửa bài viết' : 'Viết bài mới'}</h1>
      {notice && <Notice kind="ok">{notice}</Notice>}
      {errors._form && <Notice kind="error">{errors._form}</Notice>}
      {article && <StatusPanel article={article} />}
      {article && review?.edit && (
        <PendingEditPanel frame={frame} article={article} edit={review.edit} editors={review.editors} actions={review.actions} errors={actionErrors ?? {}} typedReason={review.typedReason} />
      )}
      {article && review?.needsReview && !review.edit && actions.edit && (
        <p class="notice" role="note">Nguyên tắc hai người đang bật: thay đổi bạn lưu sẽ thành bản sửa chờ duyệt; trang công khai chỉ đổi khi một người duyệt khác duyệt bản sửa.</p>
      )}
      <ErrorSummary errors={fieldErrors} />
      <form method="post" action={article ? `${base}/luu` : '/quan-tri/bai-viet/moi'} class="article-form" data-autosave={article && actions.edit ? `${base}/tu-dong-luu` : undefined} novalidate>
        <Csrf token={frame.csrf} />
        {article && <input type="hidden" name="_version" value={version ?? article.updated_at} />}
        <fieldset disabled={!actions.edit}>
          <legend class="visually-hidden">Nội dung bài viết</legend>
          <Field name="title" label="Tiêu đề" value={form.title} errors={errors} required maxLength={LIMITS.title} />
          <Field name="sapo" label="Sapo (đoạn mở đầu)" value={form.sapo} errors={errors} multiline={3} maxLength={LIMITS.sapo} />
          <Field name="body" label="Nội dung" errors={errors} hint="Có thể dán trực tiếp từ Microsoft Word hoặc trang web; định dạng thừa sẽ được làm sạch.">
            <textarea id="f-body" name="body" rows={18} data-editor aria-invalid={errors.body ? 'true' : undefined} aria-describedby={errors.body ? 'f-body-hint f-body-error' : 'f-body-hint'}>{form.body}</textarea>
          </Field>
          <div class="form-grid">
            <Field name="category_id" label="Chuyên mục" errors={errors} required>
              <select id="f-category_id" name="category_id" required aria-invalid={errors.category_id ? 'true' : undefined} aria-describedby={errors.category_id ? 'f-category_id-error' : undefined}>
                <option value="">-- Chọn chuyên mục --</option>
                {categories.map((c) => <option value={String(c.id)} selected={form.category_id === String(c.id)}>{c.name}</option>)}
              </select>
            </Field>
            <Field name="published_at" label="Thời gian xuất bản" type="datetime-local" value={form.published_at} errors={errors} hint="Giờ Việt Nam. Để trống: lúc xuất bản." />
            <Field name="author" label="Tác giả" value={form.author} errors={errors} maxLength={LIMITS.author} />
            <Field name="source" label="Nguồn" value={form.source} errors={errors} maxLength={LIMITS.source} />
            <Field name="cover_media_id" label="Ảnh đại diện (mã trong thư viện)" value={form.cover_media_id} errors={errors} inputMode="numeric" hint="Bấm “Chọn ảnh từ thư viện”, hoặc nhập mã ảnh ghi trong Thư viện tệp." />
            <Field name="cover_alt" label="Mô tả ảnh đại diện" value={form.cover_alt} errors={errors} maxLength={LIMITS.cover_alt} hint="Bắt buộc khi có ảnh: mô tả cho người khiếm thị." />
            <Field name="seo_title" label="Tiêu đề SEO" value={form.seo_title} errors={errors} maxLength={LIMITS.seo_title} />
            <Field name="seo_description" label="Mô tả SEO" value={form.seo_description} errors={errors} maxLength={LIMITS.seo_description} />
            <Field name="legacy_id" label="Mã bài trên cổng cũ" value={form.legacy_id} errors={errors} inputMode="numeric" />
            <Field name="legacy_url" label="Địa chỉ bài trên cổng cũ" value={form.legacy_url} errors={errors} />
          </div>
          <div class="checkbox">
            <input type="checkbox" id="f-featured" name="featured" value="1" checked={!!form.featured} />
            <label for="f-featured">Tin nổi bật (hiện đầu trang chủ)</label>
          </div>
          <div class="form-actions">
            <button type="submit" class="primary">{article ? 'Lưu' : 'Lưu nháp'}</button>
            <span class="autosave-status muted" aria-live="polite" data-autosave-status></span>
          </div>
        </fieldset>
      </form>
      {article && <WorkflowForms frame={frame} article={article} actions={actions} errors={actionErrors ?? {}} />}
    </AdminLayout>
  );
}

function StatusPanel({ article }: { article: ArticleRow }) {
  return (
    <div class="status-panel">
      <p>
        Trạng thái: <span class={`status status-${article.status}`}>{STATUS_NAMES[article.status]}</span>
        {article.status === 'scheduled' && <> · sẽ xuất bản lúc {formatDateTime(article.published_at)}</>}
        {article.status === 'published' && <> · <a href={urls.article(article)}>Xem trên trang</a></>}
        {' · '}<a href={`/quan-tri/bai-viet/${article.id}/xem-truoc`}>Xem trước</a>
        {' · '}<a href={`/quan-tri/bai-viet/${article.id}/phien-ban`}>Lịch sử phiên bản</a>
      </p>
      {article.status === 'returned' && article.return_reason && (
        <div class="notice notice-error" role="note">
          <strong>Lý do trả lại:</strong> {article.return_reason}
        </div>
      )}
    </div>
  );
}

function WorkflowForms({ frame, article, actions, errors }: { frame: AdminFrame; article: ArticleRow; actions: ArticleActions; errors: FieldErrors }) {
  const base = `/quan-tri/bai-viet/${article.id}`;
  return (
    <section class="workflow" aria-labelledby="quy-trinh">
      <h2 id="quy-trinh">Quy trình duyệt bài</h2>
      {actions.submit && (
        <form method="post" action={`${base}/gui-duyet`}>
          <Csrf token={frame.csrf} />
          <button type="submit">Gửi duyệt</button>
        </form>
      )}
      {actions.publish && (
        <>
          <form method="post" action={`${base}/xuat-ban`}>
            <Csrf token={frame.csrf} />
            <button type="submit" class="primary">Xuất bản ngay</button>
          </form>
          <form method="post" action={`${base}/hen-gio`} class="inline-form" novalidate>
            <Csrf token={frame.csrf} />
            <Field name="publish_at" label="Hẹn giờ xuất bản (giờ Việt Nam)" type="datetime-local" errors={errors} required />
            <button type="submit">Hẹn giờ</button>
          </form>
        </>
      )}
      {actions.returnToAuthor && (
        <form method="post" action={`${base}/tra-lai`} class="inline-form" novalidate>
          <Csrf token={frame.csrf} />
          <Field name="reason" label="Lý do trả lại" errors={errors} multiline={2} required maxLength={2000} />
          <button type="submit">Trả lại tác giả</button>
        </form>
      )}
      {actions.unpublish && (
        <form method="post" action={`${base}/go-bai`}>
          <Csrf token={frame.csrf} />
          <button type="submit" class="danger">Gỡ bài khỏi trang</button>
        </form>
      )}
      {!actions.submit && !actions.publish && !actions.returnToAuthor && !actions.unpublish && (
        <p class="muted">Bạn không có thao tác duyệt nào với bài này.</p>
      )}
    </section>
  );
}
