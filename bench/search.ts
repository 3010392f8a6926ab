/**
 * Search at 100,000 articles (BENCH_ARTICLES to change): seeds realistic Vietnamese articles of
 * about 400 words into SQLite and PostgreSQL (BENCH_PG_URL, its own schema, dropped afterwards;
 * BENCH_PG=0 to skip), builds the index with the `cong reindex` code, and measures 50 fixed
 * queries through the engine (count, candidates, ranking, snippets of page 1) against a naive
 * LIKE '%…%' search and the engines' own ranking (bm25 / ts_rank) on the same data.
 * Target: p95 < 20 ms on both engines.  Run: node --import tsx bench/search.ts
 * BENCH_KEEP=<name> keeps the corpus (SQLite in <tmpdir>/cong-bench-search-<name>, PostgreSQL in
 * the schema bench_search_<name>) and reuses it when run again: only the migrations that are new
 * run, and the index is rebuilt only when it does not hold every article (BENCH_REINDEX=1 forces
 * it, =sqlite or =postgres on one engine). BENCH_REUSE_ONLY=1 measures a kept corpus and never builds one. BENCH_RESULTS=<file> writes
 * what each engine found per query (count, ids of pages 1 and 3), to compare runs of two versions.
 * BENCH_OURS_ONLY=1 leaves out the comparisons (ts_rank / bm25 over all matches, LIKE).
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { connect, type DatabaseHandle } from '../src/kernel/db/connection.js';
import type { NewArticle } from '../src/kernel/db/schema.js';
import { migrateToLatest } from '../src/kernel/db/migrate.js';
import { seedDemoIfEmpty } from '../src/demo.js';
import { LocalDirectory } from '../src/kernel/storage/local-directory.js';
import { formatNumber } from '../src/kernel/lib/format.js';
import { paragraphsToHtml } from '../src/kernel/lib/html.js';
import { searchFold, slugify } from '../src/kernel/lib/text.js';
import { tiers } from '../src/features/search/engine.js';
import { engineOf, reindexSite } from '../src/features/search/indexer.js';
import { tsQuery } from '../src/features/search/postgres-fts.js';
import { parseQuery, type SearchQuery } from '../src/kernel/search/query.js';
import { ftsExpression } from '../src/features/search/sqlite-fts.js';
import { generateArticle, QUERIES } from './search-corpus.js';

const N = Number(process.env.BENCH_ARTICLES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PG_URL = process.env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432/test';
const KEEP = process.env.BENCH_KEEP ? process.env.BENCH_KEEP.replace(/[^a-z0-9_]/gi, '') : null;
const NOW = new Date('2026-12-01T00:00:00.000Z');
const START = Date.parse('2016-01-01T00:00:00.000Z');

interface Row { name: string; build?: number; size?: number; searchSize?: number; p50: number; p95: number; max: number; cpu50?: number; cpu95?: number; found: number; note?: string }

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function stats(name: string, times: number[], found: number, extra: Partial<Row> = {}): Row {
  const t = [...times].sort((a, b) => a - b);
  return { name, p50: pct(t, 50), p95: pct(t, 95), max: t[t.length - 1]!, found, ...extra };
}

/** Seeds the corpus unless a kept one is there already; says whether it seeded. */
async function seed(h: DatabaseHandle, dataDir: string): Promise<boolean> {
  const t0 = performance.now();
  const applied = await migrateToLatest(h);
  if (applied.length) process.stderr.write(`  ${h.dialect}: ${applied.join(', ')} (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
  await seedDemoIfEmpty(h, new LocalDirectory(join(dataDir, 'media')));
  const { n } = await h.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).where('site_id', '=', 1).executeTakeFirstOrThrow();
  if (KEEP && Number(n) >= N) return false;
  if (process.env.BENCH_REUSE_ONLY) throw new Error(`No kept corpus of ${N} articles in ${h.dialect} (${n} articles)`);
  const cats = (await h.db.selectFrom('categories').select('id').where('site_id', '=', 1).execute()).map((c) => c.id);
  for (let done = 0; done < N; ) {
    const batch: NewArticle[] = [];
    for (let i = 0; i < 500 && done < N; i++, done++) {
      const a = generateArticle(done);
      const t = new Date(START + done * Math.floor((NOW.getTime() - START) / N) + (done % 7) * 60_000).toISOString();
      batch.push({
        site_id: 1, category_id: cats[done % cats.length]!, title: a.title, slug: slugify(a.title), title_fold: searchFold(a.title), sapo: a.sapo,
        body_html: paragraphsToHtml(a.paragraphs), author: '', source: '', status: 'published' as const, published_at: t, updated_at: t,
        created_at: t, featured: 0, legacy_id: null,
      });
    }
    await h.db.transaction().execute((tx) => tx.insertInto('articles').values(batch).execute());
    if (done % 10_000 === 0) process.stderr.write(`\r  ${h.dialect}: ${formatNumber(done)}/${formatNumber(N)} bài đã nạp`);
  }
  process.stderr.write('\n');
  return true;
}

async function sizes(h: DatabaseHandle, file: string): Promise<{ size: number; searchSize: number }> {
  if (h.dialect === 'sqlite') {
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(h.db);
    const { rows } = await sql<{ n: number }>`SELECT sum(pgsize) AS n FROM dbstat WHERE name LIKE 'search%' OR name LIKE 'sqlite_autoindex_search%'`.execute(h.db).catch(() => ({ rows: [{ n: NaN }] }));
    return { size: statSync(file).size, searchSize: Number(rows[0]?.n) };
  }
  const { rows } = await sql<{ total: number; search: number }>`
    SELECT sum(pg_total_relation_size(c.oid))::bigint AS total,
           sum(CASE WHEN c.relname IN ('search_documents', 'search_fts') THEN pg_total_relation_size(c.oid) ELSE 0 END)::bigint AS search
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ${h.schema!} AND c.relkind = 'r'`.execute(h.db);
  return { size: Number(rows[0]!.total), searchSize: Number(rows[0]!.search) };
}

const parsed = QUERIES.map((text) => {
  const q = parseQuery(text);
  if (q.kind !== 'ok') throw new Error(`bench query is not a query: ${text}`);
  return { text, q: q as SearchQuery };
});

/** What a query found: the count, and the ids of page 1 and page 3 in order ("1000: 7, 9 … | …"). */
type Found = string;

async function measureEngine(h: DatabaseHandle): Promise<{ times: number[]; cpu: number[]; found: number; perQuery: Map<string, Found> }> {
  const engine = engineOf(h.db);
  const perQuery = new Map<string, Found>();
  const totals = new Map<string, number>();
  for (const { text, q } of parsed) {
    const first = await engine.search(h.db, 1, q, { now: NOW }, 1);
    const third = await engine.search(h.db, 1, q, { now: NOW }, 3);
    totals.set(text, first.total);
    perQuery.set(text, `${first.total}: ${first.hits.map((x) => x.id).join(', ')} | ${third.hits.map((x) => x.id).join(', ')}`);
  }
  const times: number[] = [];
  const cpu: number[] = [];
  const slowest = new Map<string, number>();
  for (let run = 0; run < RUNS; run++) {
    for (const { text, q } of parsed) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await engine.search(h.db, 1, q, { now: NOW }, 1);
      const ms = performance.now() - t0;
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
      times.push(ms);
      slowest.set(text, Math.min(slowest.get(text) ?? Infinity, h.dialect === 'sqlite' ? cpu[cpu.length - 1]! : ms));
    }
  }
  if (process.env.BENCH_VERBOSE) {
    for (const [text, ms] of [...slowest].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.error(`  ${ms.toFixed(1).padStart(7)} ms ${h.dialect === 'sqlite' ? 'CPU' : 'wall'} (best of ${RUNS})  ${totals.get(text)} matches  ${text}`);
  }
  return { times, cpu, found: [...totals.values()].filter((n) => n > 0).length, perQuery };
}

/** The naive search: the typed text anywhere in title, sapo or body; a count and the newest 10. */
async function measureLike(h: DatabaseHandle): Promise<{ times: number[]; found: number }> {
  const times: number[] = [];
  let found = 0;
  const like = h.dialect === 'postgres' ? sql`ILIKE` : sql`LIKE`;
  for (const { q } of parsed) {
    const pattern = `%${q.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const where = sql`site_id = 1 AND status = 'published' AND published_at <= ${NOW.toISOString()}
      AND (title ${like} ${pattern} ESCAPE '\\' OR sapo ${like} ${pattern} ESCAPE '\\' OR body_html ${like} ${pattern} ESCAPE '\\')`;
    const t0 = performance.now();
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM articles WHERE ${where}`.execute(h.db);
    await sql`SELECT id, title FROM articles WHERE ${where} ORDER BY published_at DESC LIMIT 10`.execute(h.db);
    times.push(performance.now() - t0);
    if (Number(rows[0]!.n) > 0) found++;
  }
  return { times, found };
}

/** The engine's own ranking over every match (what we chose not to do): bm25 or ts_rank, top 10. */
async function measureNativeRank(h: DatabaseHandle): Promise<number[]> {
  const times: number[] = [];
  for (const { q } of parsed) {
    const spec = tiers(q)[2];
    const scope = { siteId: 1, lo: Number.MIN_SAFE_INTEGER, hi: Number.MAX_SAFE_INTEGER };
    const t0 = performance.now();
    if (h.dialect === 'sqlite') {
      await sql`SELECT rowid FROM search_fts WHERE search_fts MATCH ${ftsExpression(scope, spec)} ORDER BY bm25(search_fts, 10.0, 1.0, 0.0) LIMIT 10`.execute(h.db);
    } else {
      await sql`SELECT rank_key FROM search_fts WHERE site_id = 1 AND tsv @@ to_tsquery('simple', ${tsQuery(spec)})
        ORDER BY ts_rank('{0.1, 0.2, 0.4, 1.0}', tsv, to_tsquery('simple', ${tsQuery(spec)})) DESC LIMIT 10`.execute(h.db);
    }
    times.push(performance.now() - t0);
  }
  return times;
}

async function runOn(h: DatabaseHandle, dataDir: string, label: string): Promise<{ rows: Row[]; perQuery: Map<string, Found> }> {
  process.stderr.write(`${label}: nạp ${formatNumber(N)} bài…\n`);
  const seeded = await seed(h, dataDir);
  const indexed = await h.db.selectFrom('search_documents').select((eb) => eb.fn.countAll<number>().as('n')).where('site_id', '=', 1).executeTakeFirstOrThrow();
  let build: number | undefined;
  if (seeded || Number(indexed.n) < N || process.env.BENCH_REINDEX === '1' || process.env.BENCH_REINDEX === h.dialect) {
    const t0 = performance.now();
    await reindexSite(h.db, 1, (done, total) => {
      if (done % 10_000 === 0 || done === total) process.stderr.write(`\r  Đang lập chỉ mục: ${formatNumber(done)}/${formatNumber(total)} bài (${Math.floor((done / total) * 100)}%)`);
    });
    process.stderr.write('\n');
    build = (performance.now() - t0) / 1000;
    await sql`ANALYZE`.execute(h.db);
  }
  const size = await sizes(h, join(dataDir, 'cong.db'));
  process.stderr.write(`${label}: đo ${parsed.length} truy vấn × ${RUNS}…\n`);
  const engine = await measureEngine(h);
  const cpuOf = (e: { cpu: number[] }) => {
    const sorted = [...e.cpu].sort((a, b) => a - b);
    return h.dialect === 'sqlite' ? { cpu50: pct(sorted, 50), cpu95: pct(sorted, 95) } : {};
  };
  // The same with SQLite reading the file through mmap instead of read() calls (a connection setting).
  let mapped: Row[] = [];
  if (h.dialect === 'sqlite') {
    await sql`PRAGMA mmap_size = 2147483648`.execute(h.db);
    const m = await measureEngine(h);
    await sql`PRAGMA mmap_size = 0`.execute(h.db);
    mapped = [stats(`${label} full-text (ours), mmap_size 2 GB`, m.times, m.found, cpuOf(m))];
  }
  const compared = !process.env.BENCH_OURS_ONLY;
  const native = compared ? await measureNativeRank(h) : [];
  const naive = compared ? await measureLike(h) : { times: [], found: 0 };
  return {
    rows: [
      // CPU: the work done in this process, i.e. all of it on SQLite (in-process); not shown for PostgreSQL.
      stats(`${label} full-text (ours)`, engine.times, engine.found, { build, ...size, ...cpuOf(engine) }),
      ...mapped,
      ...(!compared ? [] : [stats(`${label} ${h.dialect === 'sqlite' ? 'bm25' : 'ts_rank'} over all matches`, native, engine.found, { note: 'top 10 only, no count/snippets' }),
      stats(`${label} naive ${h.dialect === 'sqlite' ? 'LIKE' : 'ILIKE'} '%…%'`, naive.times, naive.found)]),
    ],
    perQuery: engine.perQuery,
  };
}

const ms = (n?: number) => (n === undefined ? '' : n.toFixed(1));

function printTable(rows: Row[]): void {
  const mb = (n?: number) => (n === undefined || Number.isNaN(n) ? '' : `${formatNumber(Math.round(n / 1048576))} MB`);
  console.log(`\nSearch, ${formatNumber(N)} articles of ~400 words, ${parsed.length} queries × ${RUNS} runs (naive and native-rank: × 1)\n`);
  console.log(`${'method'.padEnd(44)}${'build s'.padStart(9)}${'DB size'.padStart(11)}${'index'.padStart(10)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'max ms'.padStart(9)}${'cpu p50'.padStart(9)}${'cpu p95'.padStart(9)}  queries with results`);
  for (const r of rows) {
    console.log(`${r.name.padEnd(44)}${(r.build === undefined ? '' : r.build.toFixed(1)).padStart(9)}${mb(r.size).padStart(11)}${mb(r.searchSize).padStart(10)}${ms(r.p50).padStart(9)}${ms(r.p95).padStart(9)}${ms(r.max).padStart(9)}${ms(r.cpu50).padStart(9)}${ms(r.cpu95).padStart(9)}  ${r.found}/${parsed.length}${r.note ? ` (${r.note})` : ''}`);
  }
}

async function main() {
  const rows: Row[] = [];
  const dataDir = KEEP ? join(tmpdir(), `cong-bench-search-${KEEP}`) : mkdtempSync(join(tmpdir(), 'cong-bench-search-'));
  mkdirSync(dataDir, { recursive: true });
  const lite = connect({ databaseUrl: null, dataDir });
  let liteCounts: Map<string, Found> | undefined;
  const found: Record<string, Record<string, Found>> = {};
  try {
    const r = await runOn(lite, dataDir, 'SQLite');
    rows.push(...r.rows);
    liteCounts = r.perQuery;
    found.sqlite = Object.fromEntries(r.perQuery);
  } finally {
    await lite.close();
    if (!KEEP) rmSync(dataDir, { recursive: true, force: true });
  }
  if (process.env.BENCH_PG !== '0') {
    const schema = `bench_search_${KEEP ?? process.pid}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${KEEP ? 'IF NOT EXISTS ' : ''}${schema}`);
    const pgDir = mkdtempSync(join(tmpdir(), 'cong-bench-search-pg-'));
    const h = connect({ databaseUrl: PG_URL, dataDir: pgDir, pgSchema: schema });
    try {
      const r = await runOn(h, pgDir, 'PostgreSQL');
      rows.push(...r.rows);
      found.postgres = Object.fromEntries(r.perQuery);
      const differ = [...r.perQuery].filter(([text, n]) => liteCounts?.get(text) !== n).map(([t]) => t);
      for (const t of differ) console.error(`  ${t}\n    SQLite:     ${liteCounts?.get(t)}\n    PostgreSQL: ${r.perQuery.get(t)}`);
      console.error(differ.length ? `Results differ between engines for: ${differ.join(' | ')}` : 'Both engines found the same number of results, and the same articles in the same order on pages 1 and 3, for every query.');
    } finally {
      await h.close();
      if (!KEEP) await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
      rmSync(pgDir, { recursive: true, force: true });
    }
  }
  if (process.env.BENCH_RESULTS) writeFileSync(process.env.BENCH_RESULTS, JSON.stringify(found, null, 1));
  printTable(rows);
  console.log('');
  for (const ours of rows.filter((r) => r.name.endsWith('full-text (ours)'))) {
    console.log(`${ours.name.split(' ')[0]} p95 ${ours.p95.toFixed(1)} ms${ours.cpu95 === undefined ? '' : ` (CPU ${ms(ours.cpu95)} ms)`} — target < 20 ms: ${ours.p95 < 20 ? 'PASS' : 'MISS'}`);
  }
  console.log(`load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs`);
}

await main();
