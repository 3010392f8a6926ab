import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { seedDemoIfEmpty } from '../../src/demo.js';
import { features } from '../../src/features/index.js';
import { alertTransitionsJob } from '../../src/features/alerts/transitions.js';
import { AdminClient, makeUser } from '../helpers/admin.js';
import { NAM_HONG_LINH, ROOT } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { redisMissing, REDIS_URL, testPrefix } from '../stats/helpers.js';
import { ADMIN, alertsOf, valid } from './helpers.js';

async function until(cond: () => Promise<boolean>, what: string): Promise<void> {
  const end = Date.now() + 3000;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const clock = { now: new Date('2027-01-06T01:00:00Z') }; // before `valid` starts
/** The job is run by the test on instance A, at the time it chooses. */
const withoutTimer = features.map((f) => (f.key === 'alerts' ? { ...f, jobs: undefined } : f));

/**
 * Two instances behind one database and Redis, each with its own page cache: a notice's start
 * and end, purged by the job on one instance, reach the pages the other has cached.
 */
describeEachDb('emergency notices across instances (Redis purges)', async (db) => {
  const missing = await redisMissing();
  if (missing && process.env.CONG_REQUIRE_REDIS === '1') throw new Error(missing);
  if (missing) return { skip: missing };
  await seedDemoIfEmpty(db, db.media);
  const config = { ...loadConfig({ CONG_DATA_DIR: db.dataDir, REDIS_URL, CONG_REDIS_PREFIX: testPrefix(), CONG_PAGE_CACHE_SECONDS: '600' }, ROOT), databaseUrl: null };
  const build = async () => {
    const app = await buildApp({ config, database: db, logger: false, now: () => clock.now, features: withoutTimer });
    await app.ready();
    return app;
  };
  const [a, b] = [await build(), await build()];
  await makeUser(db.db, 'quantri', [{ siteId: 1, role: 'site_admin' }]);
  return { a, b };
}, (get) => {
  const page = (app: FastifyInstance, url: string) => app.inject({ url, headers: { host: NAM_HONG_LINH } });

  test('saved on one instance, started and ended by the job on that instance, seen on the other instance\'s cached pages', async (t) => {
    const g = get();
    if ('skip' in g) return t.skip(g.skip as string);
    const { a, b } = g;
    clock.now = new Date('2027-01-06T01:00:00Z');
    const admin = await AdminClient.login(a, NAM_HONG_LINH, 'quantri');
    assert.equal(alertsOf((await page(b, '/')).body), '', 'cached on B without a notice');
    // A notice in force now, saved on A: B's cached home page shows it at once.
    assert.equal((await admin.post(`${ADMIN}/moi`, { ...valid, starts: '', title: 'Nước lên nhanh' })).statusCode, 303);
    await until(async () => /Nước lên nhanh/.test(alertsOf((await page(b, '/')).body)), 'the save to reach B');
    // One with a future start: B's copy changes only once A's job has run after the start.
    assert.equal((await admin.post(`${ADMIN}/moi`, { ...valid, title: 'Sơ tán lúc 9 giờ' })).statusCode, 303);
    await until(async () => !/Sơ tán lúc 9 giờ/.test((await page(b, '/gioi-thieu')).body) && !!b.cong.pageCache.peek(`1\n/gioi-thieu`), 'B to cache the page');
    clock.now = new Date('2027-01-06T02:00:30Z');
    assert.doesNotMatch((await page(b, '/gioi-thieu')).body, /Sơ tán lúc 9 giờ/, 'B still serves its cached copy');
    await alertTransitionsJob(a.cong).run(clock.now, false);
    await until(async () => /Sơ tán lúc 9 giờ/.test((await page(b, '/gioi-thieu')).body), 'the start purge to reach B');
    clock.now = new Date('2027-01-08T11:00:30Z');
    await alertTransitionsJob(a.cong).run(clock.now, false);
    await until(async () => alertsOf((await page(b, '/gioi-thieu')).body) === '', 'the end purge to reach B');
  });
}, async (g) => {
  if ('skip' in g) return;
  await g.a.close();
  await g.b.close();
});
