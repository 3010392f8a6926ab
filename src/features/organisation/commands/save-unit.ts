import { writeAudit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { nextStamps, UNIT_TEXTS } from '../english.js';
import { email, fail, id as idRule, line, phone, take, text, type FieldErrors } from '../../../kernel/forms.js';
import { OFFICE_EMAIL, OFFICE_PHONE } from '../input.js';
import { findUnit } from '../repo.js';
import { assertCanManage, purgeOrganisation, ticked, type CommandContext, type CommandResult } from './shared.js';

export interface UnitForm {
  name: string;
  name_en: string;
  /** Id of the parent unit; empty for a unit directly under the agency. */
  parent_id: string;
  duties: string;
  duties_en: string;
  phone: string;
  email: string;
  en_reviewed: string;
}

export const EMPTY_UNIT: UnitForm = { name: '', name_en: '', parent_id: '', duties: '', duties_en: '', phone: '', email: '', en_reviewed: '' };

/** How deep the chart may go: agency › unit › sub-unit › team is already a lot for a ward. */
export const MAX_DEPTH = 4;

/** Adds a unit at the end of its parent's list, or edits one (moving it under another parent). */
export async function saveUnit(cx: CommandContext, id: number | null, form: UnitForm): Promise<CommandResult> {
  assertCanManage(cx);
  const { db, site, actor, now } = cx;
  const errors: FieldErrors = {};
  const v = {
    name: take(errors, 'name', line(form.name, { label: 'tên đơn vị', max: 200 })),
    name_en: take(errors, 'name_en', line(form.name_en, { label: 'tên đơn vị bằng tiếng Anh', max: 200, optional: true })),
    duties: take(errors, 'duties', text(form.duties, { label: 'chức năng, nhiệm vụ', max: 3000, optional: true })),
    duties_en: take(errors, 'duties_en', text(form.duties_en, { label: 'chức năng, nhiệm vụ bằng tiếng Anh', max: 3000, optional: true })),
    phone: take(errors, 'phone', phone(form.phone, { example: OFFICE_PHONE, optional: true })),
    email: take(errors, 'email', email(form.email, { label: 'địa chỉ thư điện tử', example: OFFICE_EMAIL, optional: true })),
  };
  const parent = take(errors, 'parent_id', idRule(form.parent_id, { label: 'đơn vị cấp trên', optional: true }));
  if (Object.keys(errors).length) return fail(errors);

  const t = now.toISOString();
  const result = await db.transaction().execute(async (tx) => {
    const before = id === null ? undefined : await findUnit(tx, site.id, id);
    if (id !== null && !before) throw new AppError('not_found');
    if (parent !== null) {
      // The parent must be one of this site's units, not the unit itself nor one below it.
      const all = await tx.selectFrom('org_units').select(['id', 'parent_id']).where('site_id', '=', site.id).execute();
      const parentOf = new Map(all.map((u) => [u.id, u.parent_id]));
      if (!parentOf.has(parent)) return { ok: false as const, errors: { parent_id: 'Đơn vị cấp trên không có trong danh sách đơn vị của trang.' } };
      let depth = 1;
      for (let p: number | null = parent; p !== null; p = parentOf.get(p) ?? null) {
        if (p === id) return { ok: false as const, errors: { parent_id: 'Không thể đặt đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.' } };
        depth++;
        if (depth > MAX_DEPTH + 1) break;
      }
      if (depth > MAX_DEPTH) return { ok: false as const, errors: { parent_id: `Sơ đồ tổ chức có tối đa ${MAX_DEPTH} cấp đơn vị.` } };
    }
    const stamps = nextStamps(UNIT_TEXTS, before ?? null, v, t, ticked(form.en_reviewed));
    if (!before) {
      const position = await nextSibling(tx, site.id, parent);
      const values = { ...v, ...stamps, parent_id: parent, position, site_id: site.id, created_at: t, updated_at: t };
      const { id: newId } = await tx.insertInto('org_units').values(values).returning('id').executeTakeFirstOrThrow();
      await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'org_unit.create', entityType: 'org_unit', entityId: newId, after: values }, now);
      return { ok: true as const, value: newId };
    }
    const position = before.parent_id === parent ? before.position : await nextSibling(tx, site.id, parent);
    const after = { ...v, ...stamps, parent_id: parent, position, updated_at: t };
    await tx.updateTable('org_units').set(after).where('site_id', '=', site.id).where('id', '=', before.id).execute();
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'org_unit.update', entityType: 'org_unit', entityId: before.id, before, after }, now);
    return { ok: true as const, value: before.id };
  });
  if (result.ok) purgeOrganisation(cx);
  return result;
}

async function nextSibling(tx: CommandContext['db'], siteId: number, parentId: number | null): Promise<number> {
  let q = tx.selectFrom('org_units').select((eb) => eb.fn.max('position').as('p')).where('site_id', '=', siteId);
  q = parentId === null ? q.where('parent_id', 'is', null) : q.where('parent_id', '=', parentId);
  const p = (await q.executeTakeFirst())?.p as number | string | null | undefined;
  return p === null || p === undefined ? 0 : Number(p) + 1;
}
