import { PostgresAdapter } from 'kysely';
import type { Db, Dialect } from '../../kernel/db/connection.js';
import type { FoldedTextEngine } from './engine.js';
import { PostgresFtsEngine } from './postgres-fts.js';
import { SqliteFtsEngine } from './sqlite-fts.js';

/**
 * Keeping the index in step with the articles. Commands call `syncArticleIndex` inside their
 * own transaction after changing an article, so the index never disagrees with what is public.
 */
const engines = { sqlite: new SqliteFtsEngine(), postgres: new PostgresFtsEngine() };

export function engineFor(dialect: Dialect): FoldedTextEngine {
  return engines[dialect];
}

/** The engine of a connection or transaction (commands receive only the Kysely instance). */
export function engineOf(db: Db): FoldedTextEngine {
  return engineFor(db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite');
}

const BATCH = 500;
const INDEXED = ['id', 'site_id', 'category_id', 'title', 'sapo', 'body_html', 'published_at', 'status'] as const;

/** Indexes the article when it is published, takes it out of the index otherwise. */
export async function syncArticleIndex(tx: Db, articleId: number): Promise<void> {
  const engine = engineOf(tx);
  // tenancy: the article the calling command has just written, in a transaction that checked its site; the document copies its site_id.
  const article = await tx.selectFrom('articles').select(INDEXED).where('id', '=', articleId).executeTakeFirst();
  if (article) await engine.index(tx, article);
  else await engine.remove(tx, articleId);
}

/** Indexes every published article of a site inside the caller's transaction (demo seeding). */
export async function indexPublished(tx: Db, siteId: number): Promise<void> {
  const rows = await tx.selectFrom('articles').select(INDEXED).where('site_id', '=', siteId).where('status', '=', 'published').orderBy('id').execute();
  for (let i = 0; i < rows.length; i += BATCH) await engineOf(tx).indexMany(tx, rows.slice(i, i + BATCH));
}

/** Brings the index in step with the given articles of a site, in batches, inside the caller's transaction (imports). */
export async function syncArticlesIndex(tx: Db, siteId: number, ids: number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += BATCH) {
    const rows = await tx.selectFrom('articles').select(INDEXED).where('site_id', '=', siteId).where('id', 'in', ids.slice(i, i + BATCH)).execute();
    await engineOf(tx).indexMany(tx, rows);
  }
}

export type Progress = (done: number, total: number) => void;

/**
 * Rebuilds a site's index: drops documents of articles no longer published, then indexes the
 * published ones in batches of 500, each batch its own transaction so that editors are never
 * blocked for long. Commands running meanwhile keep their own articles in step.
 */
export async function reindexSite(db: Db, siteId: number, progress: Progress = () => undefined): Promise<number> {
  const engine = engineOf(db);
  const published = (eb: Db) =>
    eb.selectFrom('articles').select('id').where('site_id', '=', siteId).where('status', '=', 'published');
  await db.deleteFrom('search_documents').where('site_id', '=', siteId).where('article_id', 'not in', published(db)).execute();
  const { n } = await published(db).clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const total = Number(n);
  let done = 0;
  let after = 0;
  progress(0, total);
  for (;;) {
    const batch = await db
      .selectFrom('articles')
      .select(INDEXED)
      .where('site_id', '=', siteId)
      .where('status', '=', 'published')
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (!batch.length) break;
    await db.transaction().execute((tx) => engine.indexMany(tx, batch));
    after = batch[batch.length - 1]!.id;
    done += batch.length;
    progress(Math.min(done, total), total);
  }
  return done;
}
