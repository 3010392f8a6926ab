import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedDemoIfEmpty } from '../../src/demo.js';
import { liveDays } from '../../src/kernel/lib/calendar.js';
import type { Hit } from '../../src/features/stats/fields.js';
import { Flusher } from '../../src/features/stats/flusher.js';
import { RedisStore } from '../../src/features/stats/redis-store.js';
import { writeBatch } from '../../src/features/stats/writer.js';
import { connectRedis } from '../../src/kernel/redis.js';
import { describeEachDb } from '../helpers/db.js';
import { dropPrefix, redisMissing, REDIS_URL, testPrefix } from './helpers.js';

const NOW = Date.parse('2026-11-26T03:00:00.000Z');
const days = liveDays(NOW);
const hit = (i: number): Hit => ({ siteId: 1, visitor: `visitor-${i % 7}`, previous: null, at: NOW + i, day: days.today, month: days.month, articleId: null, referrer: null, device: 'mobile' });

describeEachDb('flushing from Redis after a crash', async (db) => {
  await seedDemoIfEmpty(db, db.media);
  const skip = await redisMissing();
  return { skip, prefix: testPrefix() };
}, (get) => {
  // An instance's store on its own connections; closing it is the instance dying.
  const store = () => {
    const redis = connectRedis(REDIS_URL, get().prefix);
    return Object.assign(new RedisStore(redis.client, redis.prefix, 1000), { close: () => redis.close() });
  };
  const pageViews = async () => Number((await get().db.db.selectFrom('site_stats').select('page_views').where('site_id', '=', 1).executeTakeFirstOrThrow()).page_views);
  const errors: unknown[] = [];
  const flusher = (s: ReturnType<typeof store>) => new Flusher(get().db.db, get().db.dialect, s, () => new Date(NOW), (e) => errors.push(e), 500);

  test('a batch taken by an instance that died before writing it is written by the next flush, once', async (t) => {
    if (get().skip) return t.skip(get().skip!);
    const a = store();
    await flusher(a).close(); // loads the base, releases the lock
    for (let i = 0; i < 50; i++) await a.record(hit(i), days);
    const taken = await a.takeBatch('batch-1');
    assert.ok(taken);
    assert.equal((await a.read(1, days, NOW)).values![0], 50, 'still counted live while in flight');
    await a.close(); // "crash": the batch stays in Redis
    const b = store();
    await flusher(b).close();
    assert.equal(await pageViews(), 50);
    assert.equal((await b.read(1, days, NOW)).values![0], 50);
    await b.close();
  });

  test('a batch written to the database just before a crash is not written twice', async (t) => {
    if (get().skip) return t.skip(get().skip!);
    const a = store();
    await flusher(a).close(); // loads the base (the 50 of the test above, when it ran), releases the lock
    const before = await pageViews();
    for (let i = 0; i < 30; i++) await a.record(hit(i), days);
    const batch = (await a.takeBatch('batch-2'))!;
    assert.equal(await writeBatch(get().db.db, get().db.dialect, batch, new Date(NOW)), true);
    await a.close(); // died before telling Redis
    assert.equal(await pageViews(), before + 30);
    const b = store();
    const live = (await b.read(1, days, NOW)).values![0];
    assert.equal(live, before + 30, 'live numbers exact meanwhile (the stale mirror plus the batch)');
    await flusher(b).close();
    assert.equal(await pageViews(), before + 30, 'the database log recognises the batch');
    assert.equal((await b.read(1, days, NOW)).values![0], before + 30);
    await b.close();
  });

  test('one flusher at a time holds the lock; another takes over when it expires', async (t) => {
    if (get().skip) return t.skip(get().skip!);
    const s = store();
    assert.equal(await s.lock('one', 300), true);
    assert.equal(await s.lock('two', 300), false);
    assert.equal(await s.lock('one', 300), true, 'the owner extends it');
    await new Promise((r) => setTimeout(r, 400));
    assert.equal(await s.lock('two', 300), true, 'expired: another instance takes it');
    await s.unlock('one');
    assert.equal(await s.lock('one', 300), false, 'only the owner unlocks');
    await s.unlock('two');
    await s.close();
    assert.deepEqual(errors, []);
  });
}, async ({ prefix }) => {
  await dropPrefix(prefix).catch(() => undefined);
});
