import type { ComponentChildren } from 'preact';
import type { FieldErrors } from '../../forms.js';

/**
 * Form pieces for the back office. A field shows its Vietnamese error right next to it,
 * linked with aria-describedby, and always keeps what the person typed.
 */

/** The field rules' errors (kernel/forms.ts), re-exported for the pages that render these pieces. */
export type { FieldErrors };

export function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

export function ErrorSummary({ errors }: { errors: FieldErrors }) {
  const entries = Object.entries(errors);
  if (!entries.length) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1}>
      <p><strong>Vui lòng sửa {entries.length} lỗi dưới đây:</strong></p>
      <ul>
        {entries.map(([field, msg]) => (
          <li><a href={`#f-${field}`}>{msg}</a></li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  value?: string;
  errors?: FieldErrors;
  hint?: string;
  type?: string;
  required?: boolean;
  autocomplete?: string;
  maxLength?: number;
  multiline?: number;
  inputMode?: string;
  /** The language of what is typed, when it is not Vietnamese (the English texts of a record). */
  lang?: string;
  children?: ComponentChildren;
}

export function Field(p: FieldProps) {
  const id = `f-${p.name}`;
  const err = p.errors?.[p.name];
  const described = [p.hint ? `${id}-hint` : '', err ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: p.name,
    required: p.required,
    maxLength: p.maxLength,
    lang: p.lang,
    'aria-invalid': err ? ('true' as const) : undefined,
    'aria-describedby': described,
  };
  return (
    <div class={err ? 'field has-error' : 'field'}>
      <label for={id}>
        {p.label}
        {p.required && <span class="req" aria-hidden="true"> *</span>}
      </label>
      {p.hint && <p class="hint" id={`${id}-hint`}>{p.hint}</p>}
      {err && <p class="field-error" id={`${id}-error`}>{err}</p>}
      {p.children ??
        (p.multiline ? (
          <textarea {...common} rows={p.multiline}>{p.value ?? ''}</textarea>
        ) : (
          <input {...common} type={(p.type ?? 'text') as 'text'} value={p.value ?? ''} autocomplete={p.autocomplete} inputMode={p.inputMode as never} />
        ))}
    </div>
  );
}

export function Notice({ kind, children }: { kind: 'ok' | 'error' | 'info'; children: ComponentChildren }) {
  return (
    <div class={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/** What a form page says at its top: the confirmation, a whole-form error, the list of field errors. */
export function FormMessages({ notice, errors }: { notice?: string; errors?: FieldErrors }) {
  return (
    <>
      {notice && <Notice kind="ok">{notice}</Notice>}
      {errors?._form && <Notice kind="error">{errors._form}</Notice>}
      {errors && <ErrorSummary errors={Object.fromEntries(Object.entries(errors).filter(([k]) => k !== '_form'))} />}
    </>
  );
}

/** "Section › This page" above a back-office page's heading. */
export function SectionCrumbs({ href, label, title }: { href: string; label: string; title: string }) {
  return (
    <nav class="breadcrumb" aria-label="Đường dẫn">
      <a href={href}>{label}</a> › <span aria-current="page">{title}</span>
    </nav>
  );
}
