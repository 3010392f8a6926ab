import { sql } from 'kysely';
import type { Db, Dialect } from '../../kernel/db/connection.js';
import { highlightAll, snippet, type TextPart } from './highlight.js';
import type { SearchQuery } from '../../kernel/search/query.js';
import type { BodyQuestions, Candidate } from './rank.js';

/** One result as the page shows it. */
export interface SearchHit {
  id: number;
  slug: string;
  title: string;
  published_at: string;
  category_id: number;
  category_name: string;
  category_slug: string;
  titleParts: TextPart[];
  snippet: TextPart[];
}

/**
 * What the ranking reads (rank.ts): the title, and the answers to the body questions, computed
 * by the database on the stored texts so that only numbers come back — the folded body only
 * when the words' distance must be measured, the body only for a spelling beyond the BMP.
 * Without questions (the rows of a page that were not ranked), nothing of the body.
 */
export async function loadCandidates(db: Db, dialect: Dialect, siteId: number, keys: number[], questions: BodyQuestions | null): Promise<Candidate[]> {
  if (!keys.length) return [];
  // instr / strpos: where a string occurs (1-based), 0 when it does not.
  const holds = (column: 'body_fold' | 'body_words', words: string) =>
    sql<boolean>`${sql.raw(dialect === 'postgres' ? 'strpos' : 'instr')}(' ' || ${sql.ref(column)} || ' ', ${` ${words} `}) > 0`;
  const phrase = questions?.phrase ?? null;
  const near = questions?.near === true;
  const spellings = questions && !questions.text ? questions.spellings : [];
  // tenancy: rank_keys come from this site's matches, and the rows are filtered by site_id below, in code.
  const rows = await db
    .selectFrom('search_documents')
    .select(['rank_key', 'article_id', 'site_id', 'published_at', 'title', 'title_fold'])
    // With `near`, a null body_fold is the answer "it holds the phrase": each body_fold is read once.
    .$if(phrase !== null && !near, (q) => q.select(sql<number>`CASE WHEN ${holds('body_fold', phrase!)} THEN 1 ELSE 0 END`.as('body_phrase')))
    .$if(near, (q) => q.select(sql<string | null>`CASE WHEN ${holds('body_fold', phrase!)} THEN NULL ELSE body_fold END`.as('body_fold')))
    .$if(spellings.length > 0, (q) =>
      q.select(sql<number>`${sql.join(spellings.map((variants, i) => sql`CASE WHEN ${sql.join(variants.map((v) => holds('body_words', v)), sql` OR `)} THEN ${sql.lit(2 ** i)} ELSE 0 END`), sql` + `)}`.as('body_spellings')),
    )
    .$if(questions?.text === true, (q) => q.select('body'))
    .where('rank_key', 'in', keys)
    .execute();
  return rows
    .filter((r) => r.site_id === siteId)
    .map((r) => ({
      rank_key: r.rank_key,
      article_id: r.article_id,
      published_at: r.published_at,
      title: r.title,
      title_fold: r.title_fold,
      body: {
        phrase: near ? r.body_fold === null : Number(r.body_phrase ?? 0) === 1,
        fold: r.body_fold ?? null,
        spellings: Number(r.body_spellings ?? 0),
        text: r.body === undefined ? null : r.body.toLowerCase(),
      },
    }));
}

/**
 * The page's results with what they show. The article must still be published by `now`: the
 * index follows every change, this is the belt to its braces. Checked here rather than in SQL
 * so that SQLite looks documents up by rank_key instead of walking the site's articles.
 */
export async function toHits(db: Db, siteId: number, q: SearchQuery, docs: Candidate[], now: string): Promise<SearchHit[]> {
  if (!docs.length) return [];
  // tenancy: the article's site_id is checked below, in code, with its status (see above).
  const rows = await db
    .selectFrom('search_documents as d')
    .innerJoin('articles as a', 'a.id', 'd.article_id')
    .innerJoin('categories as c', 'c.id', 'a.category_id')
    .select(['d.rank_key', 'd.body', 'd.body_fold', 'a.site_id', 'a.status', 'a.published_at', 'a.slug', 'a.category_id', 'c.name as category_name', 'c.slug as category_slug'])
    .where('d.rank_key', 'in', docs.map((d) => d.rank_key))
    .execute();
  const byKey = new Map(rows.map((r) => [r.rank_key, r]));
  return docs.flatMap((d) => {
    const a = byKey.get(d.rank_key);
    if (!a || a.site_id !== siteId || a.status !== 'published' || a.published_at > now) return [];
    return [{
      id: d.article_id,
      slug: a.slug,
      title: d.title,
      published_at: a.published_at,
      category_id: a.category_id,
      category_name: a.category_name,
      category_slug: a.category_slug,
      titleParts: highlightAll(d.title, q, d.title_fold),
      snippet: snippet(a.body, q, a.body_fold),
    }];
  });
}
