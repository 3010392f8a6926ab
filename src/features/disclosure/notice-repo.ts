import type { Db } from '../../kernel/db/connection.js';
import type { DisclosureNoticeRow } from '../../kernel/db/tables/disclosure.js';
import type { NoticeKind } from './notice-kind.js';

/** A section's notices, newest day first; from a day on when given (a reception change that has passed no longer shows). */
export function listNotices(db: Db, siteId: number, kind: NoticeKind['kind'], opts: { fromDay?: string; limit?: number } = {}): Promise<DisclosureNoticeRow[]> {
  let q = db.selectFrom('disclosure_notices').selectAll().where('site_id', '=', siteId).where('kind', '=', kind);
  if (opts.fromDay) q = q.where('day', '>=', opts.fromDay);
  return q.orderBy('day', 'desc').orderBy('id', 'desc').limit(opts.limit ?? 500).execute();
}

export function findNotice(db: Db, siteId: number, kind: NoticeKind['kind'], id: number): Promise<DisclosureNoticeRow | undefined> {
  return db.selectFrom('disclosure_notices').selectAll().where('site_id', '=', siteId).where('kind', '=', kind).where('id', '=', id).executeTakeFirst();
}

/** The newest change of a section's notices, for the sitemap. */
export async function lastNoticeChange(db: Db, siteId: number, kind: NoticeKind['kind']): Promise<string | undefined> {
  const r = await db.selectFrom('disclosure_notices').select((eb) => eb.fn.max('updated_at').as('t')).where('site_id', '=', siteId).where('kind', '=', kind).executeTakeFirst();
  return (r?.t as string | null | undefined) ?? undefined;
}
