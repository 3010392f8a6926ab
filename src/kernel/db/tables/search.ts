/**
 * The search index. One row per published article: its text in NFC (for snippets and the
 * exact-diacritics check) and folded (what the engines index). Both engines keep a full-text
 * index of it, search_fts, in step by triggers: on SQLite an FTS5 table over the folded columns
 * (external content); on PostgreSQL a narrow table of tsvectors with GIN indexes (migration
 * 0016). Deleting the article deletes its row (foreign key cascade), and so its index entries.
 */
export interface SearchDocumentsTable {
  /**
   * Publish time in seconds × 65536 + a per-article low part: unique, and ordering by it is
   * ordering by recency, so both engines walk matches newest first and the "published by now"
   * and date-range filters are ranges over it (the FTS5 rowid on SQLite).
   */
  rank_key: number;
  article_id: number;
  site_id: number;
  category_id: number;
  published_at: string;
  /** NFC title and plain-text sapo + body. */
  title: string;
  body: string;
  /** searchFold() of the two above. */
  title_fold: string;
  body_fold: string;
  /**
   * The distinct words of the body, lowercased (kernel/search/text.ts distinctWords): the ranking
   * asks the database whether the body holds a spelling typed with diacritics instead of reading
   * the body (migration 0019).
   */
  body_words: string;
  /** The document numbers and other joined words of title and body as single tokens: "22nqtw". */
  codes: string;
  /** "s<site> c<category>": lets FTS5 filter by site and category inside the full-text index. */
  scope: string;
}

export interface SearchTables {
  search_documents: SearchDocumentsTable;
}
