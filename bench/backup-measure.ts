/**
 * One-off measurement of `cong backup` / `cong restore` (not part of `npm run bench`):
 *   node --import tsx bench/backup-measure.ts sqlite|postgres [articles]
 * Builds the demo plus `articles` generated articles spread over 20 ward sites (as the crawl
 * corpus does), with the search index, then times a backup and a restore into an empty target.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { seedDemoIfEmpty, seedSite } from '../src/demo.js';
import { LocalDirectory } from '../src/kernel/storage/local-directory.js';
import { reindexSite } from '../src/features/search/indexer.js';
import { createBackup } from '../src/kernel/backup/backup.js';
import { restoreBackup } from '../src/kernel/backup/restore.js';
import { connect } from '../src/kernel/db/connection.js';
import { migrateToLatest } from '../src/kernel/db/migrate.js';
import type { NewArticle } from '../src/kernel/db/schema.js';
import { namHongLinh } from '../src/kernel/demo/data/nam-hong-linh.js';
import { paragraphsToHtml } from '../src/kernel/lib/html.js';
import { searchFold, slugify } from '../src/kernel/lib/text.js';
import { generateArticle } from './search-corpus.js';

const dialect = process.argv[2] === 'postgres' ? 'postgres' : 'sqlite';
const ARTICLES = Number(process.argv[3] ?? 0);
const SITES = ARTICLES ? 20 : 0;
const PG_URL = 'postgres://postgres@127.0.0.1:5432/test';
const work = mkdtempSync(join(tmpdir(), 'cong-backup-measure-'));
const schema = `bm_${process.pid}`;
const schemas = [schema, `${schema}_r`];

async function admin(q: string) {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  await c.query(q);
  await c.end();
}

async function main() {
  if (dialect === 'postgres') for (const s of schemas) await admin(`create schema ${s}`);
  const dataDir = join(work, 'src');
  const h = connect(dialect === 'sqlite' ? { databaseUrl: null, dataDir } : { databaseUrl: PG_URL, dataDir, pgSchema: schema });
  let t = performance.now();
  await migrateToLatest(h);
  const media = new LocalDirectory(join(dataDir, 'media'));
  await seedDemoIfEmpty(h, media);
  for (let s = 0; s < SITES; s++) {
    const siteId = await seedSite(h, media, { ...namHongLinh, code: `phuong${s + 1}`, name: `Phường Thử Nghiệm ${s + 1}`, isDefault: false });
    const cats = (await h.db.selectFrom('categories').select('id').where('site_id', '=', siteId).execute()).map((c) => c.id);
    const per = ARTICLES / SITES;
    for (let done = 0; done < per; ) {
      const batch: NewArticle[] = [];
      for (; batch.length < 500 && done < per; done++) {
        const a = generateArticle(s * per + done);
        const at = new Date(Date.parse('2016-01-01T00:00:00Z') + done * 3_000_000).toISOString();
        batch.push({ site_id: siteId, category_id: cats[done % cats.length]!, title: a.title, slug: slugify(a.title), title_fold: searchFold(a.title), sapo: a.sapo, body_html: paragraphsToHtml(a.paragraphs), author: '', source: '', status: 'published', published_at: at, updated_at: at, created_at: at, featured: 0, legacy_id: null });
      }
      await h.db.transaction().execute((tx) => tx.insertInto('articles').values(batch).execute());
    }
    await reindexSite(h.db, siteId, () => undefined);
    console.log(`site ${s + 1}/${SITES} (${((performance.now() - t) / 1000).toFixed(0)} s)`);
  }
  await h.close();
  console.log(`corpus built in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const file = join(work, 'backup.tar.gz');
  const source = dialect === 'sqlite' ? ({ dialect: 'sqlite' } as const) : ({ dialect: 'postgres', databaseUrl: PG_URL, schema } as const);
  t = performance.now();
  const b = await createBackup({ file, dataDir, source });
  const backupS = (performance.now() - t) / 1000;
  const target = dialect === 'sqlite' ? ({ dialect: 'sqlite' } as const) : ({ dialect: 'postgres', databaseUrl: PG_URL, schema: schemas[1]! } as const);
  t = performance.now();
  await restoreBackup({ file, dataDir: join(work, 'dst'), target });
  const restoreS = (performance.now() - t) / 1000;
  const dbEntry = b.manifest.files[b.manifest.database]!;
  console.log(
    JSON.stringify({ dialect, articles: b.manifest.rowCounts.articles, sites: b.manifest.sites.length, archiveMB: +(b.bytes / 2 ** 20).toFixed(1), databaseEntryMB: +(dbEntry.size / 2 ** 20).toFixed(1), mediaFiles: Object.keys(b.manifest.files).length - 1, backupSeconds: +backupS.toFixed(1), restoreSeconds: +restoreS.toFixed(1), sourceSqliteMB: dialect === 'sqlite' ? +(statSync(join(dataDir, 'cong.db')).size / 2 ** 20).toFixed(1) : undefined }),
  );
}

main()
  .finally(async () => {
    rmSync(work, { recursive: true, force: true });
    if (dialect === 'postgres') for (const s of schemas) await admin(`drop schema if exists ${s} cascade`);
  })
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
