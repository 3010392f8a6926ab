import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { checkPostgres } from '../helpers/db.js';
import { ClusterServer, clientPerWorker, eventually, request, type PinnedClient } from '../helpers/cluster.js';
import { DESKTOP, dropPrefix, redisMissing } from '../stats/helpers.js';

/**
 * Two workers (CONG_WORKERS=2) share what must be exact: purges reach the other worker at once,
 * every page view is written once, a rate limit is one limit. On SQLite and PostgreSQL, without
 * Redis (the primary holds the counts and relays purges) and with it (everything in Redis).
 */
const RATE_LIMIT = 25;
const SETUPS = [
  { name: 'SQLite, no Redis', postgres: false, redis: false },
  { name: 'SQLite, Redis', postgres: false, redis: true },
  { name: 'PostgreSQL, no Redis', postgres: true, redis: false },
  { name: 'PostgreSQL, Redis', postgres: true, redis: true },
];

for (const setup of SETUPS) {
  describe(`two workers share their state [${setup.name}]`, async () => {
    // Awaited through promises of this suite's own (see describeEachDb in ../helpers/db.ts).
    const own = <T>(p: Promise<T>) => new Promise<T>((resolve, reject) => void p.then(resolve, reject));
    const missing = [setup.postgres ? await own(checkPostgres()) : null, setup.redis ? await own(redisMissing()) : null].find(Boolean);
    if (missing && ((setup.postgres && process.env.CONG_REQUIRE_PG === '1') || (setup.redis && process.env.CONG_REQUIRE_REDIS === '1'))) throw new Error(missing);
    if (missing) {
      console.log(`# skipping "${setup.name}": ${missing}`);
      return;
    }
    const prefix = setup.redis ? `congtest:${randomBytes(6).toString('hex')}:` : null;
    let server: ClusterServer;
    let clients: PinnedClient[];
    /** Four connections to each worker: beacons are sent over them, in parallel, half to each worker. */
    let pool: PinnedClient[];
    before(async () => {
      server = await ClusterServer.start({ postgres: setup.postgres, redisPrefix: prefix, env: { CONG_STATS_RATE_LIMIT: String(RATE_LIMIT) } });
      clients = await clientPerWorker(server, 2);
      pool = await clientPerWorker(server, 2, 4);
    });
    after(async () => {
      for (const c of [...(clients ?? []), ...(pool ?? [])]) c.agent.destroy();
      await server?.cleanup();
      if (prefix) await dropPrefix(prefix);
    });

    test('both workers answer, each on its own connections', () => {
      assert.equal(clients.length, 2, 'two distinct worker pids answered');
      assert.deepEqual(clients.map((c) => c.pid).sort(), server.workerPids().sort());
    });

    test('a vote through one worker purges the poll list the other worker has cached', async () => {
      const [a, b] = clients as [PinnedClient, PinnedClient];
      const list = async () => {
        const res = await request(server.port, { path: '/tham-do-y-kien', agent: b.agent, headers: { host: `127.0.0.1:${server.port}` } });
        assert.equal(res.status, 200);
        return res;
      };
      const first = await list();
      const polls = [...first.body.matchAll(/href="\/tham-do-y-kien\/(\d+)">.*?poll-state-(\w+).*?([\d.]+) lượt bình chọn/gs)].map((m) => ({ id: m[1]!, state: m[2]!, total: m[3]! }));
      const poll = polls.find((p) => p.state === 'open');
      assert.ok(poll, `an open poll in the list: ${JSON.stringify(polls)}`);
      const page = await request(server.port, { path: `/tham-do-y-kien/${poll.id}`, agent: a.agent });
      const option = /name="phuong_an" value="(\d+)"/.exec(page.body)?.[1];
      assert.ok(option, 'the poll page has a choice');
      const send = (cookie?: string) => request(server.port, {
        method: 'POST',
        path: `/tham-do-y-kien/${poll.id}`,
        agent: a.agent,
        headers: { host: `127.0.0.1:${server.port}`, origin: `http://127.0.0.1:${server.port}`, 'user-agent': DESKTOP, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '10.1.1.1', ...(cookie ? { cookie } : {}) },
        body: `phuong_an=${option}`,
      });
      // A first vote without the voter cookie gives the cookie and asks to confirm (issue 16).
      const unconfirmed = await send();
      assert.equal(unconfirmed.status, 200, unconfirmed.body.slice(0, 300));
      const cookie = ([] as string[]).concat(unconfirmed.headers['set-cookie'] ?? []).find((c) => c.startsWith('cong_bd='))?.split(';')[0];
      assert.ok(cookie, 'the voter cookie is given');
      const vote = await send(cookie);
      assert.equal(vote.status, 303, vote.body.slice(0, 300));
      // Without the purge the other worker would keep its copy for CONG_PAGE_CACHE_SECONDS (60 s).
      const shown = async () => {
        const body = (await list()).body;
        return Number(new RegExp(`href="/tham-do-y-kien/${poll.id}">.*?([\\d.]+) lượt bình chọn`, 's').exec(body)?.[1]?.replace(/\./g, ''));
      };
      const expected = Number(poll.total.replace(/\./g, '')) + 1;
      const voted = Date.now();
      await eventually(async () => (await shown()) === expected, 2000);
      assert.equal(await shown(), expected, 'the other worker shows the new total');
      console.log(`# [${setup.name}] the other worker showed the vote after ${Date.now() - voted} ms`);
    });

    test('parallel beacons over both workers: every page view written once, each visitor one visit, live numbers complete', async () => {
      const handle = server.openDb();
      try {
        const totals = async () => {
          const r = (await sql<{ pv: number | string | null; vs: number | string | null }>`select sum(page_views) as pv, sum(visits) as vs from stats_daily`.execute(handle.db)).rows[0];
          return { pageViews: Number(r?.pv ?? 0), visits: Number(r?.vs ?? 0) };
        };
        const live = async () => JSON.parse((await request(server.port, { path: '/thong-ke/so-lieu' })).body) as { today: number };
        const before = await totals();
        const todayBefore = (await live()).today;
        // 60 page views by 10 visitors, each of whom reaches both workers.
        const N = 60;
        const answers = await Promise.all(
          Array.from({ length: N }, (_, i) =>
            request(server.port, {
              method: 'POST',
              path: '/thong-ke/ghi',
              agent: pool[i % pool.length]!.agent,
              headers: { 'content-type': 'application/json', 'user-agent': DESKTOP, 'x-forwarded-for': `10.2.${Math.floor(i / 6)}.1` },
              body: '{}',
            }),
          ),
        );
        assert.deepEqual(answers.map((a) => a.status), Array(N).fill(200));
        assert.equal(new Set(pool.map((c) => c.pid)).size, 2, 'both workers counted beacons');
        // Each answer counts what every worker had counted: the last one counted all of them.
        assert.equal(Math.max(...answers.map((a) => (JSON.parse(a.body) as { today: number }).today)), todayBefore + N);
        await eventually(async () => (await totals()).pageViews === before.pageViews + N);
        await new Promise((r) => setTimeout(r, 1500));
        assert.deepEqual(await totals(), { pageViews: before.pageViews + N, visits: before.visits + 10 }, 'every page view written once; a visitor seen by both workers is one visit');
        assert.equal((await live()).today, todayBefore + N);
      } finally {
        await handle.close();
      }
    });

    test(`a limit of ${RATE_LIMIT} beacons a minute from one address holds across the workers`, async () => {
      const answers = await Promise.all(
        Array.from({ length: 3 * RATE_LIMIT }, (_, i) =>
          request(server.port, {
            method: 'POST',
            path: '/thong-ke/ghi',
            agent: pool[i % pool.length]!.agent,
            headers: { 'content-type': 'application/json', 'user-agent': DESKTOP, 'x-forwarded-for': '10.3.3.3' },
            body: '{}',
          }),
        ),
      );
      const ok = answers.filter((a) => a.status === 200).length;
      const limited = answers.filter((a) => a.status === 429).length;
      assert.deepEqual({ ok, limited }, { ok: RATE_LIMIT, limited: 2 * RATE_LIMIT });
      for (const pid of new Set(pool.map((c) => c.pid))) {
        const mine = answers.filter((_, i) => pool[i % pool.length]!.pid === pid);
        assert.ok(mine.some((a) => a.status === 200) && mine.some((a) => a.status === 429), `worker ${pid} let some through and refused others`);
      }
    });
  });
}
