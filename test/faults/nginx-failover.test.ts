import { randomBytes } from 'node:crypto';
import assert from 'node:assert/strict';
import https from 'node:https';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { OwnRedis, redisServerMissing } from '../helpers/redis-server.js';
import { CongProcess } from './cong-process.js';
import { emptyTally, load, type LoadTally, type LoadTarget } from './load.js';
import { Nginx, nginxMissing } from './nginx.js';
import { OwnPostgres, postgresMissing } from './own-postgres.js';
import { Publisher } from './publisher.js';
import { connect } from '../../src/kernel/db/connection.js';
import { makeUser, PASSWORD } from '../helpers/admin.js';

/**
 * Faults with real processes on loopback: nginx (docs/nginx.conf) in front of two Cổng processes
 * on a PostgreSQL and a Redis of the test's own, under a concurrent client (page reads, votes,
 * comments). (a) kill -9 one instance: nginx retries the other, no acknowledged write is lost;
 * (b) PostgreSQL crashes and comes back: readiness goes 503 and back, no process dies, no
 * half-written row; (c) Redis is killed: pages keep coming, forms answer 503, never 500.
 * Skipped with a printed reason when a binary is missing, unless CI=1.
 */
const missing = nginxMissing() ?? postgresMissing() ?? redisServerMissing();
if (missing && process.env.CI === '1') throw new Error(`${missing} (CI=1: the fault tests must run)`);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('faults behind nginx: two Cổng processes, PostgreSQL, Redis', { skip: missing ?? false, timeout: 115_000 }, () => {
  let db: OwnPostgres;
  let redis: OwnRedis;
  let a: CongProcess;
  let b: CongProcess;
  let nginx: Nginx;
  let env: Record<string, string>;
  let target: LoadTarget;
  /** Every write acknowledged over the whole file: checked against the database at each step. */
  const acked = { ratings: 0, comments: [] as string[] };

  const query = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> => {
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    try {
      return (await c.query<T>(text, values)).rows;
    } finally {
      await c.end();
    }
  };

  before(async () => {
    db = await OwnPostgres.create();
    db.start();
    redis = await OwnRedis.start();
    env = { DATABASE_URL: db.url, REDIS_URL: redis.url, CONG_REDIS_PREFIX: 'cong:', CONG_TRUST_PROXY: '1', CONG_DEMO: 'true', CONG_STATS_RATE_LIMIT: '0' };
    // Two hosts sharing one database share the key that seals the TOTP secrets (README, CONG_SECRET_KEY).
    env.CONG_SECRET_KEY = randomBytes(32).toString('base64');
    // One after the other: the first migrates and loads the demo sites.
    a = await CongProcess.start(env);
    b = await CongProcess.start(env);
    nginx = await Nginx.start([a.port, b.port]);
    const [site] = await query<{ site_id: number; host: string }>("select site_id, host from site_hosts where host like 'namhonglinh.%'");
    const articles = await query<{ id: number; slug: string }>("select id, slug from articles where site_id = $1 and status = 'published' order by id limit 20", [site!.site_id]);
    // Comments spread over 20 articles: each takes 10 answers to the fallback question per 10 minutes (COMMENT_LIMITS).
    const pages = ['/', '/hoi-dap', '/tham-do-y-kien', ...articles.slice(0, 6).map((r) => `/bai-viet/${r.slug}-${r.id}`)];
    target = { port: nginx.https, host: site!.host, articleIds: articles.map((r) => r.id), pages };
    const handle = connect({ databaseUrl: db.url, dataDir: a.dataDir });
    await makeUser(handle.db, 'truongban', [{ siteId: site!.site_id, role: 'approver' }]);
    await handle.close();
  });

  after(async () => {
    await nginx?.stop();
    await a?.stop();
    await b?.stop();
    await redis?.kill();
    db?.destroy();
  });

  /** No acknowledged write missing, no vote counted without its row (or the reverse). */
  async function assertNothingLost(t: LoadTally): Promise<void> {
    acked.ratings += t.ratingsAcked;
    acked.comments.push(...t.commentsAcked);
    const [votes] = await query<{ n: number }>("select count(*)::int as n from rating_votes");
    assert.ok(votes!.n >= acked.ratings, `${votes!.n} votes stored, ${acked.ratings} acknowledged`);
    if (acked.comments.length) {
      const [found] = await query<{ n: number }>('select count(distinct content)::int as n from comments where content = any($1)', [acked.comments]);
      assert.equal(found!.n, acked.comments.length, 'every acknowledged comment is stored');
    }
    const skewed = await query('select a.id from articles a left join (select article_id, count(*)::int as n, coalesce(sum(stars), 0)::int as s from rating_votes group by article_id) v on v.article_id = a.id where a.rating_count <> coalesce(v.n, 0) or a.rating_sum <> coalesce(v.s, 0)');
    assert.deepEqual(skewed, [], 'each article\'s stored count and sum match its votes (no half-written vote)');
  }

  function report(name: string, t: LoadTally, extra: Record<string, number> = {}): void {
    console.log(`# ${name}: sent ${t.sent}, answered ${t.answered}, ok ${t.ok}, failed ${t.failed}, ratings ${t.ratingsAcked}/${t.ratingsSent} acknowledged, comments ${t.commentsAcked.length}/${t.commentsSent} acknowledged, statuses ${JSON.stringify(t.statuses)}${t.oddities.map((o) => `\n#   ${o}`).join('')}${Object.entries(extra).map(([k, v]) => `, ${k} ${v}`).join('')}`);
  }

  test('nginx buffers a large body in its temporary directory and passes it on', async () => {
    // 200 KB: more than nginx keeps in memory (16 KB), less than Cổng's 256 KB body limit.
    const body = new URLSearchParams({ ho_ten: 'Người thử', email: '', noi_dung: 'x'.repeat(200_000), ma_cau_hoi: 'x', dap_an: '1' }).toString();
    const status = await new Promise<number>((resolve, reject) => {
      const req = https.request({ host: '127.0.0.1', port: target.port, method: 'POST', path: `/binh-luan/${target.articleIds[0]}`, rejectUnauthorized: false, headers: { host: target.host, origin: `https://${target.host}`, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end(body);
    });
    assert.equal(status, 422, 'the comment reached Cổng, which found it too long');
  });

  test('(a) kill -9 of one instance under load: nginx retries the other, nothing acknowledged is lost', async () => {
    // An editor publishes, one article every 600 ms, across the kill.
    const editor = await Publisher.signIn(target, 'truongban', PASSWORD);
    const [category] = await query<{ id: number }>('select id from categories where site_id = (select site_id from site_hosts where host = $1) order by id limit 1', [target.host]);
    const drafts: number[] = [];
    for (let i = 0; i < 8; i++) drafts.push(await editor.draft(`Bài thử xuất bản số ${i + 1}`, category!.id));
    const published: number[] = [];
    const publishAnswers: number[] = [];
    const logBefore = nginx.accessLog().length;
    const tally = emptyTally();
    const killed = sleep(2000).then(() => a.kill());
    const publishing = (async () => {
      for (const id of drafts) {
        await sleep(600);
        const status = await editor.publish(id);
        publishAnswers.push(status);
        if (status === 303) published.push(id);
      }
    })();
    const done = load(target, tally, 6, killed.then(() => sleep(3000)));
    await killed;
    assert.equal(a.alive, false);
    await Promise.all([done, publishing]);
    try {
      await checkKill();
    } finally {
      // Back in service behind the same nginx, for the next tests (the dead one's directory removed).
      await a.stop();
      a = await CongProcess.start(env, a.port);
    }

    async function checkKill() {
      await sleep(300); // nginx writes a line once the answer is sent
      const lines = nginx.accessLog().slice(logBefore);
      const retried = lines.filter((l) => /up="[^"]*, /.test(l)).length;
      report('kill -9', tally, { 'nginx lines': lines.length, retried, 'publications acknowledged': published.length, 'of': drafts.length });
      console.log(`# publish answers: ${publishAnswers.join(' ')}`);
      // Every answer is in nginx's log (a client that gives up is logged too, as 499).
      assert.ok(lines.length >= tally.answered + publishAnswers.filter(Boolean).length, 'nginx logged every answered request');
      const live = await query<{ id: number }>("select id from articles where id = any($1) and status = 'published'", [published]);
      assert.equal(live.length, published.length, 'every acknowledged publication is in the database');
      assert.ok(published.length >= drafts.length - 1, `${published.length} of ${drafts.length} published`);
      assert.ok(retried >= 1, 'nginx sent at least one request on to the other instance');
      assert.equal(tally.statuses['500'] ?? 0, 0);
      // Only a write in flight on the killed instance may fail (nginx never resends a POST it sent).
      assert.ok(tally.failed <= 6, `${tally.failed} failed`);
      assert.ok(tally.ok > 50, `${tally.ok} answered well`);
      await assertNothingLost(tally);
      assert.ok(b.alive);
    }
  });

  test('(b) PostgreSQL crashes under load: readiness goes 503 and back, no process dies, no half-written row', async () => {
    const tally = emptyTally();
    const ready: Record<string, number[]> = { a: [], b: [] };
    const readyBodies: string[] = [];
    let polling = true;
    const poll = (async () => {
      while (polling) {
        for (const [name, p] of [['a', a], ['b', b]] as const) {
          const res = await fetch(`http://127.0.0.1:${p.port}/readyz`).catch(() => null);
          const status = res?.status ?? 0;
          const list = ready[name]!;
          if (list.at(-1) !== status) list.push(status);
          if (status === 503) readyBodies.push(await res!.text());
        }
        await sleep(100);
      }
    })();
    const outage = (async () => {
      await sleep(1000);
      db.crash();
      await sleep(2000);
      db.start();
      await sleep(2500);
    })();
    await load(target, tally, 4, outage);
    polling = false;
    await poll;
    report('PostgreSQL crash', tally, { 'ready transitions a': ready.a!.length, 'ready transitions b': ready.b!.length });
    console.log(`# readyz: a ${ready.a!.join(' → ')}, b ${ready.b!.join(' → ')}`);
    assert.ok(a.alive && b.alive, `both processes alive:\n${a.out.slice(-1500)}\n${b.out.slice(-1500)}`);
    const failures = [a, b].flatMap((p) => p.out.split('\n').filter((l) => l.includes('request failed')).map((l) => l.slice(0, 600)));
    assert.equal(tally.statuses['500'] ?? 0, 0, `an outage is a 503, not a 500:\n${failures.join('\n')}`);
    if (ready.a![0] === 404) {
      console.log('# /readyz is not on this branch yet (branch ops): readiness transitions not checked');
    } else {
      for (const name of ['a', 'b']) assert.deepEqual(ready[name], [200, 503, 200], `readiness of ${name}`);
      assert.ok(readyBodies.every((t) => /database|postgres|cơ sở dữ liệu/i.test(t)), 'the 503 names the database');
    }
    assert.ok(tally.unavailable.length > 0, 'some requests met the outage');
    for (const body of tally.unavailable) assert.match(body, /Hệ thống đang tạm gián đoạn/, 'a Vietnamese message, not a stack or a bare error');
    await assertNothingLost(tally);
    // Everything works again, through both instances.
    const after = emptyTally();
    await load(target, after, 2, sleep(1500));
    assert.equal(after.failed, 0, JSON.stringify(after.statuses));
    assert.ok(after.ratingsAcked > 0);
    await assertNothingLost(after);
  });

  test('(c) Redis killed under load: pages keep coming, forms answer 503 (never 500), all back when it returns', async () => {
    const before = emptyTally();
    await load(target, before, 4, sleep(800));
    await redis.kill();
    const during = emptyTally();
    await load(target, during, 4, sleep(2500));
    report('Redis down', during);
    const probe = await fetch(`http://127.0.0.1:${a.port}/readyz`);
    assert.equal(probe.status, 503);
    assert.deepEqual(((await probe.json()) as { failing: string[] }).failing, ['redis'], 'readiness names Redis');
    assert.equal(during.statuses['500'] ?? 0, 0);
    assert.equal(during.statuses.error ?? 0, 0, 'every request answered');
    assert.ok((during.statuses['200'] ?? 0) > 20, 'pages served');
    assert.equal(during.commentsAcked.length, 0, 'comments wait for Redis');
    assert.ok((during.statuses['503'] ?? 0) >= during.commentsSent, 'each comment answered 503');
    await redis.start();
    await sleep(1000);
    const afterwards = emptyTally();
    await load(target, afterwards, 4, sleep(1500));
    report('Redis back', afterwards);
    assert.equal(afterwards.failed, 0, JSON.stringify(afterwards.statuses));
    assert.ok(afterwards.commentsAcked.length > 0, 'comments accepted again');
    for (const t of [before, during, afterwards]) await assertNothingLost(t);
    assert.ok(a.alive && b.alive);
  });
});
