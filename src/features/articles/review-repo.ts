import type { Db } from '../../kernel/db/connection.js';
import type { PendingEditRow } from '../../kernel/db/tables/article-review.js';

/** The two-person rule's records: a published article's pending edit and who changed its text. */
export async function findPendingEdit(db: Db, siteId: number, articleId: number): Promise<PendingEditRow | undefined> {
  return db.selectFrom('article_pending_edits').selectAll().where('site_id', '=', siteId).where('article_id', '=', articleId).executeTakeFirst();
}

/** The ids of everyone who changed the article's text since its last approval. */
export async function editorIds(db: Db, siteId: number, articleId: number): Promise<number[]> {
  const rows = await db.selectFrom('article_editors').select('user_id').where('site_id', '=', siteId).where('article_id', '=', articleId).execute();
  return rows.map((r) => Number(r.user_id));
}

/** The same people with their names, first change first (shown beside a pending edit). */
export async function listEditors(db: Db, siteId: number, articleId: number): Promise<{ user_id: number; name: string }[]> {
  const rows = await db
    .selectFrom('article_editors')
    .innerJoin('users', 'users.id', 'article_editors.user_id')
    .select(['article_editors.user_id', 'users.display_name', 'users.username'])
    .where('article_editors.site_id', '=', siteId)
    .where('article_editors.article_id', '=', articleId)
    .orderBy('article_editors.since')
    .orderBy('article_editors.user_id')
    .execute();
  return rows.map((r) => ({ user_id: Number(r.user_id), name: r.display_name || r.username }));
}

/** Adds a person to those who changed the text; a second change by the same person adds nothing. */
export async function recordEditor(db: Db, siteId: number, articleId: number, userId: number | null, at: string): Promise<void> {
  if (userId === null) return;
  await db
    .insertInto('article_editors')
    .values({ site_id: siteId, article_id: articleId, user_id: userId, since: at })
    .onConflict((oc) => oc.columns(['article_id', 'user_id']).doNothing())
    .execute();
}

/** An approval starts a new round: nobody has changed the approved text yet. */
export async function clearEditors(db: Db, siteId: number, articleId: number): Promise<void> {
  await db.deleteFrom('article_editors').where('site_id', '=', siteId).where('article_id', '=', articleId).execute();
}

/** The site's pending edits sent for approval, oldest first (the approvers' to-do list). */
export async function listSubmittedEdits(db: Db, siteId: number, limit: number): Promise<{ article_id: number; title: string; updated_at: string }[]> {
  return db
    .selectFrom('article_pending_edits')
    .innerJoin('articles', 'articles.id', 'article_pending_edits.article_id')
    .select(['article_pending_edits.article_id', 'articles.title', 'article_pending_edits.updated_at'])
    .where('article_pending_edits.site_id', '=', siteId)
    .where('articles.site_id', '=', siteId)
    .where('article_pending_edits.status', '=', 'submitted')
    .orderBy('article_pending_edits.updated_at')
    .limit(limit)
    .execute();
}
