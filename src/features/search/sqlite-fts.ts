import { sql } from 'kysely';
import type { Db } from '../../kernel/db/connection.js';
import { FoldedTextEngine, type MatchSpec, type Scope } from './engine.js';

/**
 * SQLite: FTS5 tables (unicode61, remove_diacritics 2) over the folded text — search_fts over
 * title and body, search_titles over titles alone so that title tiers read short lists — with
 * the document's rank_key as rowid. Site and category are tokens of a `scope` column, so the
 * whole filter runs inside the full-text index, and "newest first" is a walk down the rowids
 * that stops at the limit.
 */
export class SqliteFtsEngine extends FoldedTextEngine {
  readonly dialect = 'sqlite' as const;

  protected async matchKeys(db: Db, scope: Scope, spec: MatchSpec, limit: number): Promise<number[]> {
    const table = spec.field === 'title' ? sql`search_titles` : sql`search_fts`;
    const { rows } = await sql<{ k: number }>`
      SELECT rowid AS k FROM ${table}
      WHERE ${table} MATCH ${ftsExpression(scope, spec)} AND rowid BETWEEN ${scope.lo} AND ${scope.hi}
      ORDER BY rowid DESC LIMIT ${limit}`.execute(db);
    return rows.map((r) => r.k);
  }
}

/**
 * The MATCH expression, built only from folded tokens (letters and digits), each quoted:
 * `{title_fold body_fold}: ("dan van kheo" AND "hong") AND {codes}: ("22nqtw") AND {scope}: "s1"`.
 */
export function ftsExpression(scope: Scope, spec: MatchSpec): string {
  const columns = spec.field === 'title' ? '{title_fold}' : '{title_fold body_fold}';
  const parts = [];
  if (spec.clauses.length) parts.push(`${columns}: (${spec.clauses.map(quote).join(' AND ')})`);
  if (spec.codes?.length) parts.push(`{codes}: (${spec.codes.map((c) => quote([c])).join(' AND ')})`);
  let expr = `${parts.join(' AND ')} AND {scope}: "s${Math.trunc(scope.siteId)}"`;
  if (scope.categoryIds?.length) expr += ` AND {scope}: (${scope.categoryIds.map((c) => `"c${Math.trunc(c)}"`).join(' OR ')})`;
  return expr;
}

function quote(tokens: string[]): string {
  return `"${tokens.map((t) => t.replace(/[^\p{L}\p{N}]/gu, '')).join(' ')}"`;
}
