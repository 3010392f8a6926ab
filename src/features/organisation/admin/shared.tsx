import type { FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { formatDateTime } from '../../../kernel/lib/format.js';
import { AppError } from '../../../kernel/lib/errors.js';
import type { EnglishState } from '../english.js';
import { organisationPolicy } from '../policy.js';
import { actorOf, ADMIN } from '../../../kernel/http/admin-scope.js';
import { Field, FormMessages, Notice, SectionCrumbs, type FieldErrors } from '../../../kernel/views/admin/forms.js';
import { AdminLayout, type AdminFrame } from '../../../kernel/views/admin/layout.js';

/** Pieces shared by the back-office screens of Giới thiệu (/quan-tri/gioi-thieu…). */
export const BASE = `${ADMIN}/gioi-thieu`;
export const PATHS = {
  agency: `${BASE}/co-quan`,
  units: `${BASE}/don-vi`,
  people: `${BASE}/can-bo`,
  english: `${BASE}/ban-tieng-anh`,
};

export const STALE_MESSAGE = 'Bản tiếng Anh cũ hơn bản tiếng Việt — cần cập nhật';

const TABS: { href: string; label: string }[] = [
  { href: BASE, label: 'Tổng quan' },
  { href: PATHS.agency, label: 'Thông tin cơ quan' },
  { href: PATHS.units, label: 'Đơn vị, bộ phận' },
  { href: PATHS.people, label: 'Cán bộ, lãnh đạo' },
  { href: PATHS.english, label: 'Bản tiếng Anh cần cập nhật' },
];

/** The screens answer 403 early to those who may not manage the section; the commands check again. */
export function guard(request: FastifyRequest): void {
  if (!organisationPolicy.manage(actorOf(request), request.site.id)) throw new AppError('forbidden');
}

// The form reader of the site-management screens serves here too.
export { formOf } from '../../sites/admin/shared.js';

export function OrgAdminPage({ frame, title, notice, errors, children }: { frame: AdminFrame; title: string; notice?: string; errors?: FieldErrors; children: ComponentChildren }) {
  return (
    <AdminLayout frame={frame} title={title}>
      <SectionCrumbs href={BASE} label="Giới thiệu – Tổ chức" title={title} />
      <h1>{title}</h1>
      <nav aria-label="Các mục của Giới thiệu" class="pager">
        {TABS.map((t) => <a href={t.href} aria-current={frame.path === t.href ? 'page' : undefined}>{t.label}</a>)}
      </nav>
      <FormMessages notice={notice} errors={errors} />
      {children}
    </AdminLayout>
  );
}

/** "Cập nhật lần cuối: …" for one side of a record. */
export function Stamp({ label, at }: { label: string; at: string | null }) {
  return <p class="muted">{label}: {at ? formatDateTime(at) : 'chưa có'}</p>;
}

/** What the English side of a record lacks, for the edit screens and lists. */
export function EnglishWarning({ state }: { state: EnglishState }) {
  if (!state.stale && !state.missing.length) return null;
  return (
    <Notice kind="info">
      {state.stale && <strong>{STALE_MESSAGE}.</strong>}
      {state.stale && state.missing.length > 0 && ' '}
      {state.missing.length > 0 && `Chưa có bản tiếng Anh: ${state.missing.join(', ')}.`}
    </Notice>
  );
}

interface LangFieldProps {
  name: string;
  label: string;
  value: string;
  errors: FieldErrors;
  lang?: 'en';
  required?: boolean;
  maxLength?: number;
  rows?: number;
  hint?: string;
  type?: string;
}

/** views/forms.tsx's Field for the Vietnamese or English text of a record. */
export function LangField({ rows, ...p }: LangFieldProps) {
  return <Field {...p} multiline={rows} />;
}

/** The "English still matches" tick of an edit form. */
export function ReviewedBox({ checked }: { checked: boolean }) {
  return (
    <div class="checkbox">
      <label>
        <input type="checkbox" name="en_reviewed" value="1" checked={checked} /> Bản tiếng Anh đã được rà soát, vẫn đúng với bản tiếng Việt
      </label>
    </div>
  );
}
