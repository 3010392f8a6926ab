import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect, type DatabaseHandle } from '../../src/kernel/db/connection.js';
import { publishingJob } from '../../src/features/articles/scheduler.js';
import type { Db } from '../../src/kernel/db/connection.js';
import { JobRunner } from '../../src/kernel/jobs.js';
import { PageCache } from '../../src/kernel/http/page-cache.js';
import { seedDemoIfEmpty } from '../../src/demo.js';
import { describeEachDb, PG_URL, type TestDb } from '../helpers/db.js';

/** An instance's scheduler: its job runner (a lease owner of its own) ticking the publishing job. */
function scheduler(db: Db, now: () => Date, onError: (err: unknown) => void) {
  const runner = new JobRunner(db, now, onError);
  const job = publishingJob({ db, pageCache: new PageCache(60_000) });
  return { tick: () => runner.tick(job) };
}

/** A second, independent connection to the same database: what another app instance has. */
function secondInstance(db: TestDb): DatabaseHandle {
  return db.dialect === 'sqlite'
    ? connect({ databaseUrl: null, dataDir: db.dataDir })
    : connect({ databaseUrl: PG_URL, dataDir: db.dataDir, pgSchema: db.schema });
}

describeEachDb('scheduled publishing with two instances', async (db) => {
  await seedDemoIfEmpty(db, db.media);
  return { other: secondInstance(db) };
}, (get) => {
  test('due articles are published exactly once by two schedulers ticking at the same time', async () => {
    const { db, other } = get();
    const ids = (await db.db.selectFrom('articles').select('id').where('site_id', '=', 1).orderBy('id').limit(12).execute()).map((r) => r.id);
    await db.db.updateTable('articles').set({ status: 'scheduled', published_at: '2026-11-26T08:00:00.000Z' }).where('id', 'in', ids).execute();
    let now = new Date('2026-11-26T07:59:30.000Z');
    const errors: unknown[] = [];
    const a = scheduler(db.db, () => now, (e) => errors.push(e));
    const b = scheduler(other.db, () => now, (e) => errors.push(e));
    await Promise.all([a.tick(), b.tick()]);
    const still = await db.db.selectFrom('articles').select('id').where('status', '=', 'scheduled').execute();
    assert.equal(still.length, ids.length, 'nothing before its time');
    now = new Date('2026-11-26T08:00:05.000Z');
    // Several rounds in parallel, as two instances would run them; the lease holder may expire mid-way.
    for (let round = 0; round < 3; round++) {
      await Promise.all([a.tick(), b.tick()]);
      now = new Date(now.getTime() + 40_000);
    }
    assert.deepEqual(errors, []);
    const rows = await db.db.selectFrom('articles').select(['id', 'status']).where('id', 'in', ids).execute();
    assert.ok(rows.every((r) => r.status === 'published'));
    const audits = await db.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'article.publish_scheduled').execute();
    assert.deepEqual(audits.map((r) => Number(r.entity_id)).sort((x, y) => x - y), ids, 'one audit row per article: published once');
  });

  test('after a restart the first tick publishes what fell due while no instance was running', async () => {
    const { db } = get();
    const [row] = await db.db.selectFrom('articles').select('id').where('site_id', '=', 2).limit(1).execute();
    await db.db.updateTable('articles').set({ status: 'scheduled', published_at: '2026-11-27T01:00:00.000Z' }).where('id', '=', row!.id).execute();
    // A fresh scheduler (new owner, as after a restart), started an hour late, with the old lease still in the table.
    const late = scheduler(db.db, () => new Date('2026-11-27T02:00:00.000Z'), (e) => assert.fail(String(e)));
    await late.tick();
    const after = await db.db.selectFrom('articles').select('status').where('id', '=', row!.id).executeTakeFirstOrThrow();
    assert.equal(after.status, 'published');
  });
}, async ({ other }: { other: DatabaseHandle }) => {
  await other.close();
});
