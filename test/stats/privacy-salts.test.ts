import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { dayStartMs } from '../../src/kernel/lib/calendar.js';
import { ensureSalt } from '../../src/kernel/citizen/identity.js';
import { describeEachDb, type TestDb } from '../helpers/db.js';
import { beacon, statsApp } from './helpers.js';

const IP = '203.113.131.47';
const UA = 'Mozilla/5.0 (Linux; Android 9; Redmi Note 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/99.0 Mobile Safari/537.36 CongPrivacyProbe';
const START = dayStartMs('2026-11-26') + 10 * 3600_000;
let clock = START;

/** Every text value stored in every table (the SQLite catalogue or PostgreSQL's). */
async function allStoredText(db: TestDb): Promise<string> {
  const tables =
    db.dialect === 'sqlite'
      ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%fts%'`.execute(db.db)).rows.map((r) => r.name)
      : (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(db.db)).rows.map((r) => r.name);
  let all = '';
  for (const t of tables) all += JSON.stringify((await sql`select * from ${sql.table(t)}`.execute(db.db)).rows);
  return all;
}

describeEachDb('visitor privacy and daily salts', async (db) => {
  clock = START;
  return { app: await statsApp(db, { now: () => new Date(clock) }) };
}, (get) => {
  test('no raw IP address or user agent is stored anywhere, only salted hashes and aggregates', async () => {
    const { app, db } = get();
    for (let i = 0; i < 3; i++) assert.equal((await beacon(app, { ip: IP, ua: UA, referrer: 'https://zalo.me/' })).statusCode, 200);
    await app.stats.flush();
    await app.stats.houseKeep();
    const text = await allStoredText(db);
    assert.ok(text.includes('zalo.me'), 'the scan does see what was stored');
    assert.ok(!text.includes(IP), 'no IP address');
    assert.ok(!text.includes('CongPrivacyProbe') && !text.includes('Redmi Note 8'), 'no user agent');
    const rows = await db.db.selectFrom('online_visitors').select('visitor').where('site_id', '=', 1).execute();
    assert.equal(rows.length, 1);
    assert.match(rows[0]!.visitor, /^[A-Za-z0-9_-]{22}$/);
  });

  test('a new salt every day; yesterday\'s is kept for the day boundary, older ones and old hashes are deleted', async () => {
    const { app, db } = get();
    const salts = async () => (await db.db.selectFrom('stats_salts').select('day').orderBy('day').execute()).map((r) => r.day);
    // The person's visit on the 26th (made here too, so that this test runs alone; the same person, so counted once).
    clock = START;
    assert.equal((await beacon(app, { ip: IP, ua: UA })).statusCode, 200);
    await app.stats.flush();
    await app.stats.houseKeep();
    assert.deepEqual(await salts(), ['2026-11-26']);
    clock = dayStartMs('2026-11-27') + 9 * 3600_000;
    await beacon(app, { ip: IP, ua: UA });
    await app.stats.flush();
    await app.stats.houseKeep();
    assert.deepEqual(await salts(), ['2026-11-26', '2026-11-27']);
    const hashes = await db.db.selectFrom('online_visitors').select('visitor').where('site_id', '=', 1).execute();
    assert.equal(new Set(hashes.map((h) => h.visitor)).size, 2, 'the same person has another hash on another day');
    const days = await db.db.selectFrom('stats_daily').select(['day', 'visitors']).where('site_id', '=', 1).orderBy('day').execute();
    assert.deepEqual(days.map((d) => [d.day, Number(d.visitors)]), [['2026-11-26', 1], ['2026-11-27', 1]]);
    clock = dayStartMs('2026-11-28') + 9 * 3600_000;
    await app.stats.houseKeep();
    assert.deepEqual(await salts(), ['2026-11-27', '2026-11-28'], 'the 26th\'s salt is gone 48 hours after it was made');
    const left = await db.db.selectFrom('online_visitors').select('last_seen_at').where('site_id', '=', 1).execute();
    assert.deepEqual(left.map((r) => r.last_seen_at), [new Date(dayStartMs('2026-11-27') + 9 * 3600_000).toISOString()], 'the 26th\'s hash is forgotten');
  });

  test('a visit that crosses midnight stays one visit and one person online; the visitor counts on both days', async () => {
    const { app, db } = get();
    const ip = '203.113.200.200';
    clock = dayStartMs('2026-11-29') - 5 * 60_000;
    await beacon(app, { ip, ua: UA });
    clock = dayStartMs('2026-11-29') + 5 * 60_000;
    const r = (await beacon(app, { ip, ua: UA })).json();
    assert.equal(r.online, 1, 'not counted twice online');
    await app.stats.flush();
    const rows = await db.db.selectFrom('stats_daily').select(['day', 'visits', 'visitors', 'page_views']).where('day', 'in', ['2026-11-28', '2026-11-29']).orderBy('day').execute();
    assert.deepEqual(rows.map((d) => [d.day, Number(d.page_views), Number(d.visits), Number(d.visitors)]), [
      ['2026-11-28', 1, 1, 1],
      ['2026-11-29', 1, 0, 1],
    ]);
  });

  test('two instances asking for the day\'s salt at once get the same one', async () => {
    const { db } = get();
    const [a, b, c] = await Promise.all([ensureSalt(db.db, '2026-12-24'), ensureSalt(db.db, '2026-12-24'), ensureSalt(db.db, '2026-12-24')]);
    assert.equal(a, b);
    assert.equal(b, c);
    assert.ok(a.length >= 40, 'a long random salt');
  });
}, async ({ app }: { app: FastifyInstance }) => {
  await app.close();
});
