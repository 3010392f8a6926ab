import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../connection.js';

/**
 * PostgreSQL's full-text index moves out of search_documents into a narrow table of its own,
 * search_fts (the counterpart of SQLite's FTS5 table of the same name), kept in step with
 * search_documents by a trigger as SQLite's is. Measured at 100,000 articles:
 *
 * - search_documents rows are wide (texts of ~6 KB), about five to a page: reading the rank_key
 *   of 27,000 matches touched 16,000 pages. search_fts keeps the body's tsvector out of line
 *   (toast_tuple_target) and the title's inline (STORAGE MAIN, for the title phrase recheck),
 *   about 32 rows to a page (26 MB for 100,000 articles).
 * - Each tsvector also holds the tokens `~s<site>` and `~s<site>p<period>` (period: rank_key >> 37,
 *   2^21 seconds, about 24 days). Searches look for the newest matches period by period, so the
 *   GIN index intersects the words with a short list and hands back only the rows of those
 *   periods (postgres-fts.ts). `~` never comes out of searchFold(), so no query can type them.
 * - rank_key has a hash index, not a btree (see below), so GIN is the only way in.
 * - The GIN indexes are built without fastupdate: with it, every search also scans a pending list
 *   of up to 4 MB until (auto)vacuum merges it, which is what a read-mostly index should not do.
 *
 * SQLite is unchanged. Works on a database that holds articles: the tsvectors already stored are
 * copied with the tokens added, then the generated columns and their indexes go.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') return;
  await sql`CREATE TABLE search_fts (
    rank_key bigint NOT NULL,
    site_id integer NOT NULL,
    category_id integer NOT NULL,
    title_tsv tsvector NOT NULL,
    tsv tsvector NOT NULL
  ) WITH (toast_tuple_target = 128)`.execute(db);
  await sql`ALTER TABLE search_fts ALTER COLUMN title_tsv SET STORAGE MAIN`.execute(db);

  await sql`INSERT INTO search_fts (rank_key, site_id, category_id, title_tsv, tsv)
    SELECT rank_key, site_id, category_id, title_tsv || tokens, tsv || tokens
    FROM search_documents, array_to_tsvector(ARRAY['~s' || site_id, '~s' || site_id || 'p' || (rank_key >> 37)]) AS tokens
    ORDER BY rank_key`.execute(db);
  await sql`CREATE INDEX search_fts_tsv ON search_fts USING gin (tsv) WITH (fastupdate = off)`.execute(db);
  await sql`CREATE INDEX search_fts_title_tsv ON search_fts USING gin (title_tsv) WITH (fastupdate = off)`.execute(db);
  // A hash index, for the trigger's deletes: a btree on rank_key let the planner walk it newest
  // first, reading every row's out-of-line tsvector (250 ms at 100,000 articles) instead of GIN.
  await sql`CREATE INDEX search_fts_rank_key ON search_fts USING hash (rank_key)`.execute(db);

  // The same tsvectors as the generated columns of 0005 had, plus the tokens.
  await sql.raw(`CREATE FUNCTION search_fts_sync() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
    BEGIN
      IF TG_OP <> 'INSERT' THEN
        DELETE FROM search_fts WHERE rank_key = OLD.rank_key;
      END IF;
      IF TG_OP <> 'DELETE' THEN
        INSERT INTO search_fts (rank_key, site_id, category_id, title_tsv, tsv) VALUES (
          NEW.rank_key, NEW.site_id, NEW.category_id,
          to_tsvector('simple'::regconfig, NEW.title_fold)
            || array_to_tsvector(ARRAY['~s' || NEW.site_id, '~s' || NEW.site_id || 'p' || (NEW.rank_key >> 37)]),
          setweight(to_tsvector('simple'::regconfig, NEW.title_fold), 'A') || setweight(to_tsvector('simple'::regconfig, NEW.body_fold), 'B')
            || setweight(to_tsvector('simple'::regconfig, NEW.codes), 'C')
            || array_to_tsvector(ARRAY['~s' || NEW.site_id, '~s' || NEW.site_id || 'p' || (NEW.rank_key >> 37)]));
      END IF;
      RETURN NULL;
    END $$`).execute(db);
  await sql`CREATE TRIGGER search_fts_sync AFTER INSERT OR UPDATE OR DELETE ON search_documents
    FOR EACH ROW EXECUTE FUNCTION search_fts_sync()`.execute(db);

  await sql`DROP INDEX search_documents_tsv`.execute(db);
  await sql`DROP INDEX search_documents_title_tsv`.execute(db);
  await sql`ALTER TABLE search_documents DROP COLUMN tsv, DROP COLUMN title_tsv`.execute(db);
}
