import { writeAudit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { nextPosition } from '../../../kernel/db/ordering.js';
import { fail, line, type FieldErrors } from '../../../kernel/forms.js';
import { assertSiteAdmin, type CommandContext, type CommandResult } from './context.js';

export interface LinkForm {
  title: string;
  url: string;
}

export const EMPTY_LINK: LinkForm = { title: '', url: '' };

/** Only plain web addresses: the links drop-down sends citizens there. */
export function linkUrlError(raw: string): string | undefined {
  const s = raw.trim();
  if (!s) return 'Vui lòng nhập địa chỉ website.';
  if (s.length > 1000) return 'Địa chỉ website dài tối đa 1000 ký tự.';
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return 'Địa chỉ website không hợp lệ, ví dụ https://hatinh.gov.vn.';
  }
  if ((u.protocol !== 'https:' && u.protocol !== 'http:') || !/^https?:\/\//i.test(s)) return 'Địa chỉ website phải bắt đầu bằng https:// hoặc http://.';
  if (u.username || u.password || !u.hostname.includes('.') || /\s/.test(s)) return 'Địa chỉ website không hợp lệ, ví dụ https://hatinh.gov.vn.';
  return undefined;
}

/** Adds a link at the end of the links widget, or edits one. */
export async function saveLink(cx: CommandContext, id: number | null, form: LinkForm): Promise<CommandResult> {
  assertSiteAdmin(cx);
  const { db, site, actor, now } = cx;
  const errors: FieldErrors = {};
  const title = line(form.title, { label: 'tên website', max: 200 });
  if (title.error) errors.title = title.error;
  const urlError = linkUrlError(form.url);
  if (urlError) errors.url = urlError;
  if (Object.keys(errors).length) return fail(errors);
  const values = { title: title.value, url: new URL(form.url.trim()).href };

  const savedId = await db.transaction().execute(async (tx) => {
    if (id === null) {
      const position = await nextPosition(tx, 'links', site.id);
      const { id: newId } = await tx.insertInto('links').values({ ...values, site_id: site.id, position }).returning('id').executeTakeFirstOrThrow();
      await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'link.create', entityType: 'link', entityId: newId, after: values }, now);
      return newId;
    }
    const before = await tx.selectFrom('links').selectAll().where('site_id', '=', site.id).where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    await tx.updateTable('links').set(values).where('site_id', '=', site.id).where('id', '=', id).execute();
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'link.update', entityType: 'link', entityId: id, before: { title: before.title, url: before.url }, after: values }, now);
    return id;
  });
  cx.cache.purgeSite(site.id);
  return { ok: true, value: savedId };
}
