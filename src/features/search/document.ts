import type { ArticleRow } from '../../kernel/db/schema.js';
import { nfc, searchFold } from '../../kernel/lib/text.js';
import type { SearchDocumentsTable } from '../../kernel/db/tables/search.js';
import { codesOf, distinctWords, htmlToText } from '../../kernel/search/text.js';

/** The article fields the index is built from. */
export type IndexableArticle = Pick<ArticleRow, 'id' | 'site_id' | 'category_id' | 'title' | 'sapo' | 'body_html' | 'published_at' | 'status'>;

/**
 * Only the first 60,000 characters of a body are indexed: far beyond a ward article, and it
 * keeps PostgreSQL inside its tsvector limits (positions stop at 16,383; 1 MB per value), so
 * both engines see the same words.
 */
export const MAX_BODY_CHARS = 60_000;

const LOW = 65_536;

/** rank_key of an article: its publish second, then a low part from its id (probed on collision). */
export function rankKey(publishedAt: string, articleId: number, probe = 0): number {
  return keyOfSecond(Date.parse(publishedAt)) + (((articleId - probe) % LOW) + LOW) % LOW;
}

function keyOfSecond(ms: number): number {
  return Math.floor(ms / 1000) * LOW;
}

/** The smallest rank_key of documents published at or after `ms`. */
export function keyFrom(ms: number): number {
  return keyOfSecond(ms);
}

/** The largest rank_key of documents published at or before `ms`. */
export function keyTo(ms: number): number {
  return keyOfSecond(ms) + LOW - 1;
}

export function buildDocument(a: IndexableArticle, probe = 0): SearchDocumentsTable {
  const title = nfc(a.title);
  const text = nfc([a.sapo, htmlToText(a.body_html)].filter(Boolean).join(' '));
  const body = text.length > MAX_BODY_CHARS ? text.slice(0, text.lastIndexOf(' ', MAX_BODY_CHARS) + 1 || MAX_BODY_CHARS).trimEnd() : text;
  return {
    rank_key: rankKey(a.published_at, a.id, probe),
    article_id: a.id,
    site_id: a.site_id,
    category_id: a.category_id,
    published_at: a.published_at,
    title,
    body,
    title_fold: searchFold(title),
    body_fold: searchFold(body),
    body_words: distinctWords(body),
    codes: codesOf(`${title} ${body}`).join(' '),
    scope: `s${a.site_id} c${a.category_id}`,
  };
}
