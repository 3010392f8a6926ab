import { sql } from 'kysely';
import type { Db } from '../../kernel/db/connection.js';
import { FoldedTextEngine, type MatchSpec, type Scope } from './engine.js';

/**
 * PostgreSQL: tsvectors of the folded text parsed with the 'simple' configuration (no stemming,
 * no stop words), in GIN indexes — `tsv` over title (weight A) and body (weight B), `title_tsv`
 * over the title alone for the title tiers. The weights keep a phrase from running across the
 * end of the title into the body, as FTS5's columns do.
 */
export class PostgresFtsEngine extends FoldedTextEngine {
  readonly dialect = 'postgres' as const;

  protected async matchKeys(db: Db, scope: Scope, spec: MatchSpec, limit: number): Promise<number[]> {
    const column = spec.field === 'title' ? sql`title_tsv` : sql`tsv`;
    // Phrases and weights need each row's tsvector: the plain words, which the GIN index answers
    // by itself, come first, so the planner does not walk rank_key checking every row instead.
    const words = spec.clauses.some((c) => c.length > 1) ? sql`AND ${column} @@ to_tsquery('simple', ${tsQuery({ clauses: spec.clauses.flat().map((t) => [t]), field: 'title' })})` : sql``;
    const { rows } = await sql<{ k: number }>`
      SELECT rank_key AS k FROM search_documents
      WHERE site_id = ${scope.siteId} AND rank_key BETWEEN ${scope.lo} AND ${scope.hi} ${words}
        AND ${column} @@ to_tsquery('simple', ${tsQuery(spec)})
        ${scope.categoryIds?.length ? sql`AND category_id IN (${sql.join(scope.categoryIds)})` : sql``}
      ORDER BY rank_key DESC LIMIT ${limit}`.execute(db);
    return rows.map((r) => Number(r.k));
  }
}

/**
 * The tsquery text, built only from folded tokens (letters and digits), each quoted:
 * `('dan':A <-> 'van':A | 'dan':B <-> 'van':B) & 'hong' & '22nqtw'`; for the title column,
 * without weights.
 */
export function tsQuery(spec: MatchSpec): string {
  const lexeme = (t: string, w: string) => `'${t.replace(/[^\p{L}\p{N}]/gu, '')}'${w}`;
  const phrase = (tokens: string[], w: string) => tokens.map((t) => lexeme(t, w)).join(' <-> ');
  const clauses = spec.clauses.map((c) => {
    if (c.length === 1) return lexeme(c[0]!, '');
    return spec.field === 'title' ? `(${phrase(c, '')})` : `(${phrase(c, ':A')} | ${phrase(c, ':B')})`;
  });
  return [...clauses, ...(spec.codes ?? []).map((c) => lexeme(c, ''))].join(' & ');
}
