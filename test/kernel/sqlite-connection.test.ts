import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { connect, SQLITE_CACHE_KIB } from '../../src/kernel/db/connection.js';

test('each SQLite connection keeps SQLite\'s own 2 MB of pages, not better-sqlite3\'s 16 MB', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cong-sqlite-conn-'));
  // Two connections to one file, as two workers hold: each is set, not only the first.
  const a = connect({ databaseUrl: null, dataDir: dir });
  const b = connect({ databaseUrl: null, dataDir: dir });
  try {
    assert.equal(SQLITE_CACHE_KIB, 2048);
    for (const h of [a, b]) {
      const { rows } = await sql<{ cache_size: number }>`PRAGMA cache_size`.execute(h.db);
      assert.deepEqual(rows, [{ cache_size: -SQLITE_CACHE_KIB }]);
      const mode = await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(h.db);
      assert.equal(mode.rows[0]!.journal_mode, 'wal');
    }
  } finally {
    await a.close();
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
