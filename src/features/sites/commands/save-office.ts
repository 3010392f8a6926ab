import { writeAudit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { urls } from '../../../kernel/http/urls.js';
import { latitudeError, longitudeError, parseDegree } from '../map-input.js';
import { nextPosition } from '../../../kernel/db/ordering.js';
import { fail, line, phone as phoneRule, type FieldErrors } from '../../../kernel/forms.js';
import { assertSiteAdmin, type CommandContext, type CommandResult } from './context.js';

export interface OfficeForm {
  name: string;
  address: string;
  phone: string;
  lat: string;
  lng: string;
}

export const EMPTY_OFFICE: OfficeForm = { name: '', address: '', phone: '', lat: '', lng: '' };

/** Adds a marker (an office on the map) at the end of the list, or edits one. */
export async function saveOffice(cx: CommandContext, id: number | null, form: OfficeForm): Promise<CommandResult> {
  assertSiteAdmin(cx);
  const { db, site, actor, now } = cx;
  const errors: FieldErrors = {};
  const name = line(form.name, { label: 'tên cơ quan', max: 200 });
  const address = line(form.address, { label: 'địa chỉ', max: 300, optional: true });
  if (name.error) errors.name = name.error;
  if (address.error) errors.address = address.error;
  const phone = phoneRule(form.phone, { example: '0239 3831 248', optional: true });
  if (phone.error) errors.phone = phone.error;
  const lat = latitudeError(form.lat);
  if (lat) errors.lat = lat;
  const lng = longitudeError(form.lng);
  if (lng) errors.lng = lng;
  if (Object.keys(errors).length) return fail(errors);
  const values = { name: name.value, address: address.value, phone: phone.value, lat: parseDegree(form.lat)!, lng: parseDegree(form.lng)! };

  const savedId = await db.transaction().execute(async (tx) => {
    if (id === null) {
      const position = await nextPosition(tx, 'map_offices', site.id);
      const { id: newId } = await tx.insertInto('map_offices').values({ ...values, site_id: site.id, position }).returning('id').executeTakeFirstOrThrow();
      await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'map_office.create', entityType: 'map_office', entityId: newId, after: values }, now);
      return newId;
    }
    const before = await tx.selectFrom('map_offices').selectAll().where('site_id', '=', site.id).where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    await tx.updateTable('map_offices').set(values).where('site_id', '=', site.id).where('id', '=', id).execute();
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'map_office.update', entityType: 'map_office', entityId: id, before, after: values }, now);
    return id;
  });
  // Markers show on the map page and its static image only.
  cx.cache.purgePaths(site.id, [urls.map(), urls.staticMap()]);
  return { ok: true, value: savedId };
}
