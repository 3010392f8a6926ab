import { writeAudit } from '../../../kernel/audit.js';
import { AGENCY_TEXTS, nextStamps } from '../english.js';
import { checkEmail, checkPhone, checkText, checkWebsite, multiLine, oneLine, type Errors } from '../input.js';
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
  const v = {
    name: oneLine(form.name), name_en: oneLine(form.name_en),
    address: oneLine(form.address), address_en: oneLine(form.address_en),
    phone: oneLine(form.phone), fax: oneLine(form.fax), email: oneLine(form.email).toLowerCase(), website: oneLine(form.website),
    hours: multiLine(form.hours), hours_en: multiLine(form.hours_en),
    duties: multiLine(form.duties), duties_en: multiLine(form.duties_en),
  };
  const errors: Errors = {};
  checkText(errors, 'name', v.name, 'tên cơ quan', 200, true);
  checkText(errors, 'name_en', v.name_en, 'tên cơ quan bằng tiếng Anh', 200);
  checkText(errors, 'address', v.address, 'địa chỉ', 300);
  checkText(errors, 'address_en', v.address_en, 'địa chỉ bằng tiếng Anh', 300);
  checkPhone(errors, 'phone', v.phone, 'Số điện thoại');
  checkPhone(errors, 'fax', v.fax, 'Số fax');
  checkEmail(errors, 'email', v.email);
  checkWebsite(errors, 'website', v.website);
  checkText(errors, 'hours', v.hours, 'giờ làm việc', 1000);
  checkText(errors, 'hours_en', v.hours_en, 'giờ làm việc bằng tiếng Anh', 1000);
  checkText(errors, 'duties', v.duties, 'chức năng, nhiệm vụ', 10000);
  checkText(errors, 'duties_en', v.duties_en, 'chức năng, nhiệm vụ bằng tiếng Anh', 10000);
  if (Object.keys(errors).length) return { ok: false, errors };

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
