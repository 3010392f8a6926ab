import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect, type DatabaseHandle, type Db } from '../../src/kernel/db/connection.js';
import { JobRunner, type Job } from '../../src/kernel/jobs.js';
import { describeEachDb, PG_URL, type TestDb } from '../helpers/db.js';

/** A second, independent connection to the same database: what another app instance has. */
function secondInstance(db: TestDb): DatabaseHandle {
  return db.dialect === 'sqlite'
    ? connect({ databaseUrl: null, dataDir: db.dataDir })
    : connect({ databaseUrl: PG_URL, dataDir: db.dataDir, pgSchema: db.schema });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(cond: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 5000;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

describeEachDb('the job runner', async (db) => ({ other: secondInstance(db) }), (get) => {
  test('two instances: a leased job runs on one of them per tick, the holder keeps it, another takes over when its lease runs out', async () => {
    const { db, other } = get();
    let now = new Date('2026-11-26T08:00:00.000Z');
    const errors: unknown[] = [];
    const runs: string[] = [];
    const everywhere: string[] = [];
    const instance = (name: string, handle: Db) => ({
      runner: new JobRunner(handle, () => now, (err) => errors.push(err)),
      leased: { name: 'test-leased', intervalMs: 10_000, leased: true, run: async () => void runs.push(name) } satisfies Job,
      free: { name: 'test-free', intervalMs: 10_000, leased: false, run: async () => void everywhere.push(name) } satisfies Job,
    });
    const a = instance('a', db.db);
    const b = instance('b', other.db);
    for (let round = 0; round < 4; round++) {
      await Promise.all([a.runner.tick(a.leased), b.runner.tick(b.leased), a.runner.tick(a.free), b.runner.tick(b.free)]);
      now = new Date(now.getTime() + 10_000);
    }
    assert.deepEqual(errors, []);
    assert.equal(runs.length, 4, 'once per tick, not once per instance');
    assert.equal(new Set(runs).size, 1, 'the holder extends its lease');
    assert.deepEqual(everywhere.sort(), ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b'], 'a job without a lease runs on every instance');

    // The holder stops ticking (it died); three intervals later its lease has run out.
    const [holder, next] = runs[0] === 'a' ? [a, b] : [b, a];
    now = new Date(now.getTime() + 20_000);
    await next.runner.tick(next.leased);
    assert.equal(runs.length, 4, 'not before the lease ends');
    now = new Date(now.getTime() + 11_000);
    await next.runner.tick(next.leased);
    await holder.runner.tick(holder.leased);
    assert.deepEqual(runs.slice(4), [runs[0] === 'a' ? 'b' : 'a'], 'the other instance took over; the old holder no longer runs it');
    const lease = await db.db.selectFrom('job_leases').select('owner').where('name', '=', 'test-leased').executeTakeFirstOrThrow();
    assert.equal(lease.owner, next.runner.owner);
  });

  test('start runs each job at once and every interval; stop waits for the running round, then makes the final runs', async () => {
    const { db } = get();
    const errors: unknown[] = [];
    const calls: { final: boolean; at: number; end?: number }[] = [];
    let failOnce = true;
    const job: Job = {
      name: 'test-final',
      intervalMs: 25,
      leased: true,
      finalRun: true,
      run: async (_now, final) => {
        const call: { final: boolean; at: number; end?: number } = { final, at: performance.now() };
        calls.push(call);
        await sleep(40);
        call.end = performance.now();
        if (failOnce && !final) {
          failOnce = false;
          throw new Error('a failing round');
        }
      },
    };
    let hourly = 0;
    // Every hour, no final run: it can only have run at once.
    const other: Job = { name: 'test-hourly', intervalMs: 3600_000, leased: false, run: async () => void hourly++ };
    const runner = new JobRunner(db.db, () => new Date(), (err, j) => errors.push([(err as Error).message, j.name]));
    runner.start([job, other]);
    await until(() => hourly === 1, 'the first round at once');
    await until(() => calls.length >= 3, 'the next rounds every interval, after a failing one');
    assert.deepEqual(errors, [['a failing round', 'test-final']], 'errors are reported with their job');
    await runner.stop();
    const last = calls.at(-1)!;
    assert.equal(last.final, true, 'the final run comes last');
    assert.ok(calls.slice(0, -1).every((c) => !c.final && c.end !== undefined && c.end <= last.at), 'after the running round ended');
    const count = calls.length;
    await sleep(100);
    assert.equal(calls.length, count, 'no round after stop');
    await runner.stop();
    assert.equal(calls.length, count, 'stopping twice runs nothing more');
    assert.equal(hourly, 1);
  });
}, async ({ other }: { other: DatabaseHandle }) => {
  await other.close();
});
