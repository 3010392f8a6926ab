import { ArchiveClosed } from '../../../kernel/views/public/archive-closed.js';
import type { DocumentFileRow } from '../../../kernel/db/tables/documents.js';
import { documentUrls } from '../../documents/urls.js';
import { shortDay } from '../../documents/present.js';
import { errorId, Honeypot, QuestionStep, verificationData, VerifyStep } from '../../comments/public/comment-form.js';
import { FORM } from '../../comments/input.js';
import type { FallbackQuestion } from '../../../kernel/citizen/question.js';
import { formatNumber } from '../../../kernel/lib/format.js';
import type { Frame } from '../../../kernel/views/public/frame.js';
import { Layout } from '../../../kernel/views/public/layout.js';
import { DRAFTS_PATH, draftPath } from '../../polls/paths.js';
import { CLOSED_TEXT, deadlineText, isOpen } from '../deadline.js';
import { FB, FB_LIMITS } from '../input.js';
import type { DraftItem } from '../repo.js';
import { SENT } from '../submit-feedback.js';

/** Public pages of Góp ý dự thảo: the list, a draft with its feedback form, the thank-you page. */
const TITLE = 'Góp ý dự thảo';
const CURRENT = 'sec:gop-y-du-thao';
const crumbs = (extra: { name: string; href: string }[] = []) => [{ name: 'Trang chủ', href: '/' }, { name: TITLE, href: DRAFTS_PATH }, ...extra];

export const feedbackCount = (n: number) => (n > 0 ? `Đã có ${formatNumber(n)} ý kiến góp ý` : 'Chưa có ý kiến góp ý');

function DraftEntry({ d, now }: { d: DraftItem; now: Date }) {
  return (
    <li class="draft-item">
      <h3 class="item-title"><a href={draftPath(d.id)}>{d.title}</a></h3>
      <p class="item-date">
        {d.type_name} số {d.number} · {isOpen(d.consultation_until, now) ? deadlineText(d.consultation_until, now) : `${CLOSED_TEXT} (${shortDay(d.consultation_until)})`} · {feedbackCount(d.feedback)}
      </p>
    </li>
  );
}

export function DraftListPage({ frame, open, closed, now }: { frame: Frame; open: DraftItem[]; closed: DraftItem[]; now: Date }) {
  return (
    <Layout frame={frame} meta={{ title: TITLE, canonicalPath: DRAFTS_PATH, current: CURRENT, description: 'Các dự thảo văn bản đang lấy ý kiến người dân và đã kết thúc lấy ý kiến.' }} crumbs={crumbs()}>
      <h1 class="page-title">{TITLE}</h1>
      <section aria-labelledby="dang-lay-y-kien">
        <h2 id="dang-lay-y-kien" class="section-title">Đang lấy ý kiến</h2>
        {open.length ? <ul class="draft-list">{open.map((d) => <DraftEntry d={d} now={now} />)}</ul> : <p class="muted">Hiện không có dự thảo nào đang lấy ý kiến.</p>}
      </section>
      <section aria-labelledby="het-han-gop-y">
        <h2 id="het-han-gop-y" class="section-title">Đã hết hạn góp ý</h2>
        {closed.length ? <ul class="draft-list">{closed.map((d) => <DraftEntry d={d} now={now} />)}</ul> : <p class="muted">Chưa có dự thảo nào hết hạn góp ý.</p>}
      </section>
    </Layout>
  );
}

export interface FeedbackValues {
  name: string;
  contact: string;
  organisation: string;
  content: string;
}

const fid = (field: string) => `bl-${field.replace(/_/g, '-')}`;

function Err({ field, errors }: { field: string; errors: Record<string, string> }) {
  return errors[field] ? <p class="field-error" id={errorId(field)}>{errors[field]}</p> : null;
}

function described(field: string, errors: Record<string, string>, hint = false): string | undefined {
  return [hint ? `${fid(field)}-goi-y` : '', errors[field] ? errorId(field) : ''].filter(Boolean).join(' ') || undefined;
}

/**
 * The form. Without JavaScript the question in words is the verification step; with it, the
 * comment script (interact.js, which looks for these data- attributes and field ids) puts the
 * ALTCHA widget in its place and sends the form with fetch.
 */
