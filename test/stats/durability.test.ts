import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { connect } from '../../src/kernel/db/connection.js';
import { live, pgDatabaseUrl, pool, startServer, visit } from './process.js';

/**
 * Hits counted by the real server process survive a graceful stop entirely, and a kill -9 loses
 * at most the last second: start, send hits, stop or kill, restart, compare with the database.
 */
const BASE = 184_250;

async function storedPageViews(databaseUrl: string | null, dataDir: string): Promise<number> {
  const h = connect({ databaseUrl, dataDir });
  try {
    const site = await h.db.selectFrom('sites').select('id').where('is_default', '=', 1).executeTakeFirstOrThrow();
    const row = await h.db.selectFrom('site_stats').select('page_views').where('site_id', '=', site.id).executeTakeFirstOrThrow();
    const daily = await h.db.selectFrom('stats_daily').select((eb) => eb.fn.sum<string>('page_views').as('n')).where('site_id', '=', site.id).executeTakeFirst();
    assert.equal(Number(daily?.n ?? 0), Number(row.page_views), 'the daily rows add up to the total');
    return Number(row.page_views);
  } finally {
    await h.close();
  }
}

function durability(name: string, setup: () => Promise<{ databaseUrl: string | null; cleanup(): Promise<void> } | null>) {
  describe(`durability of the counters (real process, ${name})`, () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cong-stats-proc-'));
    let db: { databaseUrl: string | null; cleanup(): Promise<void> } | null = null;
    before(async () => {
      db = await setup();
    });
    after(async () => {
      await db?.cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    });
    const env = () => ({ CONG_DATA_DIR: dataDir, DATABASE_URL: db?.databaseUrl ?? '' });

    test('a graceful stop writes every counted hit; a restart shows them', async (t) => {
      if (!db) return t.skip('PostgreSQL is not reachable');
      const a = await startServer(env());
      const acks: number[] = [];
      await pool(600, 20, async (i) => {
        if ((await visit(a.port, i % 150)).status === 200) acks.push(i);
      });
      assert.equal(acks.length, 600);
      a.child.kill('SIGTERM'); // at once: nothing has waited for a timed flush
      assert.equal(await a.exited, 0, a.output());
      assert.equal(await storedPageViews(db.databaseUrl, dataDir), 600);
      const b = await startServer(env());
      const n = await live(b.port);
      assert.equal(n.total, BASE + 600);
      assert.equal(n.online, 150, 'the visitors of the last minutes are still online after the restart');
      b.child.kill('SIGTERM');
      assert.equal(await b.exited, 0);
    });

    test('kill -9 loses at most the last second of hits', async (t) => {
      if (!db) return t.skip('PostgreSQL is not reachable');
      const a = await startServer(env()); // (first, so that the database exists when this test runs alone)
      const before = await storedPageViews(db.databaseUrl, dataDir);
      await pool(20, 5, (i) => visit(a.port, 5000 + i)); // warm up
      const acked: number[] = [];
      let sent = 20;
      let dead = false;
      // A steady stream of hits, killed in the middle of it.
      const stream = pool(1_000_000, 10, async (i) => {
        if (dead) return;
        sent++;
        const r = await visit(a.port, 1000 + (i % 400)).catch(() => null);
        if (r?.status === 200) acked.push(Date.now());
      });
      await new Promise((r) => setTimeout(r, 2500));
      const killedAt = Date.now();
      a.child.kill('SIGKILL');
      dead = true;
      await a.exited;
      await stream;
      const stored = (await storedPageViews(db.databaseUrl, dataDir)) - before - 20;
      const safe = acked.filter((at) => at < killedAt - 1000).length;
      t.diagnostic(`sent ${sent}, acknowledged ${acked.length}, stored ${stored}, acknowledged over a second before the kill ${safe}, lost ${acked.length - Math.min(stored, acked.length)}`);
      assert.ok(acked.length >= 20, 'a steady stream of hits');
      assert.ok(stored >= safe, `everything acknowledged more than a second before the kill is stored (${stored} < ${safe})`);
      assert.ok(stored <= sent - 20, 'nothing counted twice');
      const b = await startServer(env());
      assert.equal((await live(b.port)).total, BASE + before + 20 + stored, 'after the restart the live total is the stored one');
      b.child.kill('SIGTERM');
      assert.equal(await b.exited, 0);
    });
  });
}

durability('SQLite', async () => ({ databaseUrl: null, cleanup: async () => undefined }));
durability('PostgreSQL', async () => {
  try {
    const s = await pgDatabaseUrl();
    return { databaseUrl: s.url, cleanup: s.drop };
  } catch (err) {
    if (process.env.CONG_REQUIRE_PG === '1') throw err;
    return null;
  }
});
