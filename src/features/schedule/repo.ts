import type { Db } from '../../kernel/db/connection.js';
import type { ScheduleEntryRow } from '../../kernel/db/tables/schedule.js';

/** Entries of a site between two local days (inclusive), in time order; published ones only unless asked. */
export function listEntries(db: Db, siteId: number, from: string, to: string, opts: { drafts?: boolean } = {}): Promise<ScheduleEntryRow[]> {
  let q = db.selectFrom('schedule_entries').selectAll().where('site_id', '=', siteId).where('day', '>=', from).where('day', '<=', to);
  if (!opts.drafts) q = q.where('published', '=', 1);
  return q.orderBy('day').orderBy('start_time').orderBy('id').execute();
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
