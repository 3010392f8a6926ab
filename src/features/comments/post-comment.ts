import type { Db } from '../../kernel/db/connection.js';
import type { ArticleRow } from '../../kernel/db/schema.js';
import type { PageCache } from '../../kernel/http/page-cache.js';
import { urls } from '../../kernel/http/urls.js';
import type { Site } from '../../kernel/sites/site.js';
import type { CommentLimiter } from '../../kernel/citizen/limits.js';
import type { HoldReason } from '../../kernel/db/tables/interact.js';
import type { Verification } from '../../kernel/citizen/verification.js';
import { fail, type FieldErrors } from '../../kernel/forms.js';
import { contentHash, F, FORM, linkCount, MAX_LINKS, validateComment, VERIFY, WRONG_CODE, type CommentForm } from './input.js';
import { isDuplicate, isKnownAuthor } from './repo.js';

/**
 * Posting a comment: check the fields, the switches, duplicates and the sender's address limit,
 * then the verification step (which uses the proof up), then the article's budget shared by
 * everyone, then store — in that order, so that a person fixing a typo does not have to solve the
 * verification again, junk proofs spend no one's budget but their sender's (issue 16), and
 * nothing is stored when any check fails. An answer to the fallback question (which a script can
 * solve) draws on a smaller part of the article's budget and is always held for moderation.
 */
export interface PostContext {
  db: Db;
  cache: PageCache;
  verification: Verification;
  limiter: CommentLimiter;
  site: Site;
  ip: string;
  /** Salted daily visitor hash of the sender. */
  visitor: string;
  now: Date;
}

export type PostResult =
  | { ok: true; status: 'pending' | 'published'; commentId: number | null }
  | { ok: false; errors: FieldErrors; verificationUsed: boolean };

export const CLOSED = 'Bình luận đã đóng cho bài viết này.';
export const DUPLICATE = 'Bình luận này đã được gửi trước đó.';

export function commentsOpen(site: Site, article: Pick<ArticleRow, 'comments_closed'>): boolean {
  return !site.archivedAt && !site.settings.commentsClosed && !article.comments_closed;
}

export async function postComment(cx: PostContext, article: ArticleRow, form: CommentForm): Promise<PostResult> {
  const refuse = (errors: FieldErrors, verificationUsed = false): PostResult => ({ ...fail(errors), verificationUsed });
  if (!commentsOpen(cx.site, article)) return refuse({ [FORM]: CLOSED });
  // A filled honeypot is a robot: it is told "waiting for approval" and nothing is kept.
  if (form.honeypot.trim()) return { ok: true, status: 'pending', commentId: null };

  const { value, errors } = validateComment(form);
  if (!form.altcha && !(form.token && form.answer.trim())) errors[VERIFY] = WRONG_CODE;
  if (Object.keys(errors).length) return refuse(errors);

  const hash = contentHash(value.content);
  if (await isDuplicate(cx.db, cx.site.id, article.id, hash)) return refuse({ [F.content]: DUPLICATE });
  const limited = await cx.limiter.takeAddress(cx.ip, cx.now.getTime());
  if (limited) return refuse({ [FORM]: limited });

  const fallback = !form.altcha;
  const verified = fallback ? await cx.verification.verifyAnswer(cx.site.id, form.token, form.answer) : await cx.verification.verifyAltcha(form.altcha);
  if (!verified) return refuse({ [VERIFY]: WRONG_CODE }, true);
  const busy = await cx.limiter.takeArticle(cx.site.id, article.id, cx.now.getTime(), fallback);
  if (busy) return refuse({ [FORM]: busy }, true);

  const parentId = form.parentId && (await publishedParent(cx.db, cx.site.id, article.id, form.parentId));
  const hold = await holdReason(cx, value.name, value.email, value.content, fallback);
  const at = cx.now.toISOString();
  const row = await cx.db
    .insertInto('comments')
    .values({
      site_id: cx.site.id,
      article_id: article.id,
      parent_id: parentId || null,
      author_name: value.name,
      author_email: value.email,
      content: value.content,
      content_hash: hash,
      status: hold ? 'pending' : 'published',
      hold_reason: hold,
      visitor: cx.visitor,
      created_at: at,
      updated_at: at,
      published_at: hold ? null : at,
      user_id: null,
      moderated_by: null,
      moderated_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // Shown at once: exactly the article's page changes.
  if (!hold) cx.cache.purgePaths(cx.site.id, [urls.article(article)]);
  return { ok: true, status: hold ? 'pending' : 'published', commentId: row.id };
}

async function holdReason(cx: PostContext, name: string, email: string, content: string, fallback: boolean): Promise<HoldReason> {
  if (linkCount(`${name} ${content}`) > MAX_LINKS) return 'links';
  const mode = cx.site.settings.commentModeration ?? 'hold_all';
  if (mode === 'hold_all') return 'moderation';
  if (fallback) return 'fallback';
  if (mode === 'publish') return '';
  if (mode === 'hold_first') return (await isKnownAuthor(cx.db, cx.site.id, name, email)) ? '' : 'new_author';
  return 'moderation';
}

/** A reply only hangs under a published comment of the same article; otherwise it starts a thread. */
async function publishedParent(db: Db, siteId: number, articleId: number, id: number): Promise<number | null> {
  const p = await db
    .selectFrom('comments')
    .select('id')
    .where('site_id', '=', siteId)
    .where('article_id', '=', articleId)
    .where('id', '=', id)
    .where('status', '=', 'published')
    .executeTakeFirst();
  return p ? p.id : null;
}
