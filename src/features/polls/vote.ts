import type { Db, Dialect } from '../../kernel/db/connection.js';
import { parseChoices } from './repo.js';
import { pollState } from './results.js';
import type { PollOptionRow, PollRow } from '../../kernel/db/tables/polls.js';
import { isId } from '../../kernel/lib/ids.js';

/**
 * A poll vote: one row per voter in the vote log, and the counters on the options and the poll,
 * changed together in one transaction. Counters only move by increments evaluated under the row
 * lock, and rows are always locked in the same order (options by id, then the poll), so any
 * number of simultaneous votes add up exactly and never deadlock. One vote per voter cookie; unlike
 * an article's rating, a new vote needs the cookie (issue 16): without one, today's salted hash of
 * address and browser can only change the vote it already gave.
 */
export interface PollVote {
  siteId: number;
  pollId: number;
  /** Chosen option ids (already checked against the poll). */
  choices: number[];
  voter: string;
  visitor: string;
  /**
   * 'voter': the vote of this cookie, new or changed. 'visitor' (no cookie): only a change of the
   * vote this browser gave today from this address; a new voter needs a cookie (routes.tsx).
   */
  matchBy: 'voter' | 'visitor';
  now: Date;
}

export const CHOOSE_ONE = 'Vui lòng chọn một phương án rồi bấm Bình chọn.';
export const CHOOSE_SOME = 'Vui lòng chọn ít nhất một phương án rồi bấm Bình chọn.';
export const NOT_OPEN = 'Cuộc thăm dò ý kiến này chưa bắt đầu, chưa thể bình chọn.';
export const CLOSED = 'Cuộc thăm dò ý kiến này đã kết thúc, không nhận thêm bình chọn.';
export const BAD_OPTION = 'Phương án bạn chọn không có trong cuộc thăm dò này.';
export const tooMany = (max: number) => `Chỉ được chọn tối đa ${max} phương án.`;

/** The chosen ids from the form, or the Vietnamese reason they cannot be counted. */
export function checkChoices(poll: PollRow, options: PollOptionRow[], raw: string[], now: Date): { ok: true; choices: number[] } | { ok: false; message: string; status: number } {
  const state = pollState(poll, now);
  if (state === 'upcoming') return { ok: false, message: NOT_OPEN, status: 409 };
  if (state === 'closed') return { ok: false, message: CLOSED, status: 409 };
  if (state !== 'open') return { ok: false, message: BAD_OPTION, status: 404 };
  if (raw.length > 20 || raw.some((v) => !isId(v))) return { ok: false, message: BAD_OPTION, status: 400 };
  const ids = [...new Set(raw.map(Number))].sort((a, b) => a - b);
  if (ids.length === 0) return { ok: false, message: poll.multiple ? CHOOSE_SOME : CHOOSE_ONE, status: 400 };
  const known = new Set(options.map((o) => o.id));
  if (ids.some((id) => !known.has(id))) return { ok: false, message: BAD_OPTION, status: 400 };
  if (!poll.multiple && ids.length > 1) return { ok: false, message: CHOOSE_ONE, status: 400 };
  if (poll.multiple && poll.max_choices > 0 && ids.length > poll.max_choices) return { ok: false, message: tooMany(poll.max_choices), status: 400 };
  return { ok: true, choices: ids };
}

/** True when the vote was counted or changed; false for a cookie-less visitor who has not voted today. */
export async function castPollVote(db: Db, dialect: Dialect, v: PollVote): Promise<boolean> {
  const at = v.now.toISOString();
  const choices = v.choices.join(',');
  return db.transaction().execute(async (tx) => {
    const find = (by: 'voter' | 'visitor', key: string) =>
      tx
        .selectFrom('poll_votes')
        .select(['voter', 'choices'])
        .where('site_id', '=', v.siteId)
        .where('poll_id', '=', v.pollId)
        .where(by, '=', key)
        .limit(1)
        .$if(dialect === 'postgres', (q) => q.forUpdate())
        .executeTakeFirst();

    let previous = await find(v.matchBy, v.matchBy === 'voter' ? v.voter : v.visitor);
    if (!previous && v.matchBy === 'visitor') return false;
    if (!previous) {
      const inserted = await tx
        .insertInto('poll_votes')
        .values({ poll_id: v.pollId, site_id: v.siteId, voter: v.voter, visitor: v.visitor, choices, created_at: at, updated_at: at })
        .onConflict((oc) => oc.columns(['poll_id', 'voter']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) {
        await bump(tx, v.siteId, v.pollId, new Map(v.choices.map((id) => [id, 1])), 1);
        return true;
      }
      // The same cookie voted at the same instant: the other vote won the row, this one changes it.
      previous = await find('voter', v.voter);
      if (!previous) throw new Error('poll vote row vanished');
    }
    await tx
      .updateTable('poll_votes')
      .set({ choices, voter: v.voter, updated_at: at })
      .where('site_id', '=', v.siteId)
      .where('poll_id', '=', v.pollId)
      .where('voter', '=', previous.voter)
      .execute();
    const delta = new Map<number, number>();
    for (const id of parseChoices(previous.choices)) delta.set(id, (delta.get(id) ?? 0) - 1);
    for (const id of v.choices) delta.set(id, (delta.get(id) ?? 0) + 1);
    await bump(tx, v.siteId, v.pollId, delta, 0);
    return true;
  });
}

async function bump(tx: Db, siteId: number, pollId: number, delta: Map<number, number>, voters: number): Promise<void> {
  for (const [id, d] of [...delta].sort((a, b) => a[0] - b[0])) {
    if (d === 0) continue;
    await tx
      .updateTable('poll_options')
      .set((eb) => ({ votes: eb('votes', '+', d) }))
      .where('site_id', '=', siteId)
      .where('id', '=', id)
      .where('poll_id', '=', pollId)
      .execute();
  }
  if (voters) {
    await tx
      .updateTable('polls')
      .set((eb) => ({ total_votes: eb('total_votes', '+', voters) }))
      .where('site_id', '=', siteId)
      .where('id', '=', pollId)
      .execute();
  }
}
