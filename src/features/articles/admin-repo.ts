import type { Db } from '../../kernel/db/connection.js';
import type { ArticleRow, ArticleStatus, RevisionRow } from '../../kernel/db/schema.js';
import { searchFold } from '../../kernel/lib/text.js';

/** Back-office queries over a site's articles, in every status. */
export async function findArticle(db: Db, siteId: number, id: number): Promise<ArticleRow | undefined> {
  return db.selectFrom('articles').selectAll().where('site_id', '=', siteId).where('id', '=', id).executeTakeFirst();
}

export type AdminSort = 'updated' | 'published' | 'title';

export interface AdminListFilter {
  status?: ArticleStatus;
  categoryId?: number;
  authorId?: number;
  /** ISO bounds on the publish time. */
  from?: string;
  to?: string;
  text?: string;
  sort: AdminSort;
  /** Keyset cursor: the sort value and id of the last row of the previous page. */
  after?: { value: string; id: number };
  limit: number;
}

export type AdminListRow = Pick<ArticleRow, 'id' | 'title' | 'status' | 'category_id' | 'created_by' | 'updated_at' | 'published_at' | 'slug'> & {
  author_name: string | null;
};

/**
 * Keyset pagination on (sort column, id): the cost of a page does not grow with its number,
 * and there is no COUNT over the table.
 */
export async function listArticlesAdmin(db: Db, siteId: number, f: AdminListFilter): Promise<AdminListRow[]> {
  const col = f.sort === 'title' ? 'articles.title_fold' : f.sort === 'published' ? 'articles.published_at' : 'articles.updated_at';
  const desc = f.sort !== 'title';
  let q = db
    .selectFrom('articles')
    .leftJoin('users', 'users.id', 'articles.created_by')
    .select([
      'articles.id', 'articles.title', 'articles.status', 'articles.category_id', 'articles.created_by',
      'articles.updated_at', 'articles.published_at', 'articles.slug', 'users.display_name as author_name',
    ])
    .where('articles.site_id', '=', siteId);
  if (f.status) q = q.where('articles.status', '=', f.status);
  if (f.categoryId) q = q.where('articles.category_id', '=', f.categoryId);
  if (f.authorId) q = q.where('articles.created_by', '=', f.authorId);
  if (f.from) q = q.where('articles.published_at', '>=', f.from);
  if (f.to) q = q.where('articles.published_at', '<', f.to);
  if (f.text) {
    const folded = searchFold(f.text).replace(/[%_\\]/g, '');
    if (folded) q = q.where('articles.title_fold', 'like', `%${folded}%`);
  }
  if (f.after) {
    const { value, id } = f.after;
    q = q.where((eb) =>
      desc
        ? eb.or([eb(col, '<', value), eb.and([eb(col, '=', value), eb('articles.id', '<', id)])])
        : eb.or([eb(col, '>', value), eb.and([eb(col, '=', value), eb('articles.id', '>', id)])]),
    );
  }
  return q
    .orderBy(col, desc ? 'desc' : 'asc')
    .orderBy('articles.id', desc ? 'desc' : 'asc')
    .limit(f.limit)
    .execute();
}

export function sortValue(row: AdminListRow & { title_fold?: string }, sort: AdminSort): string {
  return sort === 'title' ? searchFold(row.title) : sort === 'published' ? row.published_at : row.updated_at;
}

export async function countByStatus(db: Db, siteId: number): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('articles')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('site_id', '=', siteId)
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

export async function listRevisions(db: Db, siteId: number, articleId: number): Promise<(RevisionRow & { user_name: string | null })[]> {
  return db
    .selectFrom('article_revisions')
    .leftJoin('users', 'users.id', 'article_revisions.created_by')
    .selectAll('article_revisions')
    .select('users.display_name as user_name')
    .where('article_revisions.site_id', '=', siteId)
    .where('article_revisions.article_id', '=', articleId)
    .orderBy('article_revisions.id', 'desc')
    .execute();
}

export async function findRevision(db: Db, siteId: number, articleId: number, id: number): Promise<RevisionRow | undefined> {
  return db
    .selectFrom('article_revisions')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('article_id', '=', articleId)
    .where('id', '=', id)
    .executeTakeFirst();
}
