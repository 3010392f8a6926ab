import type { Db } from '../../kernel/db/connection.js';
import { searchFold } from '../../kernel/lib/text.js';
import { PROCEDURE_FIELDS } from './fields.js';
import type { ProcedureRow } from '../../kernel/db/tables/procedures.js';

const fieldRank = (f: string) => {
  const i = (PROCEDURE_FIELDS as readonly string[]).indexOf(f);
  return i === -1 ? PROCEDURE_FIELDS.length : i;
};

/** In the order of the public list: by lĩnh vực (fixed order), then position. */
export function sortProcedures(rows: ProcedureRow[]): ProcedureRow[] {
  return [...rows].sort((a, b) => fieldRank(a.field) - fieldRank(b.field) || a.position - b.position || a.id - b.id);
}

/** Folded words of a search; letters and digits only, so they are safe inside LIKE. */
export function searchTerms(text: string): string[] {
  return [...new Set(searchFold(text).split(' ').filter(Boolean))].slice(0, 12);
}

export async function listProcedures(db: Db, siteId: number, opts: { field?: string; terms?: string[]; drafts?: boolean; limit?: number } = {}): Promise<ProcedureRow[]> {
  let q = db.selectFrom('procedures').selectAll().where('site_id', '=', siteId);
  if (!opts.drafts) q = q.where('published', '=', 1);
  if (opts.field) q = q.where('field', '=', opts.field);
  for (const t of opts.terms ?? []) q = q.where('search_text', 'like', `%${t}%`);
  const rows = sortProcedures(await q.execute());
  return opts.limit ? rows.slice(0, opts.limit) : rows;
}

export function findProcedure(db: Db, siteId: number, id: number): Promise<ProcedureRow | undefined> {
  return db.selectFrom('procedures').selectAll().where('site_id', '=', siteId).where('id', '=', id).executeTakeFirst();
}
