import type { ComponentChildren } from 'preact';
import { formatNumber } from '../../../kernel/lib/format.js';
import { F, FORM, LIMITS, VERIFY, type FieldErrors } from '../input.js';

/**
 * The fields of the comment form, shared by the form on the (cached) article page and the
 * uncached page people without JavaScript use. Each error sits next to its field, linked by
 * aria-describedby; the values are what the person typed.
 */
export interface FormValues {
  name: string;
  email: string;
  content: string;
  parentId: number | null;
}

export const EMPTY_VALUES: FormValues = { name: '', email: '', content: '', parentId: null };

const id = (field: string) => `bl-${field.replace(/_/g, '-')}`;
export const errorId = (field: string) => `${id(field)}-loi`;

function Err({ field, errors }: { field: string; errors: FieldErrors }) {
  // The script fills these in on the article page, where no error is ever rendered.
  const msg = errors[field];
  return msg ? <p class="field-error" id={errorId(field)}>{msg}</p> : null;
}

/**
 * The data- attributes by which interact.js finds, for a citizen form, the fallback question and
 * the ALTCHA widget with its worker and stylesheet (comments, questions, feedback on drafts).
 */
export function verificationData(assets: { url(name: string): string }): Record<string, string> {
  return {
    'data-question-url': '/binh-luan/cau-hoi',
    'data-altcha-challenge': '/binh-luan/thu-thach',
    'data-altcha-script': assets.url('altcha-widget.js'),
    'data-altcha-worker': assets.url('altcha-pbkdf2.js'),
    'data-altcha-css': assets.url('altcha.css'),
  };
}

/** Left empty by people (it is hidden from them); robots fill it in. */
export function Honeypot() {
  return (
    <div class="hp" aria-hidden="true">
      <label for={id(F.honeypot)}>Trang web của bạn (để trống)</label>
      <input id={id(F.honeypot)} name={F.honeypot} type="text" tabIndex={-1} autocomplete="off" value="" />
    </div>
  );
}

/**
 * The verification step: its message, then the question in words or the ALTCHA widget. `alert`
 * announces the message at once (a page whose form has no error summary above it).
 */
export function VerifyStep({ errors, alert, children }: { errors: FieldErrors; alert?: boolean; children: ComponentChildren }) {
  return (
    <fieldset class="verify-step" data-verify-step>
      <legend>Xác thực</legend>
      {alert && errors[VERIFY] ? <p class="field-error" id={errorId(VERIFY)} role="alert">{errors[VERIFY]}</p> : <Err field={VERIFY} errors={errors} />}
      {children}
    </fieldset>
  );
}

function described(field: string, errors: FieldErrors, hint = false): string | undefined {
  return [hint ? `${id(field)}-goi-y` : '', errors[field] ? errorId(field) : ''].filter(Boolean).join(' ') || undefined;
}

export function CommentFields({ values, errors, verification, children }: {
  values: FormValues;
  errors: FieldErrors;
  /** The verification step: the ALTCHA slot or the fallback question. */
  verification: ComponentChildren;
  /** Lines under the form (the moderation and privacy notes). */
  children?: ComponentChildren;
}) {
  const invalid = (f: string) => (errors[f] ? ('true' as const) : undefined);
  return (
    <>
      {errors[FORM] && <p class="form-error" role="alert">{errors[FORM]}</p>}
      <input type="hidden" name={F.parent} value={values.parentId ? String(values.parentId) : ''} data-parent-input />
      <div class="field">
        <label for={id(F.name)}>Họ và tên <span class="req" aria-hidden="true">*</span></label>
        <Err field={F.name} errors={errors} />
        <input id={id(F.name)} name={F.name} type="text" value={values.name} required autocomplete="name" aria-invalid={invalid(F.name)} aria-describedby={described(F.name, errors)} />
      </div>
      <div class="field">
        <label for={id(F.email)}>Email</label>
        <p class="hint" id={`${id(F.email)}-goi-y`}>Không bắt buộc; không hiển thị công khai.</p>
        <Err field={F.email} errors={errors} />
        <input id={id(F.email)} name={F.email} type="email" value={values.email} autocomplete="email" aria-invalid={invalid(F.email)} aria-describedby={described(F.email, errors, true)} />
      </div>
      <div class="field">
        <label for={id(F.content)}>Nội dung bình luận <span class="req" aria-hidden="true">*</span></label>
        <p class="hint" id={`${id(F.content)}-goi-y`}>Tối đa {formatNumber(LIMITS.content)} ký tự.</p>
        <Err field={F.content} errors={errors} />
        <textarea id={id(F.content)} name={F.content} rows={5} required aria-invalid={invalid(F.content)} aria-describedby={described(F.content, errors, true)}>{values.content}</textarea>
      </div>
      <Honeypot />
      <VerifyStep errors={errors}>{verification}</VerifyStep>
      {children}
      <button type="submit" class="primary">Gửi bình luận</button>
    </>
  );
}

/** The fallback question, for people without JavaScript (and browsers that cannot run ALTCHA). */
export function QuestionStep({ question, token, errors }: { question: string; token: string; errors: FieldErrors }) {
  return (
    <>
      <input type="hidden" name={F.token} value={token} />
      <label for={id(F.answer)}>Câu hỏi: {question}</label>
      <input
        id={id(F.answer)}
        name={F.answer}
        type="text"
        inputMode="numeric"
        autocomplete="off"
        required
        class="answer"
        aria-invalid={errors[VERIFY] ? 'true' : undefined}
        aria-describedby={errors[VERIFY] ? errorId(VERIFY) : undefined}
      />
    </>
  );
}

export function PrivacyNote() {
  return (
    <p class="privacy-note">
      Về dữ liệu cá nhân: chúng tôi không lưu địa chỉ IP của bạn. Để chống thư rác, chỉ lưu một mã ẩn danh (được băm với khóa đổi
      mỗi ngày). Email, nếu bạn nhập, chỉ Ban biên tập xem được.
    </p>
  );
}

export function ModerationNote({ mode }: { mode: string }) {
  if (mode === 'publish') return <p class="hint">Bình luận có nhiều liên kết sẽ được duyệt trước khi đăng.</p>;
  if (mode === 'hold_first') return <p class="hint">Bình luận đầu tiên của bạn sẽ được đăng sau khi Ban biên tập duyệt.</p>;
  return <p class="hint">Bình luận sẽ được đăng sau khi Ban biên tập duyệt.</p>;
}
