import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { ConfigError, loadConfig } from '../../src/config.js';
import { connect, connectForServing } from '../../src/kernel/db/connection.js';
import { checkPostgres, PG_URL } from '../helpers/db.js';

/** A runaway query cannot hold a pooled PostgreSQL connection for minutes (issue 16, item 9). */

test('CONG_PG_STATEMENT_TIMEOUT_MS: 5 seconds by default, 0 for none, anything else refused', () => {
  assert.equal(loadConfig({}).pgStatementTimeoutMs, 5000);
  assert.equal(loadConfig({ CONG_PG_STATEMENT_TIMEOUT_MS: '250' }).pgStatementTimeoutMs, 250);
  assert.equal(loadConfig({ CONG_PG_STATEMENT_TIMEOUT_MS: '0' }).pgStatementTimeoutMs, 0);
  for (const bad of ['-1', '5s', '1.5', '3600001']) assert.throws(() => loadConfig({ CONG_PG_STATEMENT_TIMEOUT_MS: bad }), ConfigError, bad);
});

test('on PostgreSQL the serving pool cancels a statement past the configured timeout; the set-up connection does not', async (t) => {
  const missing = await checkPostgres();
  if (missing && process.env.CONG_REQUIRE_PG === '1') throw new Error(`${missing} (CONG_REQUIRE_PG=1)`);
  if (missing) return t.skip(missing);
  const dataDir = mkdtempSync(join(tmpdir(), 'cong-timeout-'));
  const config = loadConfig({ DATABASE_URL: PG_URL, CONG_DATA_DIR: dataDir, CONG_PG_STATEMENT_TIMEOUT_MS: '300' });
  const serving = connectForServing(config);
  const setup = connect({ databaseUrl: PG_URL, dataDir });
  try {
    await assert.rejects(sql`select pg_sleep(1)`.execute(serving.db), (err: Error & { code?: string }) => {
      assert.equal(err.code, '57014', 'query_canceled');
      assert.match(err.message, /statement timeout/);
      return true;
    });
    // The pool is still usable, and a statement within the limit runs.
    assert.deepEqual((await sql<{ n: number }>`select 1 as n from pg_sleep(0.05)`.execute(serving.db)).rows, [{ n: 1 }]);
    const started = Date.now();
    await sql`select pg_sleep(0.6)`.execute(setup.db);
    assert.ok(Date.now() - started >= 550, 'migrations and the CLI keep no timeout');
    // The default (5 s) reaches the pool too.
    const byDefault = connectForServing(loadConfig({ DATABASE_URL: PG_URL, CONG_DATA_DIR: dataDir }));
    try {
      assert.deepEqual((await sql<{ statement_timeout: string }>`show statement_timeout`.execute(byDefault.db)).rows, [{ statement_timeout: '5s' }]);
    } finally {
      await byDefault.close();
    }
  } finally {
    await serving.close();
    await setup.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
