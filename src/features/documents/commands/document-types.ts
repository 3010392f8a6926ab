import { writeAudit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { cleanLine, searchFold } from '../../../kernel/lib/text.js';
import { searchFoldOf } from '../input.js';
import { assertManager, documentSlug, purgeLibrary, type CommandContext, type CommandResult } from './context.js';

/** The site's list of document types (Nghị quyết, Quyết định…): add, rename, delete when unused. */

const NAME_MAX = 100;

function checkName(raw: string): { value: string; error?: string } {
  const value = cleanLine(raw);
  if (!value) return { value, error: 'Vui lòng nhập tên loại văn bản.' };
  if (value.length > NAME_MAX) return { value, error: `Tên loại văn bản dài tối đa ${NAME_MAX} ký tự.` };
  return { value };
}

async function nameTaken(cx: CommandContext, name: string, exceptId: number | null): Promise<boolean> {
  const rows = await cx.db.selectFrom('document_types').select(['id', 'name']).where('site_id', '=', cx.site.id).execute();
  return rows.some((r) => r.id !== exceptId && searchFold(r.name) === searchFold(name));
}

export async function addDocumentType(cx: CommandContext, rawName: string): Promise<CommandResult> {
  assertManager(cx);
  const { db, site, actor, now } = cx;
  const name = checkName(rawName);
  if (name.error) return { ok: false, errors: { name: name.error } };
  if (await nameTaken(cx, name.value, null)) return { ok: false, errors: { name: `Loại văn bản "${name.value}" đã có trong danh sách.` } };
  const id = await db.transaction().execute(async (tx) => {
    const last = await tx.selectFrom('document_types').select((eb) => eb.fn.max('position').as('p')).where('site_id', '=', site.id).executeTakeFirst();
    const position = Number(last?.p ?? -1) + 1;
    const { id } = await tx.insertInto('document_types').values({ site_id: site.id, name: name.value, position, created_at: now.toISOString() }).returning('id').executeTakeFirstOrThrow();
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'document_type.create', entityType: 'document_type', entityId: id, after: { name: name.value } }, now);
    return id;
  });
  purgeLibrary(cx); // the public list offers the types as a filter
  return { ok: true, value: id };
}

/** Renames a type; its documents' slugs and search text follow. */
export async function renameDocumentType(cx: CommandContext, id: number, rawName: string): Promise<CommandResult> {
  assertManager(cx);
  const { db, site, actor, now } = cx;
  const name = checkName(rawName);
  if (name.error) return { ok: false, errors: { name: name.error } };
  if (await nameTaken(cx, name.value, id)) return { ok: false, errors: { name: `Loại văn bản "${name.value}" đã có trong danh sách.` } };
  await db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('document_types').selectAll().where('site_id', '=', site.id).where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    await tx.updateTable('document_types').set({ name: name.value }).where('site_id', '=', site.id).where('id', '=', id).execute();
    const docs = await tx.selectFrom('documents').select(['id', 'number', 'title', 'issuer', 'signer', 'field']).where('site_id', '=', site.id).where('type_id', '=', id).execute();
    for (const d of docs) {
      await tx.updateTable('documents').set({ slug: documentSlug(name.value, d.number, d.title), search_fold: searchFoldOf(d, name.value) }).where('site_id', '=', site.id).where('id', '=', d.id).execute();
    }
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'document_type.rename', entityType: 'document_type', entityId: id, before: { name: before.name }, after: { name: name.value } }, now);
  });
  purgeLibrary(cx);
  return { ok: true, value: id };
}

export const TYPE_IN_USE = (name: string, n: number) => `Không thể xoá loại "${name}": còn ${n} văn bản thuộc loại này. Hãy đổi loại của các văn bản đó trước.`;

export async function deleteDocumentType(cx: CommandContext, id: number): Promise<CommandResult> {
  assertManager(cx);
  const { db, site, actor, now } = cx;
  const result = await db.transaction().execute(async (tx): Promise<CommandResult> => {
    const before = await tx.selectFrom('document_types').selectAll().where('site_id', '=', site.id).where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    const used = await tx.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('n')).where('site_id', '=', site.id).where('type_id', '=', id).executeTakeFirstOrThrow();
    if (Number(used.n) > 0) return { ok: false, errors: { _form: TYPE_IN_USE(before.name, Number(used.n)) } };
    await tx.deleteFrom('document_types').where('site_id', '=', site.id).where('id', '=', id).execute();
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'document_type.delete', entityType: 'document_type', entityId: id, before: { name: before.name } }, now);
    return { ok: true, value: id };
  });
  if (result.ok) purgeLibrary(cx);
  return result;
}

/** The types a new site starts with. */
export const DEFAULT_TYPES = ['Nghị quyết', 'Quyết định', 'Chỉ thị', 'Kế hoạch', 'Công văn', 'Thông báo', 'Báo cáo', 'Hướng dẫn', 'Tờ trình'];

/** Gives a site without types the usual list (a site created after the demo starts empty). */
export async function addDefaultDocumentTypes(cx: CommandContext): Promise<CommandResult> {
  assertManager(cx);
  const { db, site, actor, now } = cx;
  const added = await db.transaction().execute(async (tx) => {
    const existing = await tx.selectFrom('document_types').select(['name', 'position']).where('site_id', '=', site.id).execute();
    const have = new Set(existing.map((t) => searchFold(t.name)));
    let position = existing.reduce((p, t) => Math.max(p, t.position), -1) + 1;
    const names = DEFAULT_TYPES.filter((n) => !have.has(searchFold(n)));
    for (const name of names) await tx.insertInto('document_types').values({ site_id: site.id, name, position: position++, created_at: now.toISOString() }).execute();
    if (names.length) await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'document_type.create', entityType: 'document_type', after: { names } }, now);
    return names.length;
  });
  if (added) purgeLibrary(cx);
  return { ok: true, value: added };
}
