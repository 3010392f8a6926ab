import { writeAudit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { nextStamps, PERSON_TEXTS } from '../english.js';
import { email, fail, id as idRule, line, phone, take, type FieldErrors } from '../../../kernel/forms.js';
import { OFFICE_EMAIL, OFFICE_PHONE } from '../input.js';
import { findPerson, findUnit } from '../repo.js';
import { assertCanManage, purgeOrganisation, ticked, type CommandContext, type CommandResult } from './shared.js';

export interface PersonForm {
  full_name: string;
  post: string;
  post_en: string;
  /** Id of the person's unit; empty when they belong to the agency's leadership directly. */
  unit_id: string;
  phone: string;
  email: string;
  /** Id of an image of the site's media library; empty for none. */
  photo_media_id: string;
  /** "1": shown on the leaders page. */
  is_leader: string;
  en_reviewed: string;
}

export const EMPTY_PERSON: PersonForm = { full_name: '', post: '', post_en: '', unit_id: '', phone: '', email: '', photo_media_id: '', is_leader: '', en_reviewed: '' };

/** Adds a person at the end of the list, or edits one. */
export async function savePerson(cx: CommandContext, id: number | null, form: PersonForm): Promise<CommandResult> {
  assertCanManage(cx);
  const { db, site, actor, now } = cx;
  const errors: FieldErrors = {};
  const v = {
    full_name: take(errors, 'full_name', line(form.full_name, { label: 'họ và tên', max: 120 })),
    post: take(errors, 'post', line(form.post, { label: 'chức vụ', max: 200 })),
    post_en: take(errors, 'post_en', line(form.post_en, { label: 'chức vụ bằng tiếng Anh', max: 200, optional: true })),
    phone: take(errors, 'phone', phone(form.phone, { example: OFFICE_PHONE, optional: true })),
    email: take(errors, 'email', email(form.email, { label: 'địa chỉ thư điện tử', example: OFFICE_EMAIL, optional: true })),
    is_leader: ticked(form.is_leader) ? 1 : 0,
  };
  const unitId = take(errors, 'unit_id', idRule(form.unit_id, { label: 'đơn vị', optional: true }));
  const photoId = take(errors, 'photo_media_id', idRule(form.photo_media_id, { label: 'ảnh', optional: true }));
  if (Object.keys(errors).length) return fail(errors);

  const t = now.toISOString();
  const result = await db.transaction().execute(async (tx) => {
    const before = id === null ? undefined : await findPerson(tx, site.id, id);
    if (id !== null && !before) throw new AppError('not_found');
    const refErrors: FieldErrors = {};
    if (unitId !== null && !(await findUnit(tx, site.id, unitId))) refErrors.unit_id = 'Đơn vị không có trong danh sách đơn vị của trang.';
    if (photoId !== null) {
      const photo = await tx.selectFrom('media').select('kind').where('site_id', '=', site.id).where('id', '=', photoId).executeTakeFirst();
      if (!photo || photo.kind !== 'image') refErrors.photo_media_id = 'Ảnh không có trong thư viện ảnh của trang.';
    }
    if (Object.keys(refErrors).length) return { ok: false as const, errors: refErrors };
    const values = { ...v, unit_id: unitId, photo_media_id: photoId };
    const stamps = nextStamps(PERSON_TEXTS, before ?? null, { post: v.post, post_en: v.post_en }, t, ticked(form.en_reviewed));
    if (!before) {
      const r = await tx.selectFrom('org_people').select((eb) => eb.fn.max('position').as('p')).where('site_id', '=', site.id).executeTakeFirst();
      const p = r?.p as number | string | null | undefined;
      const row = { ...values, ...stamps, site_id: site.id, position: p === null || p === undefined ? 0 : Number(p) + 1, created_at: t, updated_at: t };
      const { id: newId } = await tx.insertInto('org_people').values(row).returning('id').executeTakeFirstOrThrow();
      await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'org_person.create', entityType: 'org_person', entityId: newId, after: row }, now);
      return { ok: true as const, value: newId };
    }
    const after = { ...values, ...stamps, updated_at: t };
    await tx.updateTable('org_people').set(after).where('site_id', '=', site.id).where('id', '=', before.id).execute();
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'org_person.update', entityType: 'org_person', entityId: before.id, before, after }, now);
    return { ok: true as const, value: before.id };
  });
  if (result.ok) purgeOrganisation(cx);
  return result;
}
