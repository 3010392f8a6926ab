import { ArchiveClosed } from '../../../kernel/views/public/archive-closed.js';
import type { FallbackQuestion } from '../../../kernel/citizen/question.js';
import { Honeypot, QuestionStep, verificationData, VerifyStep } from '../../comments/public/comment-form.js';
import { formatNumber } from '../../../kernel/lib/format.js';
import type { Frame } from '../../../kernel/views/public/frame.js';
import { Layout } from '../../../kernel/views/public/layout.js';
import { FORM, KINDS, LIMITS, Q, type FieldErrors, type QuestionForm } from '../input.js';
import { formatTrackingCode } from '../tracking.js';
import { qaUrls } from '../labels.js';
import type { QuestionTopicRow } from '../../../kernel/db/tables/questions.js';

/**
 * The question form (uncached: it carries a fresh verification question) and the page that
 * gives the tracking code. Each error sits next to its field, linked by aria-describedby; the
 * values are what the person typed. The verification step is the no-JS question; browsers that
 * can run ALTCHA may replace it (the form carries the same data-altcha-* attributes as the
 * comment form, and the server accepts either proof).
 */
const id = (f: string) => `hd-${f.replace(/_/g, '-')}`;
const errId = (f: string) => `${id(f)}-loi`;

function Err({ f, errors }: { f: string; errors: FieldErrors }) {
  return errors[f] ? <p class="field-error" id={errId(f)}>{errors[f]}</p> : null;
}

function aria(f: string, errors: FieldErrors, hint = false) {
  const d = [hint ? `${id(f)}-goi-y` : '', errors[f] ? errId(f) : ''].filter(Boolean).join(' ') || undefined;
  return { id: id(f), name: f, 'aria-invalid': errors[f] ? ('true' as const) : undefined, 'aria-describedby': d };
}

function Text({ f, label, value, errors, hint, required, type = 'text', autocomplete, max }: {
  f: string; label: string; value: string; errors: FieldErrors; hint?: string; required?: boolean; type?: string; autocomplete?: string; max?: number;
}) {
  return (
    <div class="field">
      <label for={id(f)}>{label}{required && <span class="req" aria-hidden="true"> *</span>}</label>
      {hint && <p class="hint" id={`${id(f)}-goi-y`}>{hint}</p>}
      <Err f={f} errors={errors} />
      <input {...aria(f, errors, !!hint)} type={type as 'text'} value={value} required={required} autocomplete={autocomplete} maxLength={max ? max * 2 : undefined} />
    </div>
  );
}

