import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { EMPTY_AGENCY, saveAgency, type AgencyForm } from '../commands/save-agency.js';
import { agencyEnglish } from '../english.js';
import { findAgency, agencyOrDefault } from '../repo.js';
import type { OrgAgencyRow } from '../../../kernel/db/tables/organisation.js';
import { adminFrame, sendAdmin } from '../../../kernel/http/admin-scope.js';
import { Csrf, type FieldErrors } from '../../../kernel/views/admin/forms.js';
import type { AdminFrame } from '../../../kernel/views/admin/layout.js';
import { EnglishWarning, formOf, guard, LangField, OrgAdminPage, PATHS, ReviewedBox, Stamp } from './shared.js';
import { commandContext } from '../../../kernel/commands.js';
import { flash, redirectWithFlash, type FlashMessages } from '../../../kernel/http/flash.js';

const NOTICES: FlashMessages = { 'da-luu': 'Đã lưu thông tin cơ quan.' };

function AgencyPage({ frame, form, errors, stored, notice }: { frame: AdminFrame; form: AgencyForm; errors: FieldErrors; stored: OrgAgencyRow | undefined; notice?: string }) {
  return (
    <OrgAdminPage frame={frame} title="Thông tin cơ quan" notice={notice} errors={errors}>
      {stored && <EnglishWarning state={agencyEnglish(stored)} />}
      <form method="post" action={PATHS.agency} novalidate>
        <Csrf token={frame.csrf} />
        <fieldset>
          <legend>Liên hệ (dùng chung cho hai thứ tiếng)</legend>
          <div class="form-grid">
            <LangField name="phone" label="Điện thoại" value={form.phone} errors={errors} type="tel" maxLength={40} />
            <LangField name="fax" label="Fax" value={form.fax} errors={errors} type="tel" maxLength={40} />
            <LangField name="email" label="Thư điện tử" value={form.email} errors={errors} type="email" maxLength={200} />
            <LangField name="website" label="Website" value={form.website} errors={errors} type="url" maxLength={300} hint="Bắt đầu bằng https://" />
          </div>
        </fieldset>
        <div class="form-grid">
          <fieldset>
            <legend>Tiếng Việt</legend>
            <Stamp label="Bản tiếng Việt cập nhật lần cuối" at={stored?.vi_updated_at ?? null} />
            <LangField name="name" label="Tên cơ quan" value={form.name} errors={errors} required maxLength={200} />
            <LangField name="address" label="Địa chỉ" value={form.address} errors={errors} maxLength={300} />
            <LangField name="hours" label="Giờ làm việc" value={form.hours} errors={errors} rows={4} />
            <LangField name="duties" label="Chức năng, nhiệm vụ" value={form.duties} errors={errors} rows={12} hint='Mỗi đoạn cách nhau một dòng trống; dòng bắt đầu bằng "- " thành một ý gạch đầu dòng.' />
          </fieldset>
          <fieldset>
            <legend>Tiếng Anh (English)</legend>
            <Stamp label="Bản tiếng Anh cập nhật lần cuối" at={stored?.en_updated_at ?? null} />
            <LangField name="name_en" label="Tên cơ quan (tiếng Anh)" value={form.name_en} errors={errors} lang="en" maxLength={200} />
            <LangField name="address_en" label="Địa chỉ (tiếng Anh)" value={form.address_en} errors={errors} lang="en" maxLength={300} />
            <LangField name="hours_en" label="Giờ làm việc (tiếng Anh)" value={form.hours_en} errors={errors} lang="en" rows={4} />
            <LangField name="duties_en" label="Chức năng, nhiệm vụ (tiếng Anh)" value={form.duties_en} errors={errors} lang="en" rows={12} />
            <ReviewedBox checked={form.en_reviewed === '1'} />
          </fieldset>
        </div>
        <div class="form-actions">
          <button type="submit" class="primary">Lưu thông tin cơ quan</button>
        </div>
      </form>
    </OrgAdminPage>
  );
}

function formFromRow(a: OrgAgencyRow): AgencyForm {
  return { ...EMPTY_AGENCY, ...Object.fromEntries(Object.keys(EMPTY_AGENCY).filter((k) => k !== 'en_reviewed').map((k) => [k, String(a[k as keyof OrgAgencyRow] ?? '')])) };
}

/** The agency's texts in both languages and its contacts. */
export async function agencyRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;
  const page = async (request: FastifyRequest, reply: FastifyReply, form: AgencyForm, errors: FieldErrors, status = 200) =>
    sendAdmin(reply, <AgencyPage frame={adminFrame(app, request, reply)} form={form} errors={errors} stored={await findAgency(ctx.db, request.site.id)} notice={status === 200 ? flash(request, NOTICES) : undefined} />, status);

  app.get(PATHS.agency, async (request, reply) => {
    guard(request);
    return page(request, reply, formFromRow(await agencyOrDefault(ctx.db, request.site)), {});
  });

  app.post(PATHS.agency, async (request, reply) => {
    guard(request);
    const form = formOf(request, EMPTY_AGENCY);
    const r = await saveAgency(commandContext(request), form);
    if (!r.ok) return page(request, reply, form, r.errors, 422);
    return redirectWithFlash(reply, PATHS.agency, 'da-luu');
  });
}
