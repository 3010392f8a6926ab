import type { ArticleRow } from '../../../kernel/db/schema.js';
import { formatDateTime, formatNumber } from '../../../kernel/lib/format.js';
import { ArchiveClosed } from '../../../kernel/views/public/archive-closed.js';
import type { Frame } from '../../../kernel/views/public/frame.js';
import type { PublicComment } from '../repo.js';
import { CLOSED, commentsOpen } from '../post-comment.js';
import { moderationOf } from '../settings.js';
import { CommentFields, EMPTY_VALUES, ModerationNote, PrivacyNote, verificationData } from './comment-form.js';

/**
 * The comments under an article: the published threads and the form. The article page is cached
 * and identical for everyone, so nothing here depends on the visitor. The form is for browsers
 * running interact.js, which adds the ALTCHA widget and posts without reloading; people without
 * JavaScript get a link to /binh-luan/<id>/viet, an uncached page with the form and a fresh
 * fallback question (the question's token is per visitor, so it cannot live in this HTML).
 */
type Art = Pick<ArticleRow, 'id' | 'comments_closed'>;

export const writeUrl = (articleId: number, replyTo?: number) => `/binh-luan/${articleId}/viet${replyTo ? `?tra-loi=${replyTo}` : ''}`;

export function CommentsSection({ frame, article, comments }: { frame: Frame; article: Art; comments: PublicComment[] }) {
  const open = commentsOpen(frame.site, article);
  return (
    <section class="comments" id="binh-luan" aria-labelledby="binh-luan-tieu-de">
      <h2 id="binh-luan-tieu-de" class="section-title">Bình luận ({formatNumber(comments.length)})</h2>
      {comments.length ? (
        <CommentThreads comments={comments} replyBase={open ? article.id : null} />
      ) : (
        <p class="muted">Chưa có bình luận nào.</p>
      )}
      {frame.site.archivedAt ? <ArchiveClosed what="bình luận" /> : open ? <CommentCompose frame={frame} articleId={article.id} /> : <p class="comments-closed">{CLOSED}</p>}
    </section>
  );
}

function CommentCompose({ frame, articleId }: { frame: Frame; articleId: number }) {
  const a = frame.assets;
  return (
    <div class="comment-compose">
      <h3 id="gui-binh-luan">Gửi bình luận</h3>
      <noscript>
        <p><a class="button" href={writeUrl(articleId)}>Viết bình luận</a></p>
      </noscript>
      <form
        method="post"
        action={`/binh-luan/${articleId}`}
        class="comment-form js-only"
        aria-labelledby="gui-binh-luan"
        novalidate
        data-comment-form
        {...verificationData(a)}
      >
        <p class="reply-note" data-reply-note hidden>
          <span data-reply-text></span> <button type="button" class="link-button" data-reply-cancel>Hủy trả lời</button>
        </p>
        <CommentFields values={EMPTY_VALUES} errors={{}} verification={<div class="altcha-slot" data-altcha-slot></div>}>
          <ModerationNote mode={moderationOf(frame.site.settings)} />
          <PrivacyNote />
        </CommentFields>
        <p class="form-status" role="status" data-comment-status></p>
      </form>
    </div>
  );
}

const MAX_DEPTH = 3;

/** Threads: replies under the comment they answer (deeper replies stay at the third level). */
export function CommentThreads({ comments, replyBase }: { comments: PublicComment[]; replyBase: number | null }) {
  const ids = new Set(comments.map((c) => c.id));
  const children = new Map<number | null, PublicComment[]>();
  for (const c of comments) {
    const parent = c.parent_id !== null && ids.has(c.parent_id) ? c.parent_id : null;
    children.set(parent, [...(children.get(parent) ?? []), c]);
  }
  const collect = (id: number): PublicComment[] => (children.get(id) ?? []).flatMap((c) => [c, ...collect(c.id)]);
  const render = (list: PublicComment[], depth: number) => (
    <ol class={depth === 1 ? 'comment-list' : 'comment-replies'}>
      {list.map((c) => {
        const replies = depth >= MAX_DEPTH ? [] : children.get(c.id) ?? [];
        const flat = depth >= MAX_DEPTH ? collect(c.id) : [];
        return (
          <>
            <li class={c.official ? 'comment comment-official' : 'comment'} id={`binh-luan-${c.id}`}>
              <CommentItem c={c} replyBase={replyBase} />
              {replies.length > 0 && render(replies, depth + 1)}
            </li>
            {flat.map((r) => (
              <li class={r.official ? 'comment comment-official' : 'comment'} id={`binh-luan-${r.id}`}>
                <CommentItem c={r} replyBase={replyBase} />
              </li>
            ))}
          </>
        );
      })}
    </ol>
  );
  return render(children.get(null) ?? [], 1);
}

function CommentItem({ c, replyBase }: { c: PublicComment; replyBase: number | null }) {
  const when = c.published_at ?? c.created_at;
  return (
    <article class="comment-body" aria-label={`Bình luận của ${c.author_name}`}>
      <p class="comment-head">
        <strong class="comment-author">{c.author_name}</strong>
        {c.official ? <span class="badge-official">Trả lời chính thức</span> : null}
        <time dateTime={when}>{formatDateTime(when)}</time>
      </p>
      <div class="comment-text">
        {c.content.split(/\n{2,}/).map((para) => (
          <p>{para.split('\n').flatMap((line, i) => (i ? [<br />, line] : [line]))}</p>
        ))}
      </div>
      {replyBase !== null && (
        <a class="comment-reply" href={writeUrl(replyBase, c.id)} data-reply-to={String(c.id)} data-reply-name={c.author_name}>
          Trả lời<span class="visually-hidden"> bình luận của {c.author_name}</span>
        </a>
      )}
    </article>
  );
}
