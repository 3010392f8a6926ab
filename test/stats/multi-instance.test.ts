import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { connect } from '../../src/kernel/db/connection.js';
import { dropPrefix, redisMissing, REDIS_URL, testPrefix } from './helpers.js';
import { live, pgDatabaseUrl, pool, startServer, visit } from './process.js';

/**
 * Two real server processes behind the same database and Redis report the same online-now and
 * the same totals, exactly; the database gets every hit once, also when one of them is killed.
 */
const BASE = 184_250;

async function stored(databaseUrl: string | null, dataDir: string): Promise<{ pageViews: number; visitors: number }> {
  const h = connect({ databaseUrl, dataDir });
  try {
    const site = await h.db.selectFrom('sites').select('id').where('is_default', '=', 1).executeTakeFirstOrThrow();
    const pv = await h.db.selectFrom('site_stats').select('page_views').where('site_id', '=', site.id).executeTakeFirstOrThrow();
    const uv = await h.db.selectFrom('stats_daily').select((eb) => eb.fn.sum<string>('visitors').as('n')).where('site_id', '=', site.id).executeTakeFirst();
    return { pageViews: Number(pv.page_views), visitors: Number(uv?.n ?? 0) };
  } finally {
    await h.close();
  }
}

async function eventually(check: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

function twoInstances(name: string, setup: () => Promise<{ databaseUrl: string | null; cleanup(): Promise<void> } | string>) {
  describe(`two app processes with Redis (${name})`, () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cong-stats-two-'));
    const prefix = testPrefix();
    let cleanup = async (): Promise<void> => undefined;
    after(async () => {
      await cleanup();
      await dropPrefix(prefix).catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    });

    test('report the same online-now and totals, exactly, and write every hit once', async (t) => {
      const missing = await redisMissing();
      if (missing) return t.skip(missing);
      const db = await setup();
      if (typeof db === 'string') return t.skip(db);
      cleanup = db.cleanup;
      const env = { CONG_DATA_DIR: dataDir, DATABASE_URL: db.databaseUrl ?? '', REDIS_URL, CONG_REDIS_PREFIX: prefix };
      const a = await startServer(env);
      const b = await startServer(env);
      try {
        await pool(1000, 20, async (i) => {
          const r = await visit(i % 2 ? a.port : b.port, i % 200);
          assert.equal(r.status, 200);
        });
        const [la, lb] = [await live(a.port), await live(b.port)];
        assert.deepEqual(la, lb, 'both instances answer the same');
        assert.equal(la.total, BASE + 1000);
        assert.equal(la.online, 200);
        await eventually(async () => (await stored(db.databaseUrl, dataDir)).pageViews === 1000, 5000);
        assert.deepEqual(await stored(db.databaseUrl, dataDir), { pageViews: 1000, visitors: 200 });

        // One instance dies (it may hold the flush lock); the other goes on, and takes over the flushing.
        a.child.kill('SIGKILL');
        await a.exited;
        await pool(200, 10, (i) => visit(b.port, 300 + i));
        const after = await live(b.port);
        assert.equal(after.total, BASE + 1200);
        assert.equal(after.online, 400);
        await eventually(async () => (await stored(db.databaseUrl, dataDir)).pageViews === 1200, 8000);
        assert.deepEqual(await stored(db.databaseUrl, dataDir), { pageViews: 1200, visitors: 400 });
        b.child.kill('SIGTERM');
        assert.equal(await b.exited, 0, b.output());
      } finally {
        a.child.kill('SIGKILL');
        b.child.kill('SIGKILL');
      }
    });
  });
}

twoInstances('PostgreSQL', async () => {
  try {
    const s = await pgDatabaseUrl();
    return { databaseUrl: s.url, cleanup: s.drop };
  } catch (err) {
    if (process.env.CONG_REQUIRE_PG === '1') throw err;
    return `PostgreSQL is not reachable: ${(err as Error).message}`;
  }
});
twoInstances('SQLite', async () => ({ databaseUrl: null, cleanup: async () => undefined }));
