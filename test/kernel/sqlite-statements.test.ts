import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { withStatementCache } from '../../src/kernel/db/sqlite-statements.js';

test('SQLite statements are prepared once and stay right when the schema changes under them', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cong-stmt-'));
  const sqlite = new SQLite(join(dir, 'x.db'));
  let prepared = 0;
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((s: string) => (prepared++, prepare(s))) as typeof sqlite.prepare;
  const db = new Kysely<{ t: { id: number; name: string; extra?: string } }>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite, 3) }) });
  try {
    await sql`create table t (id integer primary key, name text)`.execute(db);
    await db.insertInto('t').values({ id: 1, name: 'Hồng Lĩnh' }).execute();
    const before = prepared;
    for (let i = 0; i < 5; i++) await db.selectFrom('t').selectAll().where('id', '=', 1).execute();
    assert.equal(prepared - before, 1, 'one prepare for five runs');
    await sql`alter table t add column extra text default 'x'`.execute(db);
    assert.deepEqual(await db.selectFrom('t').selectAll().where('id', '=', 1).execute(), [{ id: 1, name: 'Hồng Lĩnh', extra: 'x' }]);
    // More distinct statements than the cache holds: the oldest are dropped and prepared again.
    for (let i = 0; i < 5; i++) await sql`select ${sql.raw(String(i))} as n`.execute(db);
    const again = prepared;
    await db.selectFrom('t').selectAll().where('id', '=', 1).execute();
    assert.equal(prepared - again, 1, 'evicted, so prepared again');
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
});
