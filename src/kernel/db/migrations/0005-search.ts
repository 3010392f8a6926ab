import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../connection.js';

/**
 * The search index (see src/kernel/db/tables/search.ts): search_documents on both engines, plus two FTS5
 * tables (title + body + codes, title alone) with sync triggers on SQLite, or two tsvectors
 * (title A + body B + codes C, title alone) with GIN on PostgreSQL. Both tokenize the same searchFold() text, so they
 * agree on what matches.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`CREATE TABLE search_documents (
      rank_key INTEGER PRIMARY KEY,
      article_id INTEGER NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
      site_id INTEGER NOT NULL,
      category_id INTEGER NOT NULL,
      published_at TEXT NOT NULL,
      title TEXT NOT NULL,
      body TEXT NOT NULL,
      title_fold TEXT NOT NULL,
      body_fold TEXT NOT NULL,
      codes TEXT NOT NULL,
      scope TEXT NOT NULL
    )`.execute(db);
    await sql`CREATE INDEX search_documents_site ON search_documents (site_id)`.execute(db);
    await sql`CREATE VIRTUAL TABLE search_fts USING fts5(
      title_fold, body_fold, codes, scope,
      content='search_documents', content_rowid='rank_key',
      tokenize='unicode61 remove_diacritics 2'
    )`.execute(db);
    // Titles alone: the title tiers read these short lists instead of every article's body.
    await sql`CREATE VIRTUAL TABLE search_titles USING fts5(
      title_fold, scope,
      content='search_documents', content_rowid='rank_key',
      tokenize='unicode61 remove_diacritics 2'
    )`.execute(db);
    // The external-content FTS tables follow search_documents, including cascaded deletes.
    const add = sql`
      INSERT INTO search_fts(rowid, title_fold, body_fold, codes, scope) VALUES (new.rank_key, new.title_fold, new.body_fold, new.codes, new.scope);
      INSERT INTO search_titles(rowid, title_fold, scope) VALUES (new.rank_key, new.title_fold, new.scope);`;
    const drop = sql`
      INSERT INTO search_fts(search_fts, rowid, title_fold, body_fold, codes, scope) VALUES ('delete', old.rank_key, old.title_fold, old.body_fold, old.codes, old.scope);
      INSERT INTO search_titles(search_titles, rowid, title_fold, scope) VALUES ('delete', old.rank_key, old.title_fold, old.scope);`;
    await sql`CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN ${add} END`.execute(db);
    await sql`CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN ${drop} END`.execute(db);
    await sql`CREATE TRIGGER search_documents_au AFTER UPDATE ON search_documents BEGIN ${drop} ${add} END`.execute(db);
    return;
  }
  await sql`CREATE TABLE search_documents (
    article_id integer PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    rank_key bigint NOT NULL UNIQUE,
    site_id integer NOT NULL,
    category_id integer NOT NULL,
    published_at text NOT NULL,
    title text NOT NULL,
    body text NOT NULL,
    title_fold text NOT NULL,
    body_fold text NOT NULL,
    codes text NOT NULL,
    scope text NOT NULL,
    tsv tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('simple'::regconfig, title_fold), 'A') || setweight(to_tsvector('simple'::regconfig, body_fold), 'B')
        || setweight(to_tsvector('simple'::regconfig, codes), 'C')
    ) STORED,
    title_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, title_fold)) STORED
  )`.execute(db);
  await sql`CREATE INDEX search_documents_tsv ON search_documents USING gin (tsv)`.execute(db);
  await sql`CREATE INDEX search_documents_title_tsv ON search_documents USING gin (title_tsv)`.execute(db);
  await sql`CREATE INDEX search_documents_site_key ON search_documents (site_id, rank_key)`.execute(db);
}
