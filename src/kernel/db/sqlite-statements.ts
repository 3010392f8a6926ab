import type { Database as SQLiteDatabase, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * Kysely's SQLite driver prepares every query again; preparing costs more than running most of
 * ours. This keeps the most recently used statements by SQL text (SQLite re-prepares a kept
 * statement by itself when the schema changes). Statements are run synchronously by the driver,
 * so one is never in use twice at the same time.
 */
export function withStatementCache(sqlite: SQLiteDatabase, max = 500): SqliteDatabase {
  const statements = new Map<string, Statement>();
  return {
    close: () => {
      statements.clear();
      sqlite.close();
    },
    prepare: (sql: string) => {
      let stmt = statements.get(sql);
      if (stmt) {
        // Most recently used last: the first key is the one to drop.
        statements.delete(sql);
      } else {
        stmt = sqlite.prepare(sql);
        if (statements.size >= max) statements.delete(statements.keys().next().value!);
      }
      statements.set(sql, stmt);
      return stmt;
    },
  };
}
