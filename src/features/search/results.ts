import type { Db } from '../../kernel/db/connection.js';
import { highlightAll, snippet, type TextPart } from './highlight.js';
import type { SearchQuery } from '../../kernel/search/query.js';
import type { Candidate } from './rank.js';

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
 * What the ranking reads, from the index alone: the original body only when the query has
 * diacritics to compare (reading every candidate's body costs more than the ranking itself).
 */
export async function loadCandidates(db: Db, siteId: number, keys: number[], withBody: boolean): Promise<Candidate[]> {
  if (!keys.length) return [];
  // tenancy: rank_keys come from this site's matches, and the rows are filtered by site_id below, in code.
  const rows = await db
    .selectFrom('search_documents')
    .select(['rank_key', 'article_id', 'site_id', 'published_at', 'title', 'title_fold', 'body_fold'])
    .$if(withBody, (q) => q.select('body'))
    .where('rank_key', 'in', keys)
    .execute();
  return rows.filter((r) => r.site_id === siteId).map((r) => ({ ...r, body: r.body ?? null }));
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
    .select(['d.rank_key', 'd.body', 'a.site_id', 'a.status', 'a.published_at', 'a.slug', 'a.category_id', 'c.name as category_name', 'c.slug as category_slug'])
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
      snippet: snippet(a.body, q, d.body_fold),
    }];
  });
}
