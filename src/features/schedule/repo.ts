import type { Db } from '../../kernel/db/connection.js';
import type { ScheduleEntryRow } from '../../kernel/db/tables/schedule.js';

/** Entries of a site between two local days (inclusive), in time order; published ones only unless asked. */
export function listEntries(db: Db, siteId: number, from: string, to: string, opts: { drafts?: boolean } = {}): Promise<ScheduleEntryRow[]> {
  let q = db.selectFrom('schedule_entries').selectAll().where('site_id', '=', siteId).where('day', '>=', from).where('day', '<=', to);
  if (!opts.drafts) q = q.where('published', '=', 1);
  return q.orderBy('day').orderBy('start_time').orderBy('id').execute();
}

/**
 * Published entries in time order after `after` (keyset paging for the open data API), between
 * two local days when given.
 */
export function listEntriesAfter(db: Db, siteId: number, o: { from?: string; to?: string; after?: { day: string; startTime: string; id: number } | null; limit: number }): Promise<ScheduleEntryRow[]> {
  let q = db.selectFrom('schedule_entries').selectAll().where('site_id', '=', siteId).where('published', '=', 1);
  if (o.from) q = q.where('day', '>=', o.from);
  if (o.to) q = q.where('day', '<=', o.to);
  const a = o.after;
  if (a) {
    q = q.where((eb) =>
      eb.or([
        eb('day', '>', a.day),
        eb.and([eb('day', '=', a.day), eb('start_time', '>', a.startTime)]),
        eb.and([eb('day', '=', a.day), eb('start_time', '=', a.startTime), eb('id', '>', a.id)]),
      ]),
    );
  }
  return q.orderBy('day').orderBy('start_time').orderBy('id').limit(o.limit).execute();
}

export function findEntry(db: Db, siteId: number, id: number): Promise<ScheduleEntryRow | undefined> {
  return db.selectFrom('schedule_entries').selectAll().where('site_id', '=', siteId).where('id', '=', id).executeTakeFirst();
}

/** The newest change among published entries, for Last-Modified and the sitemap. */
export async function lastScheduleChange(db: Db, siteId: number): Promise<string | null> {
  const r = await db
    .selectFrom('schedule_entries')
    .select((eb) => eb.fn.max('updated_at').as('t'))
    .where('site_id', '=', siteId)
    .where('published', '=', 1)
    .executeTakeFirst();
  return (r?.t as string | null | undefined) ?? null;
}
