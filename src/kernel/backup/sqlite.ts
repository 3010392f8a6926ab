import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import type { SnapshotFacts } from './manifest.js';

export const SQLITE_FILE = 'cong.db';

/**
 * Copies the live database into `dest` with SQLite's online backup API. The whole copy is one
 * step: a step that reads every page holds one read transaction, so the copy is the database as
 * it was at one instant, while writers (in WAL mode) go on. Done in small steps instead, every
 * write from another connection would restart the copy, and a busy portal might never finish.
 */
export async function snapshotSqlite(dataDir: string, dest: string): Promise<SnapshotFacts> {
  const source = new SQLite(join(dataDir, SQLITE_FILE), { fileMustExist: true, readonly: true });
  try {
    source.pragma('busy_timeout = 5000');
    await source.backup(dest, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  const copy = new SQLite(dest);
  try {
    // One self-contained file: no -wal beside it, in the archive or after a restore.
    copy.pragma('journal_mode = DELETE');
    return sqliteFacts(copy);
  } finally {
    copy.close();
  }
}

export function sqliteFacts(db: SQLite.Database): SnapshotFacts {
  const tables = db
    .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\' order by name`)
    .pluck()
    .all() as string[];
  const rowCounts: Record<string, number> = {};
  for (const t of tables) rowCounts[t] = db.prepare(`select count(*) from "${t.replaceAll('"', '""')}"`).pluck().get() as number;
  const migrations = tables.includes('kysely_migration')
    ? (db.prepare('select name from kysely_migration order by name').pluck().all() as string[])
    : [];
  const sites = tables.includes('sites') ? (db.prepare('select id, code, name from sites order by id').all() as SnapshotFacts['sites']) : [];
  return { migrations, sites, rowCounts };
}

/** Checks a restored file before it goes live: SQLite's own structure check, then the row counts. */
export function checkSqliteFile(file: string): { ok: boolean; detail: string; facts: SnapshotFacts | null } {
  const db = new SQLite(file, { fileMustExist: true });
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') return { ok: false, detail: String(check), facts: null };
    return { ok: true, detail: 'ok', facts: sqliteFacts(db) };
  } finally {
    db.close();
  }
}

/** The live database file of a data directory, when it has any content. */
export function sqliteInUse(dataDir: string): boolean {
  const file = join(dataDir, SQLITE_FILE);
  return existsSync(file) && statSync(file).size > 0;
}
