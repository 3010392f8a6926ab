import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { DECAY_MS } from '../../src/features/back-office/auth/throttle.js';
import { connect } from '../../src/kernel/db/connection.js';
import { buildTestApp, NAM_HONG_LINH } from '../helpers/app.js';
import { AdminClient, makeUser, PASSWORD } from '../helpers/admin.js';
import { describeEachDb, PG_URL, type TestDb } from '../helpers/db.js';

/**
 * The sign-in throttle under parallel guesses (issue 16, item 1): every attempt is counted before
 * its password is checked, so parallel requests cannot outrun the count.
 */
let clock = Date.parse('2026-11-26T03:00:00.000Z');
const WRONG = /Tên đăng nhập hoặc mật khẩu không đúng\./;
const THROTTLED = /Bạn đã nhập sai quá nhiều lần\. Vui lòng thử lại sau \d+ (giây|phút)\./;

/** Status → how many answers had it. */
function tally(statuses: number[]): Record<number, number> {
  const t: Record<number, number> = {};
  for (const s of statuses) t[s] = (t[s] ?? 0) + 1;
  return t;
}

describeEachDb('sign-in throttle under parallel guesses', async (db) => {
  const app = await buildTestApp(db, { now: () => new Date(clock) });
  for (const name of ['nannhan', 'nguoia', 'doitmk', 'tathailop']) await makeUser(db.db, name, [{ siteId: 1, role: 'editor' }]);
  return { app };
}, (get) => {
  test('25 parallel wrong passwords for one account check five passwords; the other twenty are throttled unchecked', async () => {
    const c = new AdminClient(get().app, NAM_HONG_LINH, '10.16.1.1');
    const answers = await Promise.all(Array.from({ length: 25 }, () => c.loginAttempt('nannhan', 'doan-sai-mat-khau')));
    assert.deepEqual(tally(answers.map((r) => r.statusCode)), { 401: 5, 429: 20 });
    for (const r of answers) assert.match(r.body, r.statusCode === 401 ? WRONG : THROTTLED);
    // The owner, from elsewhere, waits like everyone (the account is locked), then gets in.
    const owner = new AdminClient(get().app, NAM_HONG_LINH, '10.16.1.2');
    assert.equal((await owner.loginAttempt('nannhan', PASSWORD)).statusCode, 429);
    clock += 3_000;
    assert.equal((await owner.loginAttempt('nannhan', PASSWORD)).statusCode, 303);
  });

  test('25 parallel guesses at 25 accounts from one address check at most ten passwords (no spraying)', async () => {
    const c = new AdminClient(get().app, NAM_HONG_LINH, '10.16.2.1');
    const answers = await Promise.all(Array.from({ length: 25 }, (_, i) => c.loginAttempt(`khach${i}`, 'doan-sai-mat-khau')));
    assert.deepEqual(tally(answers.map((r) => r.statusCode)), { 401: 10, 429: 15 });
  });

  test("a success for account A gives back only A's attempt: the address keeps the guesses it made at others", async () => {
    const c = new AdminClient(get().app, NAM_HONG_LINH, '10.16.3.1');
    for (let i = 0; i < 9; i++) assert.equal((await c.loginAttempt(`nannhan-gia-${i}`, 'sai')).statusCode, 401);
    assert.equal((await c.loginAttempt('nguoia', PASSWORD)).statusCode, 303, 'A signs in from the same address');
    const tenth = await c.loginAttempt('nannhan-gia-9', 'sai');
    assert.equal(tenth.statusCode, 401, 'the tenth guess of the address is still checked…');
    assert.match(tenth.body, THROTTLED, '…and locks the address');
    assert.equal((await c.loginAttempt('nannhan-gia-10', 'sai')).statusCode, 429);
  });

  test('failures decay: a quarter of an hour forgives one, so after five quarters five more are free again', async () => {
    const c = new AdminClient(get().app, NAM_HONG_LINH, '10.16.4.1');
    for (let i = 0; i < 4; i++) assert.doesNotMatch((await c.loginAttempt('ai-do', 'sai')).body, THROTTLED);
    assert.match((await c.loginAttempt('ai-do', 'sai')).body, THROTTLED, 'the fifth locks');
    clock += DECAY_MS;
    // One forgiven: the next is the fifth again, and locks again.
    assert.match((await c.loginAttempt('ai-do', 'sai')).body, THROTTLED);
    clock += 5 * DECAY_MS;
    for (let i = 0; i < 4; i++) {
      const r = await c.loginAttempt('ai-do', 'sai');
      assert.equal(r.statusCode, 401);
      assert.doesNotMatch(r.body, THROTTLED, `attempt ${i + 1} after the decay is free`);
    }
  });

  test('two instances with their own connections to one database still check only five of 25 parallel guesses', async () => {
    const { db } = get();
    // A second application, as a second server would be: its own pool (PostgreSQL) or connection (SQLite).
    const handle = db.dialect === 'sqlite' ? connect({ databaseUrl: null, dataDir: db.dataDir }) : connect({ databaseUrl: PG_URL, dataDir: db.dataDir, pgSchema: db.schema });
    const second = await buildTestApp({ ...handle, dataDir: db.dataDir, media: db.media, cleanup: async () => undefined } as TestDb, { seed: false, now: () => new Date(clock) });
    try {
      const clients = [new AdminClient(get().app, NAM_HONG_LINH, '10.16.6.1'), new AdminClient(second, NAM_HONG_LINH, '10.16.6.2')];
      const answers = await Promise.all(Array.from({ length: 25 }, (_, i) => clients[i % 2]!.loginAttempt('hai-may-chu', 'doan-sai')));
      assert.deepEqual(tally(answers.map((r) => r.statusCode)), { 401: 5, 429: 20 });
    } finally {
      await second.close();
      await handle.close();
    }
  });

  test('changing the password re-checks the current one under the same throttle: 25 parallel guesses check five', async () => {
    const c = await AdminClient.login(get().app, NAM_HONG_LINH, 'doitmk');
    const answers = await Promise.all(Array.from({ length: 25 }, () => c.post('/quan-tri/tai-khoan/mat-khau', { current: 'doan-sai', next: 'mot-mat-khau-moi-dai', confirm: 'mot-mat-khau-moi-dai' })));
    assert.deepEqual(tally(answers.map((r) => r.statusCode)), { 422: 5, 429: 20 });
    for (const r of answers) assert.match(r.body, r.statusCode === 422 ? /Mật khẩu hiện tại không đúng\./ : THROTTLED);
    // The account is locked for sign-in too, and the password is unchanged.
    const other = new AdminClient(get().app, NAM_HONG_LINH, '10.16.5.2');
    assert.equal((await other.loginAttempt('doitmk', PASSWORD)).statusCode, 429);
    clock += 3_000;
    assert.equal((await other.loginAttempt('doitmk', PASSWORD)).statusCode, 303);
  });

  test('turning two-factor off re-checks the password under the same throttle', async () => {
    // An editor must have a second factor: the first sign-in enrols (test/helpers/admin.ts).
    const c = await AdminClient.login(get().app, NAM_HONG_LINH, 'tathailop');
    const answers = await Promise.all(Array.from({ length: 25 }, () => c.post('/quan-tri/tai-khoan/hai-lop/tat', { password: 'doan-sai' })));
    assert.deepEqual(tally(answers.map((r) => r.statusCode)), { 422: 5, 429: 20 });
    for (const r of answers.filter((x) => x.statusCode === 429)) assert.match(r.body, THROTTLED);
    assert.match((await c.get('/quan-tri/tai-khoan')).body, /Tắt xác thực hai lớp/, 'two-factor is still on');
  });
}, async ({ app }: { app: FastifyInstance }) => {
  await app.close();
});
