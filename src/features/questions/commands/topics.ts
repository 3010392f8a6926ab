import { writeAudit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { slugify } from '../../../kernel/lib/text.js';
import { fail, line } from '../../../kernel/forms.js';
import { assertConfigure, purgeSection, type CommandContext, type CommandResult } from './shared.js';

/** The site's topic list (chủ đề) of the question form and the public list. */
export async function saveTopic(cx: CommandContext, id: number | null, rawName: string): Promise<CommandResult> {
  assertConfigure(cx);
  const name = line(rawName, { label: 'tên chủ đề', max: 100 });
  if (name.error) return fail({ ten: name.error });
  const slug = slugify(name.value, 60) || 'chu-de';
  const clash = await cx.db.selectFrom('question_topics').select('id').where('site_id', '=', cx.site.id).where('slug', '=', slug).executeTakeFirst();
  if (clash && clash.id !== id) return fail({ ten: 'Đã có chủ đề trùng tên này.' });
  const savedId = await cx.db.transaction().execute(async (tx) => {
    if (id === null) {
      const last = await tx.selectFrom('question_topics').select((eb) => eb.fn.max('position').as('p')).where('site_id', '=', cx.site.id).executeTakeFirst();
      const position = Number(last?.p ?? 0) + 1;
      const { id: newId } = await tx.insertInto('question_topics').values({ site_id: cx.site.id, name: name.value, slug, position }).returning('id').executeTakeFirstOrThrow();
      await writeAudit(tx, { siteId: cx.site.id, userId: cx.actor.userId, action: 'question_topic.create', entityType: 'question_topic', entityId: newId, after: { name: name.value, slug } }, cx.now);
      return newId;
    }
    const before = await tx.selectFrom('question_topics').selectAll().where('site_id', '=', cx.site.id).where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    await tx.updateTable('question_topics').set({ name: name.value, slug }).where('site_id', '=', cx.site.id).where('id', '=', id).execute();
    await writeAudit(tx, { siteId: cx.site.id, userId: cx.actor.userId, action: 'question_topic.update', entityType: 'question_topic', entityId: id, before: { name: before.name, slug: before.slug }, after: { name: name.value, slug } }, cx.now);
    return id;
  });
  purgeSection(cx);
  return { ok: true, value: savedId };
}

/** Deletes a topic; its questions keep their place in the list without a topic. */
export async function deleteTopic(cx: CommandContext, id: number): Promise<void> {
  assertConfigure(cx);
  await cx.db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('question_topics').selectAll().where('site_id', '=', cx.site.id).where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    await tx.updateTable('questions').set({ topic_id: null }).where('site_id', '=', cx.site.id).where('topic_id', '=', id).execute();
    await tx.deleteFrom('question_topics').where('site_id', '=', cx.site.id).where('id', '=', id).execute();
    await writeAudit(tx, { siteId: cx.site.id, userId: cx.actor.userId, action: 'question_topic.delete', entityType: 'question_topic', entityId: id, before: { name: before.name, slug: before.slug } }, cx.now);
  });
  purgeSection(cx);
}

/** Days after which an open question shows as overdue (default 15, the legal limit). */
export async function saveOverdueDays(cx: CommandContext, raw: string): Promise<CommandResult> {
  assertConfigure(cx);
  const s = raw.trim();
  const days = /^\d{1,3}$/.test(s) ? Number(s) : NaN;
  if (!(days >= 1 && days <= 365)) return fail({ so_ngay: 'Số ngày phải là số nguyên từ 1 đến 365.' });
  await cx.db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('question_settings').select('overdue_days').where('site_id', '=', cx.site.id).executeTakeFirst();
    await tx
      .insertInto('question_settings')
      .values({ site_id: cx.site.id, overdue_days: days })
      .onConflict((oc) => oc.column('site_id').doUpdateSet({ overdue_days: days }))
      .execute();
    await writeAudit(tx, { siteId: cx.site.id, userId: cx.actor.userId, action: 'question.settings', entityType: 'question_settings', entityId: cx.site.id, before: before ?? null, after: { overdue_days: days } }, cx.now);
  });
  return { ok: true, value: days };
}
