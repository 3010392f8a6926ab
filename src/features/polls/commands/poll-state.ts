import { writeAudit } from '../../../kernel/audit.js';
import type { CommandContext } from '../../../kernel/commands.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { pollState } from '../results.js';
import { assertManagePolls } from './save-poll.js';

/**
 * Opening a poll now (publishes it, moves its start to now if later, clears a past end) and
 * closing it now (its end becomes now). Both keep every vote.
 */
export async function setPollOpen(cx: CommandContext, id: number, open: boolean): Promise<void> {
  assertManagePolls(cx);
  const { db, site, actor, now } = cx;
  const at = now.toISOString();
  await db.transaction().execute(async (tx) => {
    const p = await tx.selectFrom('polls').selectAll().where('site_id', '=', site.id).where('id', '=', id).executeTakeFirst();
    if (!p) throw new AppError('not_found');
    const before = { published: p.published, opens_at: p.opens_at, closes_at: p.closes_at };
    let after: typeof before;
    if (open) {
      if (pollState(p, now) === 'open') return;
      after = { published: 1, opens_at: p.opens_at > at ? at : p.opens_at, closes_at: p.closes_at !== null && p.closes_at <= at ? null : p.closes_at };
    } else {
      if (pollState(p, now) === 'closed') return;
      after = { published: p.published, opens_at: p.opens_at > at ? at : p.opens_at, closes_at: at };
    }
    await tx.updateTable('polls').set({ ...after, updated_at: at }).where('site_id', '=', site.id).where('id', '=', id).execute();
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: open ? 'poll.open' : 'poll.close', entityType: 'poll', entityId: id, before, after }, now);
  });
  cx.cache.purgeSite(site.id);
}

/** Deletes a poll with its options and votes. */
export async function deletePoll(cx: CommandContext, id: number): Promise<void> {
  assertManagePolls(cx);
  const { db, site, actor, now } = cx;
  await db.transaction().execute(async (tx) => {
    const p = await tx.selectFrom('polls').selectAll().where('site_id', '=', site.id).where('id', '=', id).executeTakeFirst();
    if (!p) throw new AppError('not_found');
    const options = await tx.selectFrom('poll_options').select(['label', 'votes']).where('site_id', '=', site.id).where('poll_id', '=', id).orderBy('position').execute();
    await tx.deleteFrom('poll_votes').where('site_id', '=', site.id).where('poll_id', '=', id).execute();
    await tx.deleteFrom('poll_options').where('site_id', '=', site.id).where('poll_id', '=', id).execute();
    await tx.deleteFrom('polls').where('site_id', '=', site.id).where('id', '=', id).execute();
    await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'poll.delete', entityType: 'poll', entityId: id, before: { ...p, options } }, now);
  });
  cx.cache.purgeSite(site.id);
}
