import type { ArticleRow } from '../../../kernel/db/schema.js';
import type { Frame } from '../../../kernel/views/public/frame.js';
import { urls } from '../../../kernel/http/urls.js';
import { Layout } from '../../../kernel/views/public/layout.js';
import type { FieldErrors } from '../input.js';
import type { PublicComment } from '../repo.js';
import { moderationOf } from '../settings.js';
import type { FallbackQuestion } from '../../../kernel/citizen/question.js';
import { CommentFields, ModerationNote, PrivacyNote, QuestionStep, type FormValues } from './comment-form.js';

/**
 * The uncached pages of the comment form for people without JavaScript: the form with a fresh
 * fallback question (first visit, or back with their text and the errors after a failed post),
 * and the page that says the comment was received.
 */
type Art = Pick<ArticleRow, 'id' | 'slug' | 'title'>;

export function WriteCommentPage({ frame, article, values, errors, question, parent }: {
  frame: Frame;
  article: Art;
  values: FormValues;
  errors: FieldErrors;
  question: FallbackQuestion;
  parent: PublicComment | null;
}) {
  const back = urls.article(article);
  return (
    <Layout
      frame={frame}
      meta={{ title: `Viết bình luận: ${article.title}`, canonicalPath: `/binh-luan/${article.id}/viet`, noindex: true, styles: ['interact.css'] }}
      crumbs={[{ name: 'Trang chủ', href: '/' }, { name: article.title, href: back }, { name: 'Viết bình luận', href: `/binh-luan/${article.id}/viet` }]}
    >
      <h1 class="page-title">Viết bình luận</h1>
      <p>
        Về bài viết: <a href={back}>{article.title}</a>
      </p>
      {parent && (
        <div class="reply-quote">
          <p>Trả lời bình luận của <strong>{parent.author_name}</strong>:</p>
          <blockquote>{parent.content.length > 300 ? `${parent.content.slice(0, 300)}…` : parent.content}</blockquote>
        </div>
      )}
      {Object.keys(errors).length > 0 && (
        <p class="form-error" role="alert">Bình luận chưa được gửi. Vui lòng xem lại các ô được đánh dấu bên dưới.</p>
      )}
      <form method="post" action={`/binh-luan/${article.id}`} class="comment-form" novalidate>
        <CommentFields values={values} errors={errors} verification={<QuestionStep question={question.question} token={question.token} errors={errors} />}>
          <ModerationNote mode={moderationOf(frame.site.settings)} />
          <PrivacyNote />
        </CommentFields>
      </form>
    </Layout>
  );
}

export const SENT_MESSAGES = {
  pending: 'Bình luận của bạn đã được gửi và đang chờ duyệt.',
  published: 'Bình luận của bạn đã được đăng.',
} as const;

export function CommentSentPage({ frame, article, status, commentId }: { frame: Frame; article: Art; status: 'pending' | 'published'; commentId: number | null }) {
  const back = urls.article(article);
  return (
    <Layout frame={frame} meta={{ title: 'Đã gửi bình luận', canonicalPath: `/binh-luan/${article.id}/da-gui`, noindex: true, styles: ['interact.css'] }}>
      <h1 class="page-title">Đã gửi bình luận</h1>
      <p class="notice-ok" role="status">{SENT_MESSAGES[status]}</p>
      <p>
        <a href={status === 'published' && commentId ? `${back}#binh-luan-${commentId}` : `${back}#binh-luan`}>Quay lại bài viết “{article.title}”</a>
      </p>
    </Layout>
  );
}
