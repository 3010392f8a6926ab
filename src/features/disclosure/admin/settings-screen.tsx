import type { ComponentChildren } from 'preact';
import { AdminLayout, type AdminFrame } from '../../../kernel/views/admin/layout.js';
import { Csrf, Field, FormMessages, type FieldErrors } from '../../../kernel/views/admin/forms.js';
import type { FieldGroup, FieldSpec, Values } from '../fields.js';

const inputType = (f: FieldSpec) => (f.kind === 'email' ? 'email' : f.kind === 'phone' ? 'tel' : 'text');

/** One form of a section's settings, its fields grouped under legends; what was typed comes back. */
export function SettingsScreen(p: {
  frame: AdminFrame;
  title: string;
  action: string;
  publicPath: string;
  groups: readonly FieldGroup[];
  values: Values;
  errors: FieldErrors;
  notice?: string;
  intro?: ComponentChildren;
  after?: ComponentChildren;
}) {
  return (
    <AdminLayout frame={p.frame} title={p.title}>
      <h1>{p.title}</h1>
      <FormMessages notice={p.notice} errors={p.errors} />
      {p.intro}
      <p><a href={p.publicPath}>Xem trang công khai</a></p>
      <form method="post" action={p.action} novalidate>
        <Csrf token={p.frame.csrf} />
        {p.groups.map((g) => (
          <fieldset>
            <legend>{g.legend}</legend>
            {g.fields.map((f) => (
              <Field
                name={f.name}
                label={f.label}
                type={inputType(f)}
                value={p.values[f.name] ?? ''}
                errors={p.errors}
                required={f.required}
                hint={f.hint}
                maxLength={f.max}
                multiline={f.kind === 'text' ? (f.rows ?? 4) : undefined}
              />
            ))}
          </fieldset>
        ))}
        <div class="form-actions">
          <button type="submit" class="primary">Lưu</button>
        </div>
      </form>
      {p.after}
    </AdminLayout>
  );
}
