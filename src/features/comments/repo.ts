import type { Db } from '../../kernel/db/connection.js';
import type { CommentRow, CommentStatus } from '../../kernel/db/tables/interact.js';

/** Comment queries; every one is scoped by site. */
export type PublicComment = Pick<CommentRow, 'id' | 'parent_id' | 'author_name' | 'content' | 'official' | 'published_at' | 'created_at'>;

/** Published comments of an article, oldest first (the view builds the threads). */
export function listPublished(db: Db, siteId: number, articleId: number): Promise<PublicComment[]> {
  return db
    .selectFrom('comments')
    .select(['id', 'parent_id', 'author_name', 'content', 'official', 'published_at', 'created_at'])
    .where('site_id', '=', siteId)
    .where('article_id', '=', articleId)
    .where('status', '=', 'published')
    .orderBy('created_at')
    .orderBy('id')
    .limit(1000)
    .execute();
}

export function findComment(db: Db, siteId: number, id: number): Promise<CommentRow | undefined> {
  return db.selectFrom('comments').selectAll().where('site_id', '=', siteId).where('id', '=', id).executeTakeFirst();
}

export async function isDuplicate(db: Db, siteId: number, articleId: number, hash: string): Promise<boolean> {
  const r = await db
    .selectFrom('comments')
    .select('id')
    .where('site_id', '=', siteId)
    .where('article_id', '=', articleId)
    .where('content_hash', '=', hash)
    .where('status', 'in', ['pending', 'published'])
    .executeTakeFirst();
  return !!r;
}

/** True when the same name and email already have a published comment on the site. */
export async function isKnownAuthor(db: Db, siteId: number, name: string, email: string): Promise<boolean> {
  if (!email) return false;
  const r = await db
    .selectFrom('comments')
    .select('id')
    .where('site_id', '=', siteId)
    .where('status', '=', 'published')
    .where('official', '=', 0)
    .where('author_email', '=', email)
    .where('author_name', '=', name)
    .executeTakeFirst();
  return !!r;
}

export async function countByStatus(db: Db, siteId: number, articleId?: number): Promise<Record<CommentStatus, number>> {
  const rows = await db
    .selectFrom('comments')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('site_id', '=', siteId)
    .where('official', '=', 0)
    .$if(articleId !== undefined, (q) => q.where('article_id', '=', articleId!))
    .groupBy('status')
    .execute();
  const out: Record<CommentStatus, number> = { pending: 0, published: 0, rejected: 0, spam: 0 };
  for (const r of rows) out[r.status] = Number(r.n);
  return out;
}

export type QueueRow = CommentRow & { article_title: string; article_slug: string; article_closed: number; parent_author: string | null; parent_content: string | null };

export interface QueueFilter {
  status: CommentStatus;
  articleId?: number;
  /** Keyset cursor: rows with a lower id. */
  beforeId?: number;
  limit: number;
}

/** The moderation queue: citizens' comments (official replies are listed under them), newest first. */
export function listQueue(db: Db, siteId: number, f: QueueFilter): Promise<QueueRow[]> {
  return db
    .selectFrom('comments as c')
    .innerJoin('articles as a', 'a.id', 'c.article_id')
    .leftJoin('comments as p', 'p.id', 'c.parent_id')
    .selectAll('c')
    .select(['a.title as article_title', 'a.slug as article_slug', 'a.comments_closed as article_closed', 'p.author_name as parent_author', 'p.content as parent_content'])
    .where('c.site_id', '=', siteId)
    .where('c.status', '=', f.status)
    .where('c.official', '=', 0)
    .$if(f.articleId !== undefined, (q) => q.where('c.article_id', '=', f.articleId!))
    .$if(f.beforeId !== undefined, (q) => q.where('c.id', '<', f.beforeId!))
    .orderBy('c.id', 'desc')
    .limit(f.limit)
    .execute();
}

/** Official replies to the listed comments, by the comment they answer. */
export async function officialRepliesTo(db: Db, siteId: number, ids: number[]): Promise<Map<number, CommentRow[]>> {
  const out = new Map<number, CommentRow[]>();
  if (!ids.length) return out;
  const rows = await db.selectFrom('comments').selectAll().where('site_id', '=', siteId).where('official', '=', 1).where('parent_id', 'in', ids).orderBy('id').execute();
  for (const r of rows) out.set(r.parent_id!, [...(out.get(r.parent_id!) ?? []), r]);
  return out;
}
