import type { Db } from '../../kernel/db/connection.js';
import type { PollWithOptions } from './results.js';
import type { PollOptionRow, PollRow } from '../../kernel/db/tables/polls.js';

/** Poll queries; every one is scoped by the site. */

export async function findPoll(db: Db, siteId: number, id: number): Promise<PollRow | undefined> {
  return db.selectFrom('polls').selectAll().where('site_id', '=', siteId).where('id', '=', id).executeTakeFirst();
}

export async function optionsOf(db: Db, siteId: number, pollId: number): Promise<PollOptionRow[]> {
  return db.selectFrom('poll_options').selectAll().where('site_id', '=', siteId).where('poll_id', '=', pollId).orderBy('position').orderBy('id').execute();
}

export async function loadPoll(db: Db, siteId: number, id: number): Promise<PollWithOptions | null> {
  const poll = await findPoll(db, siteId, id);
  return poll ? { poll, options: await optionsOf(db, siteId, id) } : null;
}

/** A published poll (open, upcoming or closed) with its options; null for drafts and other sites'. */
export async function loadPublicPoll(db: Db, siteId: number, id: number): Promise<PollWithOptions | null> {
  const p = await loadPoll(db, siteId, id);
  return p && p.poll.published ? p : null;
}

/** Published polls, newest opening first. */
export async function listPublicPolls(db: Db, siteId: number, limit = 200): Promise<PollRow[]> {
  return db.selectFrom('polls').selectAll().where('site_id', '=', siteId).where('published', '=', 1).orderBy('opens_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** Every poll of the site for the back office, newest first. */
export async function listAllPolls(db: Db, siteId: number): Promise<PollRow[]> {
  return db.selectFrom('polls').selectAll().where('site_id', '=', siteId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(500).execute();
}

/** The option ids this voter chose (by cookie, or by today's visitor hash without one). */
export async function choicesOf(db: Db, siteId: number, pollId: number, voter: string | null, visitor: string | null): Promise<number[] | null> {
  const by = voter ? (['voter', voter] as const) : visitor ? (['visitor', visitor] as const) : null;
  if (!by) return null;
  const r = await db.selectFrom('poll_votes').select('choices').where('site_id', '=', siteId).where('poll_id', '=', pollId).where(by[0], '=', by[1]).limit(1).executeTakeFirst();
  return r ? parseChoices(r.choices) : null;
}

export function parseChoices(s: string): number[] {
  return s ? s.split(',').map(Number) : [];
}
