import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { seedDemoIfEmpty, seedSite } from '../../src/demo.js';
import { features } from '../../src/features/index.js';
import { demoSites } from '../../src/kernel/demo/data/index.js';
import { unpublishArticle } from '../../src/features/articles/commands/workflow.js';
import { keyFrom, keyTo } from '../../src/features/search/document.js';
import { FoldedTextEngine, type MatchSpec, type Scope } from '../../src/features/search/engine.js';
import { reindexSite } from '../../src/features/search/indexer.js';
import { PERIOD, PostgresFtsEngine, tsQuery } from '../../src/features/search/postgres-fts.js';
import { SqliteFtsEngine } from '../../src/features/search/sqlite-fts.js';
import type { Db } from '../../src/kernel/db/connection.js';
import { migrateToLatest } from '../../src/kernel/db/migrate.js';
import { up as articleReview } from '../../src/kernel/db/migrations/0026-article-review.js';
import { parseQuery } from '../../src/kernel/search/query.js';
import { distinctWords } from '../../src/kernel/search/text.js';
import { NAM_HONG_LINH } from '../helpers/app.js';
import { checkPostgres, describeEachDb, DIALECTS, openTestDb, type TestDb } from '../helpers/db.js';
import { addExtraArticles, commandContext, ids, NOW, publishNew } from './helpers.js';

/**
 * The full-text index itself: on PostgreSQL the table search_fts that a trigger keeps in step
 * with search_documents (migration 0016), searched period by period; on SQLite the FTS5 tables.
 */

/** The index holds exactly the documents, with the tsvectors (and tokens) they should have. */
async function assertIndexInStep(db: TestDb): Promise<void> {
  if (db.dialect === 'sqlite') {
    // FTS5 checks its external-content index against search_documents, row by row.
    await sql`INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)`.execute(db.db);
    await sql`INSERT INTO search_titles(search_titles, rank) VALUES ('integrity-check', 1)`.execute(db.db);
    return;
  }
  const { rows } = await sql<{ rank_key: number }>`
    SELECT coalesce(d.rank_key, f.rank_key) AS rank_key
    FROM search_documents d FULL JOIN search_fts f ON f.rank_key = d.rank_key,
      array_to_tsvector(ARRAY['~s' || d.site_id, '~s' || d.site_id || 'p' || (d.rank_key >> 37)]) AS tokens
    WHERE d.rank_key IS NULL OR f.rank_key IS NULL OR f.site_id <> d.site_id OR f.category_id <> d.category_id
      OR f.title_tsv <> to_tsvector('simple', d.title_fold) || tokens
      OR f.tsv <> setweight(to_tsvector('simple', d.title_fold), 'A') || setweight(to_tsvector('simple', d.body_fold), 'B')
        || setweight(to_tsvector('simple', d.codes), 'C') || tokens`.execute(db.db);
  assert.deepEqual(rows, [], 'every document has its index row, and no index row is left without one');
}

