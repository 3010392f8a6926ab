/**
 * Back-office article list at 100,000 articles: seeds a fresh SQLite database (or PostgreSQL
 * with BENCH_DATABASE_URL) and measures the list page through the real route — session,
 * query, render — for the filters an editor uses, including a deep keyset page.
 * Target: p95 < 100 ms on SQLite.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { connect } from '../src/kernel/db/connection.js';
import { migrateToLatest } from '../src/kernel/db/migrate.js';
import { seedDemoIfEmpty } from '../src/demo.js';
import { LocalDirectory } from '../src/kernel/storage/local-directory.js';
import { searchFold, slugify } from '../src/kernel/lib/text.js';
import { AdminClient, makeUser } from '../test/helpers/admin.js';

const N = Number(process.env.BENCH_ARTICLES ?? 100_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const WORDS = ['Đảng uỷ', 'phường', 'Nam Hồng', 'Bắc Hồng', 'tổng kết', 'hội nghị', 'nông thôn mới', 'chuyển đổi số', 'cải cách hành chính', 'tiếp xúc cử tri', 'phòng chống bão lũ', 'an ninh trật tự', 'văn hóa', 'khuyến học', 'y tế', 'giáo dục', 'ngân sách', 'đô thị văn minh'];
const STATUSES = ['published', 'published', 'published', 'published', 'draft', 'submitted', 'returned', 'scheduled', 'unpublished'] as const;

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'cong-bench-admin-'));
  const databaseUrl = process.env.BENCH_DATABASE_URL || null;
  const database = connect({ databaseUrl, dataDir });
  try {
    await migrateToLatest(database);
    await seedDemoIfEmpty(database, new LocalDirectory(join(dataDir, 'media')));
    const users = [];
    for (let i = 0; i < 20; i++) users.push(await makeUser(database.db, `pv${i}`, [{ siteId: 1, role: 'contributor' }]));
    await makeUser(database.db, 'truongban', [{ siteId: 1, role: 'approver' }]);
    const cats = (await database.db.selectFrom('categories').select('id').where('site_id', '=', 1).execute()).map((c) => c.id);

    const t0 = performance.now();
    const start = Date.parse('2016-01-01T00:00:00.000Z');
    for (let done = 0; done < N; ) {
      const batch = [];
      for (let i = 0; i < 500 && done < N; i++, done++) {
        const title = `${WORDS[done % WORDS.length]} ${WORDS[(done * 7) % WORDS.length]} số ${done}`;
        const t = new Date(start + done * 3_000_000).toISOString();
        batch.push({
          site_id: 1, category_id: cats[done % cats.length]!, title, slug: slugify(title), title_fold: searchFold(title), sapo: 'Sapo bài viết.',
          body_html: '<p>Nội dung.</p>', author: '', source: '', status: STATUSES[done % STATUSES.length]!, published_at: t, updated_at: t,
          created_at: t, featured: 0, legacy_id: null, created_by: users[done % users.length]!,
        });
      }
      await database.db.insertInto('articles').values(batch).execute();
    }
    const seedSeconds = (performance.now() - t0) / 1000;
    // A site that has been running has planner statistics; a bulk load has none until analysed.
    await sql`analyze`.execute(database.db);

    const config = { ...loadConfig({ CONG_DATA_DIR: dataDir }, process.cwd()), databaseUrl };
    const app = await buildApp({ config, database, logger: false });
    const client = await AdminClient.login(app, 'namhonglinh.localhost', 'truongban');
    const first = await client.get('/quan-tri/bai-viet');
    // Follow "Trang sau" 50 times to get a deep cursor (page 51, rows 1,500+).
    let deep = '/quan-tri/bai-viet';
    for (let i = 0; i < 50; i++) {
      const html = (await client.get(deep)).body;
      deep = /href="(\/quan-tri\/bai-viet\?sau=[^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&');
    }
    const scenarios: [string, string][] = [
      ['newest changes (no filter)', '/quan-tri/bai-viet'],
      ['status = chờ duyệt', '/quan-tri/bai-viet?trang_thai=submitted'],
      ['category', `/quan-tri/bai-viet?chuyen_muc=${cats[2]}`],
      ['author', `/quan-tri/bai-viet?tac_gia=${users[3]}`],
      ['status + category + date range', `/quan-tri/bai-viet?trang_thai=published&chuyen_muc=${cats[1]}&tu=2018-01-01&den=2020-12-31`],
      ['sorted by title', '/quan-tri/bai-viet?sap_xep=tieu-de'],
      ['title text "chuyen doi so"', '/quan-tri/bai-viet?q=chuyen%20doi%20so'],
      ['page 51 by cursor', deep],
    ];
    if (first.statusCode !== 200) throw new Error(`list page answered ${first.statusCode}`);
    console.log(`\nBack-office article list, ${N.toLocaleString('vi-VN')} articles on ${database.dialect} (seeded in ${seedSeconds.toFixed(1)} s), ${REQUESTS} requests each:\n`);
    console.log('scenario                                  p50 ms   p95 ms   max ms');
    const results = [];
    for (const [name, url] of scenarios) {
      for (let i = 0; i < 10; i++) await client.get(url);
      const times: number[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        const s = performance.now();
        const res = await client.get(url);
        times.push(performance.now() - s);
        if (res.statusCode !== 200) throw new Error(`${url} → ${res.statusCode}`);
      }
      times.sort((a, b) => a - b);
      const r = { name, p50: pct(times, 50), p95: pct(times, 95), max: times[times.length - 1]! };
      results.push(r);
      console.log(`${name.padEnd(40)} ${r.p50.toFixed(1).padStart(7)}  ${r.p95.toFixed(1).padStart(7)}  ${r.max.toFixed(1).padStart(7)}`);
    }
    const worst = Math.max(...results.map((r) => r.p95));
    console.log(`\nworst p95: ${worst.toFixed(1)} ms — target < 100 ms on SQLite: ${worst < 100 ? 'PASS' : 'MISS'}`);
    await app.close();
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
