import { writeAudit } from '../../../kernel/audit.js';
import type { CommandContext, CommandResult } from '../../../kernel/commands.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { formatNumber } from '../../../kernel/lib/format.js';
import { pollPolicy } from '../policy.js';
import { validatePoll, type PollForm } from './poll-input.js';

export const KIND_LOCKED = 'Đã có người bình chọn nên không thể đổi kiểu (một lựa chọn / nhiều lựa chọn).';
export const optionLocked = (label: string, votes: number) =>
  `Phương án “${label}” đã có ${formatNumber(votes)} lượt bình chọn nên không thể xoá (có thể sửa lời).`;

export function assertManagePolls(cx: CommandContext): void {
  if (!pollPolicy.manage(cx.actor, cx.site.id)) throw new AppError('forbidden');
}

/** Creates a poll (id null) or edits one: question, options, kind, period, results setting. */
export async function savePoll(cx: CommandContext, id: number | null, form: PollForm): Promise<CommandResult> {
  assertManagePolls(cx);
  const { db, site, actor, now } = cx;
  const { value, errors } = validatePoll(form);
  if (Object.keys(errors).length) return { ok: false, errors };
  const at = now.toISOString();
  const poll = {
    question: value.question, multiple: value.multiple, max_choices: value.max_choices, opens_at: value.opens_at,
    closes_at: value.closes_at, results_visibility: value.results_visibility, published: value.published,
  };

  const result = await db.transaction().execute(async (tx): Promise<CommandResult> => {
    if (id === null) {
      const row = await tx.insertInto('polls').values({ ...poll, site_id: site.id, created_by: actor.userId, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
      await tx.insertInto('poll_options').values(value.added.map((label, i) => ({ poll_id: row.id, site_id: site.id, label, position: i }))).execute();
      await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'poll.create', entityType: 'poll', entityId: row.id, after: { ...poll, options: value.added } }, now);
      return { ok: true, value: row.id };
    }
    const before = await tx.selectFrom('polls').selectAll().where('site_id', '=', site.id).where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    const options = await tx.selectFrom('poll_options').selectAll().where('poll_id', '=', id).where('site_id', '=', site.id).orderBy('position').execute();
    const typed = new Map(value.existing.map((o) => [o.id, o.label]));
    const errs: Record<string, string> = {};
    if (Number(before.total_votes) > 0 && before.multiple !== value.multiple) errs.kieu = KIND_LOCKED;
    for (const o of options) {
      const label = typed.get(o.id);
      if (!label && Number(o.votes) > 0) errs[`pa_${o.id}`] = optionLocked(o.label, Number(o.votes));
    }
    if (Object.keys(errs).length) return { ok: false, errors: errs };

    await tx.updateTable('polls').set({ ...poll, updated_at: at }).where('site_id', '=', site.id).where('id', '=', id).execute();
    let position = 0;
    for (const o of options) {
      const label = typed.get(o.id);
      if (!label) {
        await tx.deleteFrom('poll_options').where('site_id', '=', site.id).where('id', '=', o.id).where('poll_id', '=', id).execute();
        continue;
      }
      await tx.updateTable('poll_options').set({ label, position: position++ }).where('site_id', '=', site.id).where('id', '=', o.id).where('poll_id', '=', id).execute();
    }
    if (value.added.length) {
      await tx.insertInto('poll_options').values(value.added.map((label) => ({ poll_id: id, site_id: site.id, label, position: position++ }))).execute();
    }
    await writeAudit(tx, {
      siteId: site.id, userId: actor.userId, action: 'poll.update', entityType: 'poll', entityId: id,
      before: { ...pick(before), options: options.map((o) => o.label) },
      after: { ...poll, options: [...options.filter((o) => typed.get(o.id)).map((o) => typed.get(o.id)), ...value.added] },
    }, now);
    return { ok: true, value: id };
  });
  // The whole site: the sidebar poll widget may show it on every page.
  if (result.ok) cx.cache.purgeSite(site.id);
  return result;
}

function pick(p: { question: string; multiple: number; max_choices: number; opens_at: string; closes_at: string | null; results_visibility: string; published: number }) {
  const { question, multiple, max_choices, opens_at, closes_at, results_visibility, published } = p;
  return { question, multiple, max_choices, opens_at, closes_at, results_visibility, published };
}