const countDocs = async (db: Db) => Number((await db.selectFrom('search_documents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

/** matchKeys is what each engine implements; the probes call it directly. */
class SqliteProbe extends SqliteFtsEngine {
  keys(db: Db, scope: Scope, spec: MatchSpec, limit: number) {
    return this.matchKeys(db, scope, spec, limit);
  }
}
class PostgresProbe extends PostgresFtsEngine {
  keys(db: Db, scope: Scope, spec: MatchSpec, limit: number) {
    return this.matchKeys(db, scope, spec, limit);
  }
}

/** Sixty articles 25 days apart from 2022 (periods 782 to 844), some words in some of them. */
async function addYearsOfArticles(db: Db): Promise<void> {
  const cx = await commandContext(db, NAM_HONG_LINH);
  const start = Date.parse('2022-01-03T02:00:00.000Z');
  for (let i = 0; i < 60; i++) {
    const words = ['Phiên chợ quê', i % 3 === 0 ? 'giếng nước' : '', i < 4 ? 'đê điều' : '', i % 7 === 0 ? 'kênh mương' : ''];
    await publishNew(cx, {
      title: `Bản tin số ${i}${i % 7 === 0 ? ' về kênh mương' : ''}`,
      body: `<p>${words.filter(Boolean).join(', ')}.</p>`,
      category: i % 2 ? 'chinh-quyen' : 'tin-tuc-su-kien',
      at: new Date(start + i * 25 * 86_400_000 + (i % 5) * 3_600_000).toISOString(),
    });
  }
}

/** The newest `limit` documents of site 1 holding every word, worked out from the folded text. */
async function expected(db: Db, scope: Scope, spec: MatchSpec, limit: number): Promise<number[]> {
  const docs = await db.selectFrom('search_documents').select(['rank_key', 'category_id', 'title_fold', 'body_fold', 'codes']).where('site_id', '=', scope.siteId).execute();
  return docs
    .filter((d) => d.rank_key >= scope.lo && d.rank_key <= scope.hi && (!scope.categoryIds || scope.categoryIds.includes(d.category_id)))
    .filter((d) => {
      const tokens = new Set((spec.field === 'title' ? d.title_fold : `${d.title_fold} ${d.body_fold} ${d.codes}`).split(' '));
      return spec.clauses.every((c) => tokens.has(c[0]!));
    })
    .map((d) => d.rank_key)
    .sort((a, b) => b - a)
    .slice(0, limit);
}

describeEachDb('the full-text index', async (db) => {
  await seedDemoIfEmpty(db, db.media);
  await addExtraArticles(db.db, NAM_HONG_LINH);
  await addYearsOfArticles(db.db);
  return {};
}, (get) => {
  test('holds exactly the published documents through publish, unpublish, delete and reindex', async () => {
    const { db } = get();
    await assertIndexInStep(db);
    const cx = await commandContext(db.db, NAM_HONG_LINH, new Date('2026-06-01T02:00:00.000Z'));
    const id = await publishNew(cx, { title: 'Giải pickleball thiếu nhi mở rộng', at: '2026-05-30T02:00:00.000Z' });
    await assertIndexInStep(db);
    assert.deepEqual(await ids(db.db, 1, 'pickleball'), [id]);
    await unpublishArticle(cx, id);
    await assertIndexInStep(db);
    assert.deepEqual(await ids(db.db, 1, 'pickleball'), []);
    const before = await countDocs(db.db);
    // tenancy: a test deleting one article it created on site 1.
    await db.db.deleteFrom('articles').where('site_id', '=', 1).where('id', '=', (await ids(db.db, 1, 'giếng nước'))[0]!).execute();
    assert.equal(await countDocs(db.db), before - 1, 'the cascade took the document');
    await assertIndexInStep(db);
    await reindexSite(db.db, 1);
    await assertIndexInStep(db);
  });

  test('finds the newest matches, in order, across many periods, date ranges and categories', async () => {
    const { db } = get();
    const probe = db.dialect === 'sqlite' ? new SqliteProbe() : new PostgresProbe();
    const cats = await db.db.selectFrom('categories').select('id').where('site_id', '=', 1).where('slug', '=', 'chinh-quyen').execute();
    const scopes: Scope[] = [
      { siteId: 1, lo: Number.MIN_SAFE_INTEGER, hi: keyTo(NOW.getTime()) },
      { siteId: 1, lo: keyFrom(Date.parse('2023-03-01T00:00:00.000Z')), hi: keyTo(Date.parse('2024-06-15T00:00:00.000Z')) },
      { siteId: 1, lo: Number.MIN_SAFE_INTEGER, hi: keyTo(NOW.getTime()), categoryIds: cats.map((c) => c.id) },
      // A range that starts and ends inside periods.
      { siteId: 1, lo: 790 * PERIOD + 12_345, hi: 830 * PERIOD - 77 },
    ];
    const specs: MatchSpec[] = [
      { clauses: [['cho']], field: 'any' },
      { clauses: [['phien'], ['que']], field: 'any' },
      { clauses: [['gieng'], ['nuoc']], field: 'any' },
      { clauses: [['de'], ['dieu']], field: 'any' },
      { clauses: [['kenh']], field: 'title' },
      { clauses: [['ban'], ['tin']], field: 'title' },
    ];
    let checked = 0;
    for (const scope of scopes) {
      for (const spec of specs) {
        for (const limit of [1, 3, 7, 25, 1000]) {
          const want = await expected(db.db, scope, spec, limit);
          assert.deepEqual(await probe.keys(db.db, scope, spec, limit), want, `${JSON.stringify(spec.clauses)} ${spec.field} limit ${limit} in ${JSON.stringify(scope)}`);
          checked += want.length;
        }
      }
    }
    assert.ok(checked > 500, `the cases find something (${checked} keys)`);
  });
});

/** PostgreSQL's matching before migration 0016: the tsvectors were generated columns of search_documents. */
class PostgresBefore0016 extends FoldedTextEngine {
  readonly dialect = 'postgres' as const;
  protected async matchKeys(db: Db, scope: Scope, spec: MatchSpec, limit: number): Promise<number[]> {
    const column = spec.field === 'title' ? sql`title_tsv` : sql`tsv`;
    const words = spec.clauses.some((c) => c.length > 1) ? sql`AND ${column} @@ to_tsquery('simple', ${tsQuery({ clauses: spec.clauses.flat().map((t) => [t]), field: 'title' })})` : sql``;
    const { rows } = await sql<{ k: number }>`
      SELECT rank_key AS k FROM search_documents
      WHERE site_id = ${scope.siteId} AND rank_key BETWEEN ${scope.lo} AND ${scope.hi} ${words}
        AND ${column} @@ to_tsquery('simple', ${tsQuery(spec)})
        ${scope.categoryIds?.length ? sql`AND category_id IN (${sql.join(scope.categoryIds)})` : sql``}
      ORDER BY rank_key DESC LIMIT ${limit}`.execute(db);
    return rows.map((r) => Number(r.k));
  }
}

/** Every page of results, as ids. */
async function allIds(engine: FoldedTextEngine, db: Db, text: string): Promise<number[]> {
  const q = parseQuery(text);
  if (q.kind !== 'ok') throw new Error(text);
  const out: number[] = [];
  for (let page = 1, pages = 1; page <= pages; page++) {
    const r = await engine.search(db, 1, q, { now: NOW }, page);
    out.push(...r.hits.map((h) => h.id));
    pages = r.pages;
  }
  return out;
}

/**
 * Migrations 0016 (PostgreSQL's index table) and 0021 (body_words) on a database that already
 * holds articles, their documents and index. Today's indexer writes body_words, so the database
 * of 0015 gets the column while it is seeded and searched, and loses it before migrating: 0021
 * adds it again and must fill it as the indexer does.
 */
for (const dialect of DIALECTS) {
  test(`migrating a database that holds articles keeps every search result [${dialect}]`, async (t) => {
    if (dialect === 'postgres') {
      const missing = await checkPostgres();
      if (missing && process.env.CONG_REQUIRE_PG === '1') throw new Error(missing);
      if (missing) return t.skip(missing);
    }
    const db = await openTestDb(dialect, '0015-redirects');
    try {
      await sql`ALTER TABLE search_documents ADD COLUMN body_words text NOT NULL DEFAULT ''`.execute(db.db);
      // Today's article commands also keep who edited (0026): those tables too, only while seeding.
      await articleReview(db.db, dialect);
      // The demo's sites and their content as a database of that time holds them (the 2025
      // reorganisation's archive and old addresses need migration 0018).
      // Features whose tables come after 0015 (alerts, albums, video; the disclosure sections, which
      // share the disclosure feature's tables) seed nothing here.
      const tables = new Set((await db.db.introspection.getTables()).map((t) => t.name));
      const then = features.filter((f) => (f.tables ?? []).every((t) => tables.has(t)) && f.section?.group !== 'disclosure');
      for (const site of demoSites) await seedSite(db, db.media, site, new Date(), then);
      await addExtraArticles(db.db, NAM_HONG_LINH);
      const queries = ['nam hong', 'Hồng Lĩnh', 'dân vận khéo', '"dân vận khéo"', '123/QĐ-UBND', 'bánh chưng', 'hoà giải'];
      // Small limits, as a large site's: the ranked candidates, the tail and the count all play.
      const limits = { newest: 4, perTitleTier: 3, maxCounted: 12 };
      const results = async (engine: FoldedTextEngine) => Promise.all(queries.map((q) => allIds(engine, db.db, q)));
      const old = await results(dialect === 'sqlite' ? new SqliteFtsEngine(limits) : new PostgresBefore0016(limits));
      const engine = dialect === 'sqlite' ? new SqliteFtsEngine(limits) : new PostgresFtsEngine(limits);
      assert.ok(old.every((r) => r.length > 0), 'each query finds something');
      await sql`ALTER TABLE search_documents DROP COLUMN body_words`.execute(db.db);
      for (const table of ['article_editors', 'article_pending_edits']) await db.db.schema.dropTable(table).execute();
      const applied = await migrateToLatest(db);
      assert.ok(applied.includes('0016-search-fts-postgres') && applied.includes('0021-search-body-words'), applied.join(', '));
      await assertIndexInStep(db);
      const docs = await db.db.selectFrom('search_documents').select(['body', 'body_words']).execute();
      assert.ok(docs.length > 20 && docs.every((d) => d.body_words === distinctWords(d.body)), 'every document has the body words the indexer gives it');
      assert.deepEqual(await results(engine), old, 'the same results in the same order');
      await reindexSite(db.db, 1);
      await assertIndexInStep(db);
      assert.deepEqual(await results(engine), old, 'and after a reindex');
    } finally {
      await db.cleanup();
    }
  });
}
