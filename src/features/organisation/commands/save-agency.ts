import { writeAudit } from '../../../kernel/audit.js';
import { AGENCY_TEXTS, nextStamps } from '../english.js';
import { email, fail, line, phone, take, text, type FieldErrors } from '../../../kernel/forms.js';
import { OFFICE_EMAIL, OFFICE_PHONE, website } from '../input.js';
import { findAgency } from '../repo.js';
import { assertCanManage, purgeOrganisation, ticked, type CommandContext, type CommandResult } from './shared.js';

export interface AgencyForm {
  name: string;
  name_en: string;
  address: string;
  address_en: string;
  phone: string;
  fax: string;
  email: string;
  website: string;
  hours: string;
  hours_en: string;
  duties: string;
  duties_en: string;
  /** "1" when the editor confirms the English texts still match the Vietnamese ones. */
  en_reviewed: string;
}

export const EMPTY_AGENCY: AgencyForm = {
  name: '', name_en: '', address: '', address_en: '', phone: '', fax: '', email: '', website: '', hours: '', hours_en: '', duties: '', duties_en: '', en_reviewed: '',
};

/** Saves the agency's Vietnamese and English texts and contacts (creates the row the first time). */
export async function saveAgency(cx: CommandContext, form: AgencyForm): Promise<CommandResult<null>> {
  assertCanManage(cx);
  const { db, site, actor, now } = cx;
  const errors: FieldErrors = {};
  const oneLine = (k: keyof AgencyForm, label: string, max: number, optional = true) => take(errors, k, line(form[k], { label, max, optional }));
  const lines = (k: keyof AgencyForm, label: string, max: number) => take(errors, k, text(form[k], { label, max, optional: true }));
  // In the order of the form, so that the error summary lists the fields top to bottom.
  const v = {
    name: oneLine('name', 'tên cơ quan', 200, false), name_en: oneLine('name_en', 'tên cơ quan bằng tiếng Anh', 200),
    address: oneLine('address', 'địa chỉ', 300), address_en: oneLine('address_en', 'địa chỉ bằng tiếng Anh', 300),
    phone: take(errors, 'phone', phone(form.phone, { example: OFFICE_PHONE, optional: true })),
    fax: take(errors, 'fax', phone(form.fax, { label: 'số fax', example: OFFICE_PHONE, optional: true })),
    email: take(errors, 'email', email(form.email, { label: 'địa chỉ thư điện tử', example: OFFICE_EMAIL, optional: true })),
    website: take(errors, 'website', website(form.website)),
    hours: lines('hours', 'giờ làm việc', 1000), hours_en: lines('hours_en', 'giờ làm việc bằng tiếng Anh', 1000),
    duties: lines('duties', 'chức năng, nhiệm vụ', 10000), duties_en: lines('duties_en', 'chức năng, nhiệm vụ bằng tiếng Anh', 10000),
  };
  if (Object.keys(errors).length) return fail(errors);

  const t = now.toISOString();
  await db.transaction().execute(async (tx) => {
    const before = await findAgency(tx, site.id);
    const stamps = nextStamps(AGENCY_TEXTS, before ?? null, v, t, ticked(form.en_reviewed));
    const after = { ...v, ...stamps, updated_at: t };
    if (before) await tx.updateTable('org_agency').set(after).where('site_id', '=', site.id).execute();
    else await tx.insertInto('org_agency').values({ site_id: site.id, ...after }).execute();
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'org_agency.update', entityType: 'org_agency', entityId: site.id, before: before ?? null, after }, now);
  });
  purgeOrganisation(cx);
  return { ok: true, value: null };
}
