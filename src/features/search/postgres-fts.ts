import { sql } from 'kysely';
import type { Db } from '../../kernel/db/connection.js';
import { FoldedTextEngine, type MatchSpec, type NewestFound, type Scope } from './engine.js';

/**
 * PostgreSQL: tsvectors of the folded text parsed with the 'simple' configuration (no stemming,
 * no stop words), in the narrow table search_fts with GIN indexes (migration 0016) — `tsv` over
 * title (weight A), body (B) and codes (C), `title_tsv` over the title alone for the title
 * tiers. The weights keep a phrase from running across the end of the title into the body, as
 * FTS5's columns do.
 *
 * "The newest matches" is asked period by period (a period is 2^21 seconds, about 24 days; each
 * tsvector holds its site's and period's tokens). A GIN index cannot hand its matches back in
 * rank_key order: asked for the newest 1,000 matches of a common word, it lists all 30,000 and
 * the heap is read for each. With the tokens of a few periods in the query, GIN intersects the
 * words with those short lists and only those periods' matches are read. The first window is two
 * periods; the next is sized from the matches found so far, and when none were found (a rare
 * word), or the window would be long, one query takes all the rest.
 */
export const PERIOD = 2 ** 37;
/**
 * How far the next window reaches beyond what the matches found so far (per period searched,
 * the newest one counted by the part of it that has passed) predict: missing a few costs another
 * query; reading more costs little for plain words and a read of each row's tsvector for phrases.
 */
const MARGIN = 1.5;
const PHRASE_MARGIN = 1.2;
const FIRST_PERIODS = 2;
const MAX_PERIODS = 64;

export const periodOf = (rankKey: number): number => Math.floor(rankKey / PERIOD);

export class PostgresFtsEngine extends FoldedTextEngine {
  readonly dialect = 'postgres' as const;

  protected async matchKeys(db: Db, scope: Scope, spec: MatchSpec, limit: number, newest?: NewestFound): Promise<number[]> {
    const keys: number[] = [];
    const bottom = periodOf(scope.lo);
    let top = periodOf(scope.hi);
    let span = FIRST_PERIODS;
    let searched = 0;
    for (;;) {
      const hi = Math.min(scope.hi, (top + 1) * PERIOD - 1);
      if (span > MAX_PERIODS) {
        keys.push(...(await window(db, scope, spec, scope.lo, hi, null, limit - keys.length)));
        return keys;
      }
      const from = Math.max(bottom, top - span + 1);
      const periods = Array.from({ length: top - from + 1 }, (_, i) => top - i);
      const lo = Math.max(scope.lo, from * PERIOD);
      keys.push(...(await window(db, scope, spec, lo, hi, periods, limit - keys.length)));
      if (newest && keys.length >= newest.count) {
        newest.found(keys.slice(0, newest.count));
        newest = undefined;
      }
      searched += (hi - lo + 1) / PERIOD;
      if (from === bottom || keys.length >= limit) return keys;
      top = from - 1;
      const margin = spec.clauses.some((c) => c.length > 1) ? PHRASE_MARGIN : MARGIN;
      span = keys.length ? Math.ceil((margin * (limit - keys.length) * searched) / keys.length) : Infinity;
    }
  }
}

/** The newest `limit` matches with rank_key in [lo, hi], in these periods or (null) in the site. */
async function window(db: Db, scope: Scope, spec: MatchSpec, lo: number, hi: number, periods: number[] | null, limit: number): Promise<number[]> {
  const query = tsQuery(spec);
  if (!query) return [];
  const column = spec.field === 'title' ? sql`title_tsv` : sql`tsv`;
  const site = Math.trunc(scope.siteId);
  const tokens = periods ? periods.map((p) => `'~s${site}p${p}'`).join(' | ') : `'~s${site}'`;
  // Phrases and weights need each row's tsvector, read out of line once per condition:
  // one condition then. Plain words need no row's tsvector, and GIN intersects them with the
  // period tokens much faster as a condition of their own (with 50 periods in the query's own
  // tree, 30 ms instead of 3 at 100,000 articles).
  const phrases = spec.clauses.some((c) => c.length > 1);
  const { rows } = await sql<{ k: number }>`
    SELECT rank_key AS k FROM search_fts
    WHERE site_id = ${scope.siteId} AND rank_key BETWEEN ${lo} AND ${hi}
      AND ${phrases ? sql`${column} @@ (to_tsquery('simple', ${query}) && ${tokens}::tsquery)` : sql`${column} @@ to_tsquery('simple', ${query}) AND ${column} @@ ${tokens}::tsquery`}
      ${scope.categoryIds?.length ? sql`AND category_id IN (${sql.join(scope.categoryIds)})` : sql``}
    ORDER BY rank_key DESC LIMIT ${limit}`.execute(db);
  return rows.map((r) => Number(r.k));
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
