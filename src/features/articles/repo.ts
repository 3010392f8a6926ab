import type { Db } from '../../kernel/db/connection.js';
import type { ArticleRow, CategoryRow, PageRow } from '../../kernel/db/schema.js';

/**
 * Read queries for published content. Every function takes the site id and scopes by it;
 * "published" means status published and a publish time that has come.
 */
export type ArticleSummary = Pick<
  ArticleRow,
  'id' | 'slug' | 'title' | 'sapo' | 'published_at' | 'category_id' | 'featured' | 'cover_media_id' | 'cover_alt'
>;

const SUMMARY = ['id', 'slug', 'title', 'sapo', 'published_at', 'category_id', 'featured', 'cover_media_id', 'cover_alt'] as const;

function published(db: Db, siteId: number, now: string) {
  return db
    .selectFrom('articles')
    .where('site_id', '=', siteId)
    .where('status', '=', 'published')
    .where('published_at', '<=', now);
}

export async function listCategories(db: Db, siteId: number): Promise<CategoryRow[]> {
  return db.selectFrom('categories').selectAll().where('site_id', '=', siteId).orderBy('position').orderBy('id').execute();
}

export async function findCategoryBySlug(db: Db, siteId: number, slug: string): Promise<CategoryRow | undefined> {
  return db.selectFrom('categories').selectAll().where('site_id', '=', siteId).where('slug', '=', slug).executeTakeFirst();
}

export interface ListOptions {
  categoryId?: number;
  limit: number;
  offset?: number;
  excludeIds?: number[];
  /** Published at or after this ISO time. */
  since?: string;
  /** Published before this ISO time. */
  before?: string;
  /** Only those after this one in the list's order (newest first): keyset paging, stable under inserts. */
  after?: { publishedAt: string; id: number };
}

export async function listPublished(db: Db, siteId: number, now: string, opts: ListOptions): Promise<ArticleSummary[]> {
  let q = published(db, siteId, now).select(SUMMARY);
  if (opts.categoryId !== undefined) q = q.where('category_id', '=', opts.categoryId);
  if (opts.excludeIds?.length) q = q.where('id', 'not in', opts.excludeIds);
  if (opts.since) q = q.where('published_at', '>=', opts.since);
  if (opts.before) q = q.where('published_at', '<', opts.before);
  const after = opts.after;
  if (after) q = q.where((eb) => eb.or([eb('published_at', '<', after.publishedAt), eb.and([eb('published_at', '=', after.publishedAt), eb('id', '<', after.id)])]));
  return q
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(opts.limit)
    .offset(opts.offset ?? 0)
    .execute();
}

export async function countPublished(db: Db, siteId: number, now: string, categoryId?: number): Promise<number> {
  let q = published(db, siteId, now).select((eb) => eb.fn.countAll<number>().as('n'));
  if (categoryId !== undefined) q = q.where('category_id', '=', categoryId);
  const r = await q.executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function listFeatured(db: Db, siteId: number, now: string, limit: number): Promise<ArticleSummary[]> {
  return published(db, siteId, now)
    .select(SUMMARY)
    .where('featured', '=', 1)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function findPublishedArticle(db: Db, siteId: number, id: number, now: string): Promise<ArticleRow | undefined> {
  return published(db, siteId, now).selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findPublishedByLegacyId(
  db: Db,
  siteId: number,
  legacyId: string,
  now: string,
): Promise<Pick<ArticleRow, 'id' | 'slug'> | undefined> {
  return published(db, siteId, now).select(['id', 'slug']).where('legacy_id', '=', legacyId).executeTakeFirst();
}

/** Articles of the same category published closest before this one, then the newest others. */
export async function listRelated(db: Db, article: ArticleRow, now: string, limit: number): Promise<ArticleSummary[]> {
  // One upper bound on published_at, the lower one: SQLite bounds an index range by one of two
  // upper bounds, and with `now` it walked every newer article of the category (2.4 ms a page
  // for an old article among 5,000).
  const upTo = article.published_at && article.published_at < now ? article.published_at : now;
  const older = await db
    .selectFrom('articles')
    .where('site_id', '=', article.site_id)
    .where('status', '=', 'published')
    .select(SUMMARY)
    .where('category_id', '=', article.category_id)
    .where('id', '!=', article.id)
    .where('published_at', '<=', upTo)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  if (older.length >= limit) return older;
  const newer = await published(db, article.site_id, now)
    .select(SUMMARY)
    .where('category_id', '=', article.category_id)
    .where('id', '!=', article.id)
    .where('published_at', '>', article.published_at)
    .orderBy('published_at', 'asc')
    .orderBy('id', 'asc')
    .limit(limit - older.length)
    .execute();
  return [...older, ...newer];
}

export async function findPage(db: Db, siteId: number, slug: string): Promise<PageRow | undefined> {
  return db.selectFrom('pages').selectAll().where('site_id', '=', siteId).where('slug', '=', slug).executeTakeFirst();
}

export async function listPages(db: Db, siteId: number): Promise<Pick<PageRow, 'slug' | 'title' | 'updated_at'>[]> {
  return db
    .selectFrom('pages')
    .select(['slug', 'title', 'updated_at'])
    .where('site_id', '=', siteId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** For the sitemap: every published article's URL parts and last change, newest first. */
export async function listForSitemap(
  db: Db,
  siteId: number,
  now: string,
  limit: number,
): Promise<Pick<ArticleRow, 'id' | 'slug' | 'updated_at'>[]> {
  return published(db, siteId, now)
    .select(['id', 'slug', 'updated_at'])
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** The latest change to anything published on the site (Last-Modified of lists and feeds). */
export async function lastContentChange(db: Db, siteId: number, now: string): Promise<string | null> {
  const r = await published(db, siteId, now)
    .select((eb) => eb.fn.max('updated_at').as('t'))
    .executeTakeFirst();
  return (r?.t as string | null | undefined) ?? null;
}
