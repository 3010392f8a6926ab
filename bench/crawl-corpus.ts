import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { join } from 'node:path';
import { seedDemoIfEmpty, seedSite } from '../src/demo.js';
import { LocalDirectory } from '../src/kernel/storage/local-directory.js';
import { connect } from '../src/kernel/db/connection.js';
import { migrateToLatest } from '../src/kernel/db/migrate.js';
import type { NewArticle } from '../src/kernel/db/schema.js';
import { demoSites } from '../src/kernel/demo/data/index.js';
import { namHongLinh } from '../src/kernel/demo/data/nam-hong-linh.js';
import { paragraphsToHtml } from '../src/kernel/lib/html.js';
import { searchFold, slugify } from '../src/kernel/lib/text.js';
import { generateArticle } from './search-corpus.js';

/**
 * The crawl mix's data: a province's install of SITES ward sites (BENCH_CRAWL_SITES) with
 * ARTICLES generated Vietnamese articles each (BENCH_CRAWL_ARTICLES), in a fresh SQLite data
 * directory, besides the two demo sites. Each ward is the demo ward (its categories, pages,
 * sections, menu) under its own code and host, plus its articles spread over ten years.
 * Articles go in straight as rows (as an import would); the search index is not built, since
 * the crawl does not search.
 */
export const SITES = Number(process.env.BENCH_CRAWL_SITES || 20);
export const ARTICLES = Number(process.env.BENCH_CRAWL_ARTICLES || 5000);

const START = Date.parse('2016-01-01T00:00:00.000Z');
const END = Date.parse('2026-11-30T00:00:00.000Z');
const BATCH = 500;

export function wardCode(i: number): string {
  return `phuong${String(i + 1).padStart(2, '0')}`;
}

/**
 * The wards' hosts, and the demo sites' (there to warm the server up on pages that are not the
 * crawl's, so that the crawl meets compiled code but a cold page cache).
 */
export async function buildCrawlCorpus(dataDir: string, log: (line: string) => void): Promise<{ seconds: number; hosts: string[]; warmupHosts: string[] }> {
  const t0 = performance.now();
  const database = connect({ databaseUrl: null, dataDir });
  try {
    await migrateToLatest(database);
    const media = new LocalDirectory(join(dataDir, 'media'));
    await seedDemoIfEmpty(database, media);
    const hosts: string[] = [];
    for (let s = 0; s < SITES; s++) {
      const code = wardCode(s);
      const siteId = await seedSite(database, media, { ...namHongLinh, code, name: `Cổng thông tin điện tử phường Thử Nghiệm ${s + 1}`, isDefault: false });
      hosts.push(`${code}.localhost`);
      const cats = (await database.db.selectFrom('categories').select('id').where('site_id', '=', siteId).execute()).map((c) => c.id);
      for (let done = 0; done < ARTICLES; ) {
        const batch: NewArticle[] = [];
        for (; batch.length < BATCH && done < ARTICLES; done++) {
          const n = s * ARTICLES + done;
          const a = generateArticle(n);
          const t = new Date(START + Math.floor(((END - START) * done) / ARTICLES) + (n % 7) * 60_000).toISOString();
          batch.push({
            site_id: siteId, category_id: cats[done % cats.length]!, title: a.title, slug: slugify(a.title), title_fold: searchFold(a.title), sapo: a.sapo,
            body_html: paragraphsToHtml(a.paragraphs), author: '', source: '', status: 'published', published_at: t, updated_at: t,
            created_at: t, featured: 0, legacy_id: null,
          });
        }
        await database.db.transaction().execute((tx) => tx.insertInto('articles').values(batch).execute());
      }
      log(`  ${s + 1}/${SITES} sites, ${((s + 1) * ARTICLES).toLocaleString('en-US')} articles (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    }
    // A site that has been running has planner statistics; a bulk load has none until analysed.
    await sql`analyze`.execute(database.db);
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(database.db);
    return { seconds: (performance.now() - t0) / 1000, hosts, warmupHosts: demoSites.map((d) => `${d.code}.localhost`) };
  } finally {
    await database.close();
  }
}

/**
 * The demo sites in a fresh data directory, seeded here rather than by the first server: a
 * server that seeded keeps what seeding loaded (the image library, the demo's files in memory),
 * and the rows measure serving, as a server restarted on its data does it.
 */
export async function buildDemoData(dataDir: string): Promise<void> {
  const database = connect({ databaseUrl: null, dataDir });
  try {
    await migrateToLatest(database);
    await seedDemoIfEmpty(database, new LocalDirectory(join(dataDir, 'media')));
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(database.db);
  } finally {
    await database.close();
  }
}
