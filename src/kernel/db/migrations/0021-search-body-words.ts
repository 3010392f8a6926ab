import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../connection.js';
import { distinctWords } from '../../search/text.js';

/**
 * search_documents.body_words: the distinct words of the body, lowercased. When a query has
 * diacritics, the ranking asks whether the body holds each spelling typed; the database now
 * answers that from this column (one number per candidate) instead of sending ~125 bodies to be
 * searched in TypeScript: decoding them was most of the PostgreSQL search's client time at
 * 100,000 articles (issue 12).
 *
 * On PostgreSQL body_words and body_fold, which those questions read for every candidate, are
 * kept in the row (STORAGE MAIN: compressed there, moved out only when nothing else makes the row
 * fit). Out of line, each question read each candidate's value through the TOAST index again:
 * ~11 buffers a candidate, 4,300 for a query of seven words; in the row, 3 to 4.
 *
 * The documents already indexed get their body_words here, and on PostgreSQL their body_fold is
 * rewritten so that it moves into the row. The full-text entries must not be rebuilt for that:
 * the update triggers are dropped while the rows are filled and come back firing only when an
 * indexed column changes (on SQLite: same statements as 0005; on PostgreSQL: same function as 0016).
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema.alterTable('search_documents').addColumn('body_words', 'text', (c) => c.notNull().defaultTo('')).execute();
  if (dialect === 'sqlite') {
    await sql`DROP TRIGGER search_documents_au`.execute(db);
    await fillBodyWords(db, dialect);
    await sql`CREATE TRIGGER search_documents_au AFTER UPDATE OF rank_key, title_fold, body_fold, codes, scope ON search_documents BEGIN
      INSERT INTO search_fts(search_fts, rowid, title_fold, body_fold, codes, scope) VALUES ('delete', old.rank_key, old.title_fold, old.body_fold, old.codes, old.scope);
      INSERT INTO search_titles(search_titles, rowid, title_fold, scope) VALUES ('delete', old.rank_key, old.title_fold, old.scope);
      INSERT INTO search_fts(rowid, title_fold, body_fold, codes, scope) VALUES (new.rank_key, new.title_fold, new.body_fold, new.codes, new.scope);
      INSERT INTO search_titles(rowid, title_fold, scope) VALUES (new.rank_key, new.title_fold, new.scope);
    END`.execute(db);
    return;
  }
  await sql`ALTER TABLE search_documents ALTER COLUMN body_fold SET STORAGE MAIN, ALTER COLUMN body_words SET STORAGE MAIN`.execute(db);
  await sql`DROP TRIGGER search_fts_sync ON search_documents`.execute(db);
  await fillBodyWords(db, dialect);
  await sql`CREATE TRIGGER search_fts_sync AFTER INSERT OR DELETE OR UPDATE OF rank_key, site_id, category_id, title_fold, body_fold, codes
    ON search_documents FOR EACH ROW EXECUTE FUNCTION search_fts_sync()`.execute(db);
}

const BATCH = 500;

/** Computes body_words for every document, in batches by rank_key (SQLite: one transaction each). */
async function fillBodyWords(db: Kysely<any>, dialect: Dialect): Promise<void> {
  for (let after: number | null = null; ; ) {
    // tenancy: a migration fills every site's documents alike, each from its own row.
    const rows: { rank_key: number; body: string }[] = await db
      .selectFrom('search_documents')
      .select(['rank_key', 'body'])
      .$if(after !== null, (q) => q.where('rank_key', '>', after))
      .orderBy('rank_key')
      .limit(BATCH)
      .execute();
    if (!rows.length) return;
    const keys = rows.map((r) => Number(r.rank_key));
    const words = rows.map((r) => distinctWords(r.body));
    if (dialect === 'postgres') {
      // body_fold || '' is a new value, stored under the column's new storage (a stored one keeps its place).
      await sql`UPDATE search_documents AS d SET body_words = w.words, body_fold = d.body_fold || ''
        FROM unnest(${keys}::bigint[], ${words}::text[]) AS w(rank_key, words) WHERE d.rank_key = w.rank_key`.execute(db);
    } else {
      await db.transaction().execute(async (tx) => {
        // tenancy: each row is written from its own body (rank_key is unique across sites).
        for (let i = 0; i < rows.length; i++) await tx.updateTable('search_documents').set({ body_words: words[i] }).where('rank_key', '=', keys[i]).execute();
      });
    }
    after = keys[keys.length - 1]!;
  }
}