export function AskPage({ frame, values, errors, topics, question }: {
  frame: Frame; values: QuestionForm; errors: FieldErrors; topics: QuestionTopicRow[]; question: FallbackQuestion;
}) {
  const a = frame.assets;
  const failed = Object.keys(errors).length > 0;
  const crumbs = [{ name: 'Trang chủ', href: '/' }, { name: 'Hỏi đáp', href: qaUrls.list() }, { name: 'Gửi câu hỏi', href: qaUrls.ask() }];
  if (frame.site.archivedAt) {
    return (
      <Layout frame={frame} meta={{ title: 'Gửi câu hỏi, phản ánh', canonicalPath: qaUrls.ask(), noindex: true, current: 'hoi-dap' }} crumbs={crumbs}>
        <h1 class="page-title">Gửi câu hỏi, phản ánh, kiến nghị</h1>
        <ArchiveClosed what="câu hỏi, phản ánh" />
      </Layout>
    );
  }
  return (
    <Layout
      frame={frame}
      meta={{ title: 'Gửi câu hỏi, phản ánh', canonicalPath: qaUrls.ask(), noindex: true, current: 'hoi-dap', scripts: ['interact.js'], styles: ['interact.css'] }}
      crumbs={crumbs}
    >
      <h1 class="page-title">Gửi câu hỏi, phản ánh, kiến nghị</h1>
      <p>Ban biên tập chuyển câu hỏi đến bộ phận chuyên môn. Sau khi gửi, bạn nhận được <strong>mã tra cứu</strong> để theo dõi tình trạng và xem trả lời.</p>
      {failed && <p class="form-error" role="alert">{errors[FORM] ?? 'Câu hỏi chưa được gửi. Vui lòng xem lại các ô được đánh dấu bên dưới.'}</p>}
      <form
        method="post"
        action={qaUrls.ask()}
        class="qa-form"
        novalidate
        data-altcha-form
        {...verificationData(a)}
      >
        <fieldset>
          <legend>Người gửi</legend>
          <p class="hint">Số điện thoại, email và địa chỉ chỉ cán bộ xử lý xem được; không bao giờ được đăng công khai.</p>
          <Text f={Q.name} label="Họ và tên" value={values.name} errors={errors} required autocomplete="name" max={LIMITS.name} />
          <Text f={Q.phone} label="Số điện thoại" type="tel" value={values.phone} errors={errors} autocomplete="tel" hint="Nhập số điện thoại hoặc email (ít nhất một) để nhận trả lời." />
          <Text f={Q.email} label="Email" type="email" value={values.email} errors={errors} autocomplete="email" />
          <Text f={Q.address} label="Địa chỉ" value={values.address} errors={errors} autocomplete="street-address" hint="Không bắt buộc." max={LIMITS.address} />
        </fieldset>
        <fieldset>
          <legend>Nội dung</legend>
          <fieldset class="qa-kinds">
            <legend>Loại</legend>
            <Err f={Q.kind} errors={errors} />
            {KINDS.map((k) => (
              <label class="choice">
                <input type="radio" name={Q.kind} value={k.slug} checked={values.kind === k.slug} aria-describedby={errors[Q.kind] ? errId(Q.kind) : undefined} /> {k.label}
              </label>
            ))}
          </fieldset>
          {topics.length > 0 && (
            <div class="field">
              <label for={id(Q.topic)}>Chủ đề<span class="req" aria-hidden="true"> *</span></label>
              <Err f={Q.topic} errors={errors} />
              <select {...aria(Q.topic, errors)} required>
                <option value="">— Chọn chủ đề —</option>
                {topics.map((t) => <option value={String(t.id)} selected={values.topic === String(t.id)}>{t.name}</option>)}
              </select>
            </div>
          )}
          <Text f={Q.title} label="Tiêu đề" value={values.title} errors={errors} required max={LIMITS.title} />
          <div class="field">
            <label for={id(Q.body)}>Nội dung<span class="req" aria-hidden="true"> *</span></label>
            <p class="hint" id={`${id(Q.body)}-goi-y`}>Tối đa {formatNumber(LIMITS.body)} ký tự.</p>
            <Err f={Q.body} errors={errors} />
            <textarea {...aria(Q.body, errors, true)} rows={8} required>{values.body}</textarea>
          </div>
        </fieldset>
        <Honeypot />
        <VerifyStep errors={errors} alert>
          <div class="altcha-slot" data-altcha-slot>
            <QuestionStep question={question.question} token={question.token} errors={errors} />
          </div>
        </VerifyStep>
        <p class="privacy-note">
          Về dữ liệu cá nhân: chúng tôi không lưu địa chỉ IP của bạn. Thông tin liên hệ chỉ dùng để trả lời bạn. Khi câu hỏi được đăng
          công khai, chỉ tiêu đề, nội dung câu hỏi và trả lời được đăng, người hỏi ghi là “Công dân”.
        </p>
        <button type="submit" class="primary">Gửi câu hỏi</button>
      </form>
    </Layout>
  );
}

export function SentPage({ frame, code }: { frame: Frame; code: string }) {
  const shown = formatTrackingCode(code);
  return (
    <Layout frame={frame} meta={{ title: 'Đã gửi câu hỏi', canonicalPath: qaUrls.ask(), noindex: true, current: 'hoi-dap', styles: ['interact.css'] }}>
      <h1 class="page-title">Đã gửi câu hỏi</h1>
      <p class="notice-ok" role="status">Câu hỏi của bạn đã được tiếp nhận.</p>
      <div class="qa-code">
        <p>Mã tra cứu của bạn:</p>
        <p class="qa-code-value"><strong>{shown}</strong></p>
        <p class="hint">Hãy ghi lại mã này: đây là cách duy nhất để xem tình trạng và trả lời trên cổng thông tin (mã không được gửi lại).</p>
      </div>
      <p><a class="button" href={qaUrls.lookup()}>Tra cứu câu hỏi</a> <a href={qaUrls.list()}>Xem các câu hỏi đã trả lời</a></p>
    </Layout>
  );
}