function FeedbackFormView({ frame, draft, values, errors, question }: { frame: Frame; draft: DraftItem; values: FeedbackValues; errors: Record<string, string>; question: FallbackQuestion }) {
  const a = frame.assets;
  const invalid = (f: string) => (errors[f] ? ('true' as const) : undefined);
  const line = (f: string, label: string, value: string, opts: { required?: boolean; hint?: string; autocomplete?: string } = {}) => (
    <div class="field">
      <label for={fid(f)}>{label}{opts.required && <> <span class="req" aria-hidden="true">*</span></>}</label>
      {opts.hint && <p class="hint" id={`${fid(f)}-goi-y`}>{opts.hint}</p>}
      <Err field={f} errors={errors} />
      <input id={fid(f)} name={f} type="text" value={value} required={opts.required} autocomplete={opts.autocomplete} aria-invalid={invalid(f)} aria-describedby={described(f, errors, !!opts.hint)} />
    </div>
  );
  return (
    <form
      method="post"
      action={draftPath(draft.id)}
      class="comment-form feedback-form"
      aria-labelledby="gui-gop-y"
      novalidate
      data-comment-form
      {...verificationData(a)}
    >
      {Object.keys(errors).length > 0 && <p class="form-error" role="alert">{errors[FORM] ?? 'Góp ý chưa được gửi. Vui lòng xem lại các ô được đánh dấu bên dưới.'}</p>}
      {/* The comment script expects these (replies do not exist here). */}
      <input type="hidden" name="tra_loi" value="" data-parent-input />
      <p class="reply-note" data-reply-note hidden><span data-reply-text></span> <button type="button" class="link-button" data-reply-cancel>Hủy</button></p>
      {line(FB.name, 'Họ và tên', values.name, { required: true, autocomplete: 'name' })}
      {line(FB.email, 'Email hoặc số điện thoại', values.contact, { required: true, hint: 'Để cơ quan soạn thảo liên hệ khi cần; không công khai.' })}
      {line(FB.organisation, 'Cơ quan, đơn vị', values.organisation, { hint: 'Không bắt buộc.', autocomplete: 'organization' })}
      <div class="field">
        <label for={fid(FB.content)}>Nội dung góp ý <span class="req" aria-hidden="true">*</span></label>
        <p class="hint" id={`${fid(FB.content)}-goi-y`}>Tối đa {formatNumber(FB_LIMITS.content)} ký tự. Nên ghi rõ điều, khoản hoặc mục của dự thảo mà bạn góp ý.</p>
        <Err field={FB.content} errors={errors} />
        <textarea id={fid(FB.content)} name={FB.content} rows={8} required aria-invalid={invalid(FB.content)} aria-describedby={described(FB.content, errors, true)}>{values.content}</textarea>
      </div>
      <Honeypot />
      <VerifyStep errors={errors}>
        <div class="altcha-slot" data-altcha-slot>
          <QuestionStep question={question.question} token={question.token} errors={errors} />
        </div>
      </VerifyStep>
      <p class="privacy-note">Góp ý được gửi đến cơ quan soạn thảo và không đăng công khai. Email, số điện thoại chỉ cơ quan soạn thảo xem được; chúng tôi không lưu địa chỉ IP của bạn.</p>
      <button type="submit" class="primary">Gửi góp ý</button>
      <p class="form-status" role="status" data-comment-status></p>
    </form>
  );
}

export function DraftPage({ frame, draft, files, now, values, errors, question }: {
  frame: Frame; draft: DraftItem; files: DocumentFileRow[]; now: Date; values: FeedbackValues; errors: Record<string, string>; question: FallbackQuestion;
}) {
  const open = isOpen(draft.consultation_until, now);
  const path = draftPath(draft.id);
  return (
    <Layout
      frame={frame}
      meta={{ title: draft.title, canonicalPath: path, current: CURRENT, description: `${draft.type_name} số ${draft.number}: ${draft.title}`, styles: ['interact.css'], scripts: open ? ['interact.js'] : [], noindex: Object.keys(errors).length > 0 }}
      crumbs={crumbs([{ name: draft.title, href: path }])}
    >
      <article class="draft">
        <h1 class="page-title">{draft.title}</h1>
        <dl class="draft-facts">
          <div><dt>Loại văn bản</dt><dd>{draft.type_name}</dd></div>
          <div><dt>Số, ký hiệu</dt><dd>{draft.number}</dd></div>
          {draft.issuer && <div><dt>Cơ quan soạn thảo</dt><dd>{draft.issuer}</dd></div>}
          <div><dt>Thời hạn</dt><dd>{open ? deadlineText(draft.consultation_until, now) : `${CLOSED_TEXT} (hạn cuối ${shortDay(draft.consultation_until)})`}</dd></div>
          <div><dt>Số ý kiến</dt><dd>{feedbackCount(draft.feedback)}</dd></div>
        </dl>
        <h2 class="section-title">Tệp dự thảo</h2>
        {files.length ? (
          <ul class="draft-files">
            {files.map((f) => <li><a href={documentUrls.file(f)} download>Tải về: {f.original_name}</a> ({f.ext.toUpperCase()}, {formatNumber(Math.max(1, Math.round(f.size_bytes / 1024)))} KB)</li>)}
          </ul>
        ) : (
          <p class="muted">Dự thảo chưa có tệp đính kèm.</p>
        )}
        <p><a href={documentUrls.document(draft)}>Xem dự thảo trong mục Văn bản</a></p>
        <section class="comment-compose" aria-labelledby="gui-gop-y">
          <h2 id="gui-gop-y" class="section-title">Gửi góp ý</h2>
          {frame.site.archivedAt ? <ArchiveClosed what="góp ý" /> : open ? <FeedbackFormView frame={frame} draft={draft} values={values} errors={errors} question={question} /> : <p class="draft-closed" role="status">{CLOSED_TEXT}.</p>}
        </section>
      </article>
    </Layout>
  );
}

export function FeedbackSentPage({ frame, draft }: { frame: Frame; draft: DraftItem }) {
  return (
    <Layout frame={frame} meta={{ title: 'Đã gửi góp ý', canonicalPath: `${draftPath(draft.id)}/da-gui`, noindex: true, current: CURRENT }} crumbs={crumbs([{ name: draft.title, href: draftPath(draft.id) }, { name: 'Đã gửi góp ý', href: `${draftPath(draft.id)}/da-gui` }])}>
      <h1 class="page-title">Đã gửi góp ý</h1>
      <p class="notice-ok" role="status">{SENT}</p>
      <p><a href={draftPath(draft.id)}>Quay lại dự thảo “{draft.title}”</a> · <a href={DRAFTS_PATH}>Các dự thảo khác</a></p>
    </Layout>
  );
}
