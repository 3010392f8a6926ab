import type { Db, Dialect } from '../../kernel/db/connection.js';
import { formatNumber } from '../../kernel/lib/format.js';
import { takeCookielessSlot, type CapSlot } from '../../kernel/citizen/vote-cap.js';

/**
 * Article ratings: a vote log (one row per visitor and article) and the count and sum stored on
 * the article, changed together in one transaction. The counters only ever move by increments
 * evaluated under the row lock, so any number of simultaneous votes add up exactly.
 */
export interface RatingNumbers {
  count: number;
  sum: number;
}

export interface Vote {
  siteId: number;
  articleId: number;
  stars: number;
  /** Hash of the voter cookie this vote is stored under. */
  voter: string;
  /** Salted daily visitor hash. */
  visitor: string;
  /**
   * Without a cookie the visitor is recognised by the daily hash (same IP address and browser
   * today); with one, only by the cookie (so people sharing an office address vote separately).
   */
  matchBy: 'voter' | 'visitor';
  /** Without a cookie: the address's slots a new vote takes one of (src/kernel/citizen/vote-cap.ts). */
  cap: CapSlot | null;
  now: Date;
}

export function averageOf(n: RatingNumbers): number {
  return n.count > 0 ? Math.round((n.sum / n.count) * 10) / 10 : 0;
}

/** "12 lượt đánh giá · trung bình 4,3/5", or "Chưa có đánh giá" — never blanks. */
export function ratingText(n: RatingNumbers): string {
  if (n.count <= 0) return 'Chưa có đánh giá';
  return `${formatNumber(n.count)} lượt đánh giá · trung bình ${formatNumber(averageOf(n), { minimumFractionDigits: 1, maximumFractionDigits: 1 })}/5`;
}

export function isStars(raw: unknown): raw is string {
  return typeof raw === 'string' && /^[1-5]$/.test(raw);
}

/** The new numbers, or null when a new cookie-less vote found its address's slots used up (nothing changed). */
export async function castVote(db: Db, dialect: Dialect, v: Vote): Promise<RatingNumbers | null> {
  const at = v.now.toISOString();
  return db.transaction().execute(async (tx) => {
    const find = (by: 'voter' | 'visitor', key: string) =>
      tx
        .selectFrom('rating_votes')
        .select(['voter', 'stars'])
        .where('site_id', '=', v.siteId)
        .where('article_id', '=', v.articleId)
        .where(by, '=', key)
        .limit(1)
        .$if(dialect === 'postgres', (q) => q.forUpdate())
        .executeTakeFirst();

    let previous = await find(v.matchBy, v.matchBy === 'voter' ? v.voter : v.visitor);
    if (!previous) {
      if (v.cap && !(await takeCookielessSlot(tx, v.cap))) return null;
      const inserted = await tx
        .insertInto('rating_votes')
        .values({ article_id: v.articleId, site_id: v.siteId, voter: v.voter, visitor: v.visitor, stars: v.stars, created_at: at, updated_at: at })
        .onConflict((oc) => oc.columns(['article_id', 'voter']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) {
        await bump(tx, v.siteId, v.articleId, 1, v.stars);
        return read(tx, v.siteId, v.articleId);
      }
      // The same cookie voted at the same instant: the other vote won the row, this one changes it.
      previous = await find('voter', v.voter);
      if (!previous) throw new Error('vote row vanished');
    }
    await tx
      .updateTable('rating_votes')
      // The row keeps the day's visitor hash it was first cast under; the cookie may be new.
      .set({ stars: v.stars, voter: v.voter, updated_at: at })
      .where('site_id', '=', v.siteId)
      .where('article_id', '=', v.articleId)
      .where('voter', '=', previous.voter)
      .execute();
    if (previous.stars !== v.stars) await bump(tx, v.siteId, v.articleId, 0, v.stars - previous.stars);
    return read(tx, v.siteId, v.articleId);
  });
}

async function bump(tx: Db, siteId: number, articleId: number, count: number, stars: number): Promise<void> {
  await tx
    .updateTable('articles')
    .set((eb) => ({ rating_count: eb('rating_count', '+', count), rating_sum: eb('rating_sum', '+', stars) }))
    .where('site_id', '=', siteId)
    .where('id', '=', articleId)
    .execute();
}

export async function readRating(db: Db, siteId: number, articleId: number): Promise<RatingNumbers | null> {
  const r = await db.selectFrom('articles').select(['rating_count', 'rating_sum']).where('id', '=', articleId).where('site_id', '=', siteId).executeTakeFirst();
  return r ? { count: Number(r.rating_count), sum: Number(r.rating_sum) } : null;
}

async function read(tx: Db, siteId: number, articleId: number): Promise<RatingNumbers> {
  const r = await tx.selectFrom('articles').select(['rating_count', 'rating_sum']).where('site_id', '=', siteId).where('id', '=', articleId).executeTakeFirstOrThrow();
  return { count: Number(r.rating_count), sum: Number(r.rating_sum) };
}

/** The stars this voter gave the article, if any (for the live rating widget). */
export async function starsOf(db: Db, siteId: number, articleId: number, voter: string | null): Promise<number | null> {
  if (!voter) return null;
  const r = await db.selectFrom('rating_votes').select('stars').where('site_id', '=', siteId).where('article_id', '=', articleId).where('voter', '=', voter).executeTakeFirst();
  return r ? r.stars : null;
}

/**
 * The stars the reader of a request gave the article: found by their voter cookie when they
 * have one, otherwise by today's visitor hash — the way castVote recognised them.
 */
export async function readerStars(db: Db, siteId: number, articleId: number, voter: string | null, visitor: string): Promise<number | null> {
  const by = voter ? ('voter' as const) : ('visitor' as const);
  const r = await db
    .selectFrom('rating_votes')
    .select('stars')
    .where('site_id', '=', siteId)
    .where('article_id', '=', articleId)
    .where(by, '=', voter ?? visitor)
    .limit(1)
    .executeTakeFirst();
  return r ? r.stars : null;
}
