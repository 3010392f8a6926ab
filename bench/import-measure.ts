/**
 * One-off measurement of the import core (not part of `npm run bench`):
 *   node --import tsx bench/import-measure.ts sqlite|postgres [articles]
 * Writes a JSON Lines file of `articles` generated articles (default 5,000; ten categories, one
 * comment and two old addresses each, ~2 KB bodies), imports it into the demo's Nam Hồng Lĩnh
 * site, then imports it again (every row updated), and prints both times.
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { seedDemoIfEmpty } from '../src/demo.js';
import { readJsonLines } from '../src/features/imports/jsonl.js';
import { runImport } from '../src/features/imports/run-import.js';
import { listSites } from '../src/kernel/sites/repo.js';
import { openTestDb } from '../test/helpers/db.js';

const dialect = process.argv[2] === 'postgres' ? 'postgres' : 'sqlite';
const ARTICLES = Number(process.argv[3] ?? 5000);
const WORDS = 'Ủy ban nhân dân phường tổ chức hội nghị tổng kết công tác năm triển khai nhiệm vụ người dân khu phố đường giao thông nông thôn mới văn hóa xã hội an ninh trật tự'.split(' ');
const words = (n: number, seed: number) => Array.from({ length: n }, (_, i) => WORDS[(seed * 7 + i * 13) % WORDS.length]).join(' ');

async function writeFile(path: string): Promise<void> {
  const out = createWriteStream(path);
  const line = (o: unknown) => out.write(`${JSON.stringify(o)}\n`);
  line({ type: 'source', id: 'bench', host: 'cu.example.vn' });
  for (let c = 0; c < 10; c++) line({ type: 'category', id: `c${c}`, name: `Chuyên mục thử ${c}` });
  for (let i = 0; i < ARTICLES; i++) {
    const body = Array.from({ length: 8 }, (_, p) => `<p>${words(40, i + p)}.</p>`).join('');
    line({
      type: 'article', id: String(100000 + i), title: `${words(10, i)} số ${i}`, sapo: words(25, i), bodyHtml: body, categories: [`c${i % 10}`],
      publishedAt: `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 9} 08:30`, status: 'published', views: i,
      oldUrls: [`/portal/pages/2019-05-05/bai-${100000 + i}.aspx`, `/?p=${i}`],
    });
    line({ type: 'comment', id: `k${i}`, article: String(100000 + i), author: 'Người đọc', body: words(20, i), createdAt: '2020-01-01 10:00', status: 'approved' });
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'cong-import-measure-'));
  const file = join(dir, 'bench.jsonl');
  await writeFile(file);
  const db = await openTestDb(dialect);
  try {
    await seedDemoIfEmpty(db, db.media);
    const site = (await listSites(db.db)).find((s) => s.code === 'bachonglinh')!;
    for (const run of ['first run', 're-run']) {
      const t = performance.now();
      const s = await runImport(db.db, site, readJsonLines(file), { media: db.media, now: new Date() });
      const seconds = (performance.now() - t) / 1000;
      const items = ARTICLES * 2 + 10;
      console.log(`${dialect} ${run}: ${items} records (${(statSync(file).size / 1e6).toFixed(1)} MB) in ${seconds.toFixed(1)} s = ${Math.round(items / seconds)} records/s; articles new ${s.imported.article ?? 0}, updated ${s.updated.article ?? 0}; rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`);
    }
  } finally {
    await db.cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
