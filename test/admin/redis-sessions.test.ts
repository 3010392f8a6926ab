import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Redis } from 'ioredis';
import { resetPassword } from '../../src/features/back-office/commands/reset-password.js';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { seedDemoIfEmpty } from '../../src/demo.js';
import { AdminClient, makeUser } from '../helpers/admin.js';
import { NAM_HONG_LINH, ROOT } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { redisMissing, REDIS_URL, testPrefix } from '../stats/helpers.js';

let clock = Date.parse('2026-11-26T03:00:00.000Z');

/** With REDIS_URL, back-office sessions live in Redis: shared by every instance, none in the database. */
describeEachDb('back-office sessions in Redis', async (db) => {
  const missing = await redisMissing();
  if (missing && process.env.CONG_REQUIRE_REDIS === '1') throw new Error(missing);
  if (missing) return { skip: missing };
  await seedDemoIfEmpty(db, db.media);
  const prefix = testPrefix();
  const config = { ...loadConfig({ CONG_DATA_DIR: db.dataDir, REDIS_URL, CONG_REDIS_PREFIX: prefix }, ROOT), databaseUrl: null };
  const build = async () => {
    const app = await buildApp({ config, database: db, now: () => new Date(clock), logger: false });
    await app.ready();
    return app;
  };
  // Two instances of the application sharing the database and Redis.
  const [a, b] = [await build(), await build()];
  await makeUser(db.db, 'bientap', [{ siteId: 1, role: 'editor' }]);
  const redis = new Redis(REDIS_URL);
  return { a, b, prefix, redis };
}, (get) => {
  const sessionKeys = async () => {
    const g = get() as { redis: Redis; prefix: string };
    return g.redis.keys(`${g.prefix}session:*`);
  };

  test('signing in on one instance is a session on both, stored as a hash in Redis, not in the database', async (t) => {
    const g = get();
    if ('skip' in g) return t.skip(g.skip as string);
    const { a, b, db } = g;
    const client = await AdminClient.login(a, NAM_HONG_LINH, 'bientap');
    assert.equal((await client.get('/quan-tri')).statusCode, 200);
    const elsewhere = Object.assign(new AdminClient(b, NAM_HONG_LINH), { cookie: client.cookie, csrf: client.csrf });
    assert.equal((await elsewhere.get('/quan-tri')).statusCode, 200, 'the other instance knows the session');
    assert.equal(Number((await db.db.selectFrom('sessions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n), 0);
    const keys = await sessionKeys();
    assert.equal(keys.length, 1);
    const token = client.cookie.split('=')[1]!;
    assert.ok(!keys[0]!.includes(token), 'only the hash of the cookie token is stored');

    // An hour without a click ends the session.
    clock += 61 * 60_000;
    const idle = await client.get('/quan-tri');
    assert.equal(idle.statusCode, 303);
    assert.match(String(idle.headers.location), /\/quan-tri\/dang-nhap/);
    assert.deepEqual(await sessionKeys(), [], 'the ended session is gone from Redis');
  });

  test('"log out everywhere" and a password reset end the sessions on every instance', async (t) => {
    const g = get();
    if ('skip' in g) return t.skip(g.skip as string);
    const { a, b, db } = g;
    const first = await AdminClient.login(a, NAM_HONG_LINH, 'bientap');
    const second = await AdminClient.login(b, NAM_HONG_LINH, 'bientap');
    assert.equal((await sessionKeys()).length, 2);
    assert.equal((await second.post('/quan-tri/tai-khoan/dang-xuat-tat-ca')).statusCode, 303);
    for (const c of [first, second]) assert.equal((await c.get('/quan-tri')).statusCode, 303);
    const audit = await db.db.selectFrom('audit_log').select('after_json').where('action', '=', 'user.logout_all').orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(audit.after_json!), { sessions_ended: 2 });

    const again = await AdminClient.login(b, NAM_HONG_LINH, 'bientap');
    assert.equal((await again.get('/quan-tri')).statusCode, 200);
    const password = await resetPassword(db.db, a.cong.sessions, 'bientap', null, new Date(clock));
    assert.ok(password);
    assert.equal((await again.get('/quan-tri')).statusCode, 303, 'a reset ends the session');
    assert.deepEqual(await sessionKeys(), []);
  });
}, async (g) => {
  if ('skip' in g) return;
  await g.a.close();
  await g.b.close();
  await g.redis.quit();
});
