import assert from 'node:assert/strict';
import { test } from 'node:test';
import pg from 'pg';
import { checkPostgres, openTestDb, PG_URL } from './helpers/db.js';

/**
 * Several installations or test runs share one PostgreSQL database, each in its own schema. The
 * migrator's view of the tables must stay inside our search_path: Kysely's own introspector read
 * every schema and failed ("schema … does not exist") when another run dropped its schema meanwhile.
 */
test('PostgreSQL introspection sees the tables of its own schema only, whatever other schemas come and go', async (t) => {
  const missing = await checkPostgres();
  if (missing && process.env.CONG_REQUIRE_PG === '1') throw new Error(missing);
  if (missing) return t.skip(missing);
  const mine = await openTestDb('postgres');
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  const other = `t_other_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  try {
    await admin.query(`create schema ${other}`);
    await admin.query(`create table ${other}.intruder (id int)`);
    const tables = await mine.db.introspection.getTables();
    const names = tables.map((x) => x.name);
    assert.ok(names.includes('articles') && names.includes('kysely_migration'), names.join(', '));
    assert.ok(!names.includes('intruder'), 'another schema\'s table is not listed');
    assert.deepEqual([...new Set(tables.map((x) => x.schema))], [mine.schema]);

    // Schemas dropped while we look: nothing fails.
    const churn = (async () => {
      for (let i = 0; i < 20; i++) {
        const s = `${other}_${i}`;
        await admin.query(`create schema ${s}; create table ${s}.x (id int); drop schema ${s} cascade`);
      }
    })();
    for (let i = 0; i < 20; i++) assert.ok((await mine.db.introspection.getTables()).length > 10);
    await churn;
  } finally {
    await admin.query(`drop schema if exists ${other} cascade`);
    await admin.end();
    await mine.cleanup();
  }
});
