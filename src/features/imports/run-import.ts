import { writeAudit } from '../../kernel/audit.js';
import type { Db } from '../../kernel/db/connection.js';
import type { Site } from '../../kernel/sites/site.js';
import type { MediaStorage } from '../../kernel/storage/media-storage.js';
import { syncArticlesIndex } from '../search/indexer.js';
import { FileAddresses } from './bodies.js';
import { checkReferences } from './check-references.js';
import { ImportError } from './import-error.js';
import { ImportItems } from './items.js';
import { OldUrlWriter } from './old-urls.js';
import { prepareFiles } from './prepare-files.js';
import { progressCounter, type ImportProgress } from './progress.js';
import { readPlan, type NumberedRecords } from './read-plan.js';
import { writeArticles } from './write-articles.js';
import { writeCategories } from './write-categories.js';
import { writeComments } from './write-comments.js';
import type { ImportSummary, WriteContext } from './write-context.js';
import { writeDocuments } from './write-documents.js';
import { writeCounter, writeRedirects } from './write-extras.js';
import { writeMedia } from './write-files.js';
import { writePages } from './write-pages.js';

export { ImportError };
export type { ImportProgress, ImportSummary };

export interface ImportOptions {
  /** The folder file records' paths are relative to (--files, --uploads). */
  filesDir?: string;
  media: MediaStorage;
  now: Date;
  /** Check and count everything, write nothing (the transaction is rolled back, no file is stored). */
  dryRun?: boolean;
  progress?: (p: ImportProgress) => void;
  /** The page cache to purge for the site once the import is committed (the CLI passes the running instances' bus). */
  cache?: { purgeSite(siteId: number): void };
}

/** Thrown inside the transaction of a dry run to roll it back with the summary. */
class DryRun extends Error {
  constructor(readonly summary: ImportSummary) {
    super('dry run');
  }
}

/**
 * Imports the records of one source into a site (docs/import-format.md). Reads and checks every
 * record first (a clear Vietnamese ImportError naming the line and item, before anything is
 * written), stores the files, then writes everything in one transaction: categories, the
 * library's files, documents, pages, articles, comments, redirects, the visit counter, old
 * addresses, search entries and one audit row. Re-running the same source updates the rows of
 * the earlier run (import_items) and never duplicates them. Nothing is half-imported: any
 * failure rolls the transaction back and removes the files this run stored.
 */
export async function runImport(db: Db, site: Site, records: NumberedRecords, options: ImportOptions): Promise<ImportSummary> {
  // tenancy: the site row itself, by its id.
  const row = await db.selectFrom('sites').select('archived_at').where('id', '=', site.id).executeTakeFirst();
  if (row?.archived_at) throw new ImportError(`Trang ${site.code} là trang lưu trữ (đã sáp nhập hoặc giải thể): không nhập thêm nội dung vào đó. Hãy nhập vào trang kế nhiệm.`);
  const plan = await readPlan(records);
  const items = await ImportItems.load(db, site.id, plan.source.id);
  checkReferences(plan, items);
  const tick = progressCounter(plan.total, options.progress);
  const prepared = await prepareFiles(db, site, plan, items, { ...options, tick });

  let unused: string[] = [];
  try {
    const summary = await db.transaction().execute(async (tx) => {
      const cx: WriteContext = {
        tx, site, plan, items, now: options.now, files: new FileAddresses(), tick,
        summary: { imported: {}, updated: {}, skipped: [] }, oldUrls: await OldUrlWriter.load(tx, site.id, plan.source.host),
      };
      await writeCategories(cx);
      await writeMedia(cx, prepared);
      unused = await writeDocuments(cx, prepared);
      await writePages(cx);
      const touched = await writeArticles(cx, prepared);
      await writeComments(cx);
      await writeRedirects(cx);
      await writeCounter(cx);
      await items.flush(tx, options.now);
      await cx.oldUrls.flush(tx, options.now);
      await syncArticlesIndex(tx, site.id, touched);
      await writeAudit(
        tx,
        { siteId: site.id, userId: null, action: 'import.run', entityType: 'site', entityId: site.id, after: { source: plan.source.id, host: plan.source.host, imported: cx.summary.imported, updated: cx.summary.updated, skipped: cx.summary.skipped.length } },
        options.now,
      );
      if (options.dryRun) throw new DryRun(cx.summary);
      return cx.summary;
    });
    for (const key of unused) await options.media.delete(key).catch(() => undefined);
    options.cache?.purgeSite(site.id);
    return summary;
  } catch (err) {
    if (err instanceof DryRun) return err.summary;
    for (const key of prepared.written) await options.media.delete(key).catch(() => undefined);
    throw err;
  }
}
