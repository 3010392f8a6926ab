import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { ROOT } from '../helpers/app.js';
import { ClusterServer, eventually, request } from '../helpers/cluster.js';
import { DESKTOP, dropPrefix, redisMissing } from '../stats/helpers.js';

/**
 * The primary's care of its workers, on real processes: SIGHUP replaces them one at a time
 * without a failed request, SIGTERM drains them and writes every counted hit, a killed worker is
 * replaced, and a bad CONG_WORKERS stops the start with a clear message.
 */

/** Requests in a loop (a new connection each, `width` at a time) until stopped; counts what came back. */
function load(port: number, width: number, path: () => { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  const tally = { ok: 0, failed: [] as string[] };
  let running = true;
  const loops = Array.from({ length: width }, async () => {
    while (running) {
      try {
        const res = await request(port, path());
        if (res.status === 200) tally.ok++;
        else tally.failed.push(`HTTP ${res.status}`);
      } catch (err) {
        tally.failed.push((err as Error).message);
      }
    }
  });
  return { tally, stop: async () => ((running = false), await Promise.all(loops), tally) };
}

const beacon = () => ({ method: 'POST', path: '/thong-ke/ghi', headers: { 'content-type': 'application/json', 'user-agent': DESKTOP, 'x-forwarded-for': `10.4.${randomBytes(1)[0]}.${randomBytes(1)[0]}` }, body: '{}' });
const page = () => ({ path: '/' });

for (const redis of [false, true]) {
  describe(`the primary's workers [SQLite, ${redis ? 'Redis' : 'no Redis'}]`, async () => {
    const why = redis ? await new Promise<string | null>((resolve, reject) => void redisMissing().then(resolve, reject)) : null;
    if (why && process.env.CONG_REQUIRE_REDIS === '1') throw new Error(why);
    if (why) return void console.log(`# skipping: ${why}`);
    const prefix = redis ? `congtest:${randomBytes(6).toString('hex')}:` : null;
    let server: ClusterServer;
    before(async () => {
      server = await ClusterServer.start({ redisPrefix: prefix, env: { CONG_STATS_RATE_LIMIT: '0', LOG_LEVEL: 'warn', CONG_ACCESS_LOG: 'false' } });
    });
    after(async () => {
      await server?.cleanup();
      if (prefix) await dropPrefix(prefix);
    });

    test('the welcome is printed once, by the primary', () => {
      assert.equal(server.out.match(/Trang quản trị: http:\/\/localhost:\d+\/quan-tri/g)?.length, 1);
      assert.equal(server.out.match(/Mật khẩu nằm trong tệp \S+mat-khau-quan-tri-dau-tien\.txt/g)?.length, 1);
      assert.doesNotMatch(server.out, /Mật khẩu: /, 'the password itself is never printed');
      assert.equal(server.workerPids().length, 2);
    });

    test('a worker killed with SIGKILL is replaced, and the site answers meanwhile', async () => {
      const [victim, survivor] = server.workerPids() as [number, number];
      process.kill(victim, 'SIGKILL');
      // A connection the primary handed to the victim just before it died is lost with it (as
      // with one process); once the primary has seen the death, the survivor takes every one.
      await server.waitFor(new RegExp(`worker ${victim} died \\(SIGKILL\\); a new one starts in 0 ms`), 10_000);
      const answers = await Promise.all(Array.from({ length: 8 }, () => request(server.port, { ...page(), timeoutMs: 5000 }).then((r) => r.status, (e: Error) => e.message)));
      assert.deepEqual(answers, Array(8).fill(200), 'the site answers');
      await server.waitFor(new RegExp(`worker ${victim} replaced`), 30_000);
      const now = server.workerPids();
      assert.ok(now.length === 2 && now.includes(survivor) && !now.includes(victim), `a new worker replaced ${victim}: ${now}`);
    });

    test('SIGHUP under load replaces every worker without one failed request', async () => {
      const old = server.workerPids();
      const pages = load(server.port, 4, page);
      const beacons = load(server.port, 2, beacon);
      await new Promise((r) => setTimeout(r, 500));
      const mark = server.out.length;
      server.child.kill('SIGHUP');
      await new Promise<void>((resolve, reject) => {
        const t = setInterval(() => {
          if (server.out.slice(mark).includes('reload done')) (clearInterval(t), resolve());
        }, 50);
        setTimeout(() => (clearInterval(t), reject(new Error(`no reload:\n${server.out.slice(mark)}`))), 90_000);
      });
      await new Promise((r) => setTimeout(r, 300));
      const [p, b] = [await pages.stop(), await beacons.stop()];
      assert.deepEqual({ pages: p.failed, beacons: b.failed }, { pages: [], beacons: [] }, 'no request failed');
      assert.ok(p.ok > 50 && b.ok > 20, `requests ran during the reload (${p.ok} pages, ${b.ok} beacons)`);
      const fresh = server.workerPids();
      assert.equal(fresh.length, 2);
      assert.deepEqual(fresh.filter((pid) => old.includes(pid)), [], 'every worker is new');
    });

    test('SIGTERM under load: the workers drain, every accepted hit is written, exit 0', async () => {
      const handle = server.openDb();
      const pageViews = async () => Number((await sql<{ n: number | string | null }>`select sum(page_views) as n from stats_daily`.execute(handle.db)).rows[0]?.n ?? 0);
      try {
        await new Promise((r) => setTimeout(r, 1500));
        const before = await pageViews();
        const beacons = load(server.port, 4, beacon);
        await new Promise((r) => setTimeout(r, 1500));
        const code = await server.stop('SIGTERM');
        const tally = await beacons.stop();
        assert.equal(code, 0, server.out.slice(-2000));
        assert.ok(tally.ok > 20, `beacons were answered (${tally.ok})`);
        assert.ok(tally.failed.every((f) => /ECONNREFUSED|ECONNRESET|socket hang up/.test(f)), `only refusals once stopping: ${[...new Set(tally.failed)]}`);
        assert.equal((await pageViews()) - before, tally.ok, 'every hit answered 200 is in the database, none more');
      } finally {
        await handle.close();
      }
    });
  });
}

describe('a bad CONG_WORKERS stops the start with a clear message', () => {
  for (const bad of ['0', '-1', 'abc']) {
    test(`CONG_WORKERS=${bad}: exit 2`, async () => {
      const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main.ts')], {
        env: { ...process.env, CONG_WORKERS: bad, PORT: '0', CONG_DATA_DIR: '/nonexistent-never-created' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      assert.equal(code, 2);
      assert.equal(err.trim(), `Cấu hình không hợp lệ: CONG_WORKERS must be "auto" or an integer between 1 and 256, got "${bad}"`);
    });
  }
});
