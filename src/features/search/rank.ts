import type { SearchQuery } from '../../kernel/search/query.js';
import { containsWord, foldedOccurrences, hasSurrogates, toneVariants } from '../../kernel/search/text.js';

/**
 * The final order of results, computed here rather than by the engines so that SQLite and
 * PostgreSQL give the same order: the whole query as a phrase (title, then body), the words
 * close together, the words in the title, the exact diacritics typed; recency breaks ties.
 * The weights are coarse on purpose, so that equally good matches tie and the newest wins.
 *
 * Titles are read whole. Of the body, the database answers the questions of `bodyQuestions`
 * (results.ts) and sends the folded body only when the words' distance must be measured on it:
 * sending every candidate's body cost more than the whole ranking.
 */
export interface Candidate {
  rank_key: number;
  article_id: number;
  published_at: string;
  title: string;
  title_fold: string;
  body: BodyAnswers;
}

/** What the ranking needs to know of a candidate's body, per query. */
export interface BodyQuestions {
  /** Does the folded body hold the whole query as a phrase? null: not asked (one word). */
  phrase: string | null;
  /** When it does not: send the folded body, to measure how close the words are. */
  near: boolean;
  /** Does the body hold one of these spellings (lowercase) as a whole word? One list per term typed with diacritics. */
  spellings: string[][];
  /** A spelling with a letter beyond the BMP (distinctWords cannot answer): send the body itself. */
  text: boolean;
}

export interface BodyAnswers {
  phrase: boolean;
  /** The folded body: only when `near` was asked and the body does not hold the phrase. */
  fold: string | null;
  /** Bit i: the body holds a spelling of `spellings[i]`. */
  spellings: number;
  /** The body, lowercased: only when `text` was asked. */
  text: string | null;
}

/**
 * A phrase in the body outweighs every word in the title but apart (6 > 4 + 1); when the query
 * has diacritics, matching them all outweighs everything else, because a word that is only the
 * same when folded is usually another word ("lúa" is rice, "lửa" fire).
 */
const W = { titlePhrase: 12, bodyPhrase: 6, near: 2, nearish: 1, inTitle: 4, exact: 20 } as const;

/** The spellings that count as exact, per folded term (computed once per query). */
type Exact = Map<string, string[]>;

function exactSpellings(q: SearchQuery): Exact {
  const out: Exact = new Map();
  for (const t of q.terms) {
    const typed = q.typed.get(t);
    if (typed) out.set(t, toneVariants(typed));
  }
  return out;
}

export function bodyQuestions(q: SearchQuery): BodyQuestions {
  const spellings = [...exactSpellings(q).values()];
  return {
    phrase: q.sequence.length > 1 ? q.sequence.join(' ') : null,
    near: q.sequence.length > 1 && q.terms.length > 1,
    spellings,
    text: spellings.some((variants) => variants.some(hasSurrogates)),
  };
}

export function score(q: SearchQuery, c: Candidate, exact: Exact = exactSpellings(q)): number {
  const n = q.terms.length;
  let s = 0;
  if (q.sequence.length > 1) {
    const phrase = q.sequence.join(' ');
    if (foldedOccurrences(c.title_fold, phrase, 1).length) s += W.titlePhrase;
    else if (c.body.phrase) s += W.bodyPhrase;
    else if (n > 1) {
      const span = Math.min(windowSpan(c.title_fold, q.terms), windowSpan(bodyFold(c), q.terms));
      if (span <= phrase.length * 2) s += W.near;
      else if (span <= 120) s += W.nearish;
    }
  }
  const inTitle = q.terms.filter((t) => foldedOccurrences(c.title_fold, t, 1).length).length;
  s += (W.inTitle * inTitle) / n;
  if (exact.size) {
    const title = c.title.toLowerCase();
    const text = c.body.text;
    let found = 0;
    let i = 0;
    for (const variants of exact.values()) {
      const inBody = text === null ? (c.body.spellings & (1 << i)) !== 0 : variants.some((v) => containsWord(text, v));
      if (inBody || variants.some((v) => containsWord(title, v))) found++;
      i++;
    }
    s += (W.exact * found) / n;
  }
  return s;
}

function bodyFold(c: Candidate): string {
  if (c.body.fold === null) throw new Error(`The folded body of ${c.rank_key} was not loaded`);
  return c.body.fold;
}

/** Sorts best first: score, then the newest, then the highest id. */
export function rankCandidates<T extends Candidate>(q: SearchQuery, candidates: T[]): T[] {
  const exact = exactSpellings(q);
  const scored = candidates.map((c) => ({ c, s: score(q, c, exact) }));
  scored.sort((a, b) => b.s - a.s || cmp(b.c.published_at, a.c.published_at) || b.c.article_id - a.c.article_id);
  return scored.map((x) => x.c);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The shortest stretch of a folded text (in characters) holding every term, or Infinity.
 * Looks at the first 64 occurrences of each term, which is plenty for an article.
 */
export function windowSpan(fold: string, terms: string[]): number {
  const hits: { at: number; end: number; term: number }[] = [];
  terms.forEach((t, term) => {
    for (const at of foldedOccurrences(fold, t)) hits.push({ at, end: at + t.length, term });
  });
  if (!terms.every((_, i) => hits.some((h) => h.term === i))) return Infinity;
  hits.sort((a, b) => a.at - b.at);
  const count = new Array<number>(terms.length).fill(0);
  let have = 0;
  let best = Infinity;
  let lo = 0;
  for (let hi = 0; hi < hits.length; hi++) {
    if (count[hits[hi]!.term]!++ === 0) have++;
    while (have === terms.length) {
      best = Math.min(best, hits[hi]!.end - hits[lo]!.at);
      if (--count[hits[lo]!.term]! === 0) have--;
      lo++;
    }
  }
  return best;
}
