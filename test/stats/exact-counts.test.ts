import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { connect, type DatabaseHandle } from '../../src/kernel/db/connection.js';
import { NAM_HONG_LINH } from '../helpers/app.js';
import { describeEachDb, PG_URL, type TestDb } from '../helpers/db.js';
import { beacon, DESKTOP, dropPrefix, PHONE, redisMissing, statsApp, testPrefix, visitorIp } from './helpers.js';

const HITS = 10_000;
const VISITORS = 2_000;

/** 10 000 page views by 2 000 visitors (5 each), a third on articles, some from Google or Zalo. */
function plan(articles: number[]) {
  return Array.from({ length: HITS }, (_, i) => {
    const v = i % VISITORS;
    return {
      ip: visitorIp(v % 1000),
      ua: v < 1000 ? PHONE : DESKTOP,
      article: i % 3 === 0 ? articles[i % articles.length] : undefined,
      referrer: i % 10 === 0 ? 'https://www.google.com/' : i % 10 === 1 ? 'https://zalo.me/x' : undefined,
    };
  });
}

async function expectExact(db: TestDb, articles: number[]) {
  const q = db.db;
  assert.equal(Number((await q.selectFrom('site_stats').select('page_views').where('site_id', '=', 1).executeTakeFirstOrThrow()).page_views), HITS);
  const daily = await q.selectFrom('stats_daily').select(['page_views', 'visits', 'visitors']).where('site_id', '=', 1).execute();
  assert.deepEqual(daily.map((r) => [Number(r.page_views), Number(r.visits), Number(r.visitors)]), [[HITS, VISITORS, VISITORS]]);
  const totals = await q.selectFrom('stats_totals').select(['visits', 'visitors']).where('site_id', '=', 1).executeTakeFirstOrThrow();
  assert.deepEqual([Number(totals.visits), Number(totals.visitors)], [VISITORS, VISITORS]);
  const views = await q.selectFrom('stats_article_totals').select(['article_id', 'views']).where('site_id', '=', 1).execute();
  const expected = new Map<number, number>();
  plan(articles).forEach((p) => p.article !== undefined && expected.set(p.article, (expected.get(p.article) ?? 0) + 1));
  assert.deepEqual(new Map(views.map((v) => [v.article_id, Number(v.views)])), expected);
  const refs = await q.selectFrom('stats_referrers').select(['domain', 'hits']).where('site_id', '=', 1).orderBy('domain').execute();
  assert.deepEqual(refs.map((r) => [r.domain, Number(r.hits)]), [['google.com', HITS / 10], ['zalo.me', HITS / 10]]);
  const dev = await q.selectFrom('stats_devices').select(['device', 'hits']).where('site_id', '=', 1).orderBy('device').execute();
  assert.deepEqual(dev.map((r) => [r.device, Number(r.hits)]), [['desktop', HITS / 2], ['mobile', HITS / 2]]);
  const seen = await q.selectFrom('online_visitors').select((eb) => eb.fn.countAll<number>().as('n')).where('site_id', '=', 1).executeTakeFirstOrThrow();
  assert.equal(Number(seen.n), VISITORS);
}

const articlesOf = async (db: TestDb) =>
  (await db.db.selectFrom('articles').select('id').where('site_id', '=', 1).where('status', '=', 'published').orderBy('id').limit(7).execute()).map((r) => r.id);

describeEachDb('10 000 concurrent page views, one instance (in memory)', async (db) => ({ app: await statsApp(db) }), (get) => {
  test('are all counted, exactly, while flushes run in between', async () => {
    const { app, db } = get();
    const articles = await articlesOf(db);
    const sends = plan(articles).map((p, i) => {
      const r = beacon(app, p);
      return i % 2500 === 0 ? r.then(async (x) => (await app.stats.flush(), x)) : r;
    });
    const codes = (await Promise.all(sends)).map((r) => r.statusCode);
    assert.ok(codes.every((c) => c === 200));
    const live = (await app.inject({ url: '/thong-ke/so-lieu', headers: { host: NAM_HONG_LINH } })).json();
    assert.equal(live.total, 184_250 + HITS);
    assert.equal(live.online, VISITORS);
    await app.stats.flush();
    await expectExact(db, articles);
  });
}, async ({ app }: { app: FastifyInstance }) => {
  await app.close();
});

function secondConnection(db: TestDb): DatabaseHandle {
  return db.dialect === 'sqlite' ? connect({ databaseUrl: null, dataDir: db.dataDir }) : connect({ databaseUrl: PG_URL, dataDir: db.dataDir, pgSchema: db.schema });
}

interface Pair {
  a: FastifyInstance;
  b: FastifyInstance;
  other: DatabaseHandle;
  prefix: string;
}

describeEachDb('10 000 concurrent page views, two instances sharing Redis', async (db): Promise<Pair | { skip: string }> => {
  const missing = await redisMissing();
  if (missing) return { skip: missing };
  const prefix = testPrefix();
  const a = await statsApp(db, { redisPrefix: prefix });
  const other = secondConnection(db);
  const b = await statsApp(Object.assign(other, { dataDir: db.dataDir, media: db.media, cleanup: async () => undefined }), { redisPrefix: prefix });
  return { a, b, other, prefix };
}, (get) => {
  test('are counted exactly, and both instances show the same online and totals', async (t) => {
    const g = get();
    if ('skip' in g) return t.skip(g.skip);
    const articles = await articlesOf(g.db);
    const codes = (await Promise.all(plan(articles).map((p, i) => beacon(i % 2 ? g.a : g.b, p)))).map((r) => r.statusCode);
    assert.ok(codes.every((c) => c === 200));
    const read = async (app: FastifyInstance) => (await app.inject({ url: '/thong-ke/so-lieu', headers: { host: NAM_HONG_LINH } })).json();
    const [ra, rb] = [await read(g.a), await read(g.b)];
    assert.deepEqual(ra, rb, 'the same numbers on both instances');
    assert.equal(ra.total, 184_250 + HITS);
    assert.equal(ra.online, VISITORS);
    await Promise.all([g.a.stats.flush(), g.b.stats.flush()]);
    await expectExact(g.db, articles);
    assert.deepEqual(await read(g.b), ra, 'unchanged once written to the database');
  });
}, async (g) => {
  if ('skip' in g) return;
  await g.a.close();
  await g.b.close();
  await g.other.close();
  await dropPrefix(g.prefix);
});
