import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../kernel/db/connection.js';
import type { OldAddressRow } from '../../kernel/db/tables/moves.js';

/** A `like` pattern that finds `text` anywhere, its own % and _ taken literally ("page_id"). */
function containing(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

/** `lower(column) like pattern`: SQLite's lower() folds ASCII only, which the stored keys already are. */
const like = (column: string, pattern: string): Expression<SqlBool> => sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '!'`;

export interface OldAddressFilter {
  /** Part of the old address, host or target, as typed (matched without regard to case). */
  text: string;
  /** Keyset cursor: rows with an id below this one. */
  beforeId?: number;
  limit: number;
}

/**
 * A site's old addresses, newest first: those it answers (it owns them) and those of other sites
 * that lead into it (read-only here). The filter looks at the normalised address (lowercase,
 * decoded, so "lễ hội" finds "/L%E1%BB%85-h%E1%BB%99i"), the address as given, the host and the
 * target.
 */
export async function listOldAddresses(db: Db, siteId: number, f: OldAddressFilter): Promise<OldAddressRow[]> {
  let q = db
    .selectFrom('old_addresses')
    .selectAll()
    .where((eb) => eb.or([eb('owner_site_id', '=', siteId), eb('to_site_id', '=', siteId)]));
  const text = f.text.normalize('NFC').toLowerCase().trim();
  if (text) {
    const p = containing(text);
    q = q.where((eb) => eb.or([like('from_key', p), like('from_url', p), like('host', p), like('to_path', p)]));
  }
  if (f.beforeId) q = q.where('id', '<', f.beforeId);
  return q.orderBy('id', 'desc').limit(f.limit).execute();
}

/** One of the site's own old addresses (one it answers), or undefined. */
export async function findOwnedOldAddress(db: Db, siteId: number, id: number): Promise<OldAddressRow | undefined> {
  return db.selectFrom('old_addresses').selectAll().where('owner_site_id', '=', siteId).where('id', '=', id).executeTakeFirst();
}

/** The site's own address changes (a category or page given a new slug), newest first; read-only. */
export async function listSlugMoves(db: Db, siteId: number, text: string, limit: number): Promise<{ from_path: string; to_path: string; created_at: string }[]> {
  let q = db.selectFrom('redirects').select(['from_path', 'to_path', 'created_at']).where('site_id', '=', siteId);
  const t = text.normalize('NFC').toLowerCase().trim();
  if (t) q = q.where((eb) => eb.or([like('from_path', containing(t)), like('to_path', containing(t))]));
  return q.orderBy('created_at', 'desc').orderBy('from_path').limit(limit).execute();
}

/** The hostnames configured for the site (its old hosts among them, after a merge). */
export async function listSiteHosts(db: Db, siteId: number): Promise<string[]> {
  const rows = await db.selectFrom('site_hosts').select('host').where('site_id', '=', siteId).orderBy('host').execute();
  return rows.map((r) => r.host);
}
