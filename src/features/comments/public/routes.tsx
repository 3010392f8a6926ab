import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { ArticleRow } from '../../../kernel/db/schema.js';
import { frameFor } from '../../../kernel/http/render.js';
import { urls } from '../../../kernel/http/urls.js';
import { FORM, formFromBody, type CommentForm, type FieldErrors } from '../input.js';
import { UNAVAILABLE_FORM, unlessOutage } from '../../../kernel/http/outage.js';
import { commentsOpen, postComment } from '../post-comment.js';
import { findComment, type PublicComment } from '../repo.js';
import { citizenWrite, noStore, sendPage, wantsJson } from '../../../kernel/http/citizen.js';
import { quietlyLimitedTo } from '../../../kernel/http/limits.js';
import { IdParams, QueryText } from '../../../kernel/http/route-schemas.js';
import { parseId } from '../../../kernel/lib/ids.js';
import { publishedArticle } from '../../articles/published.js';
import type { CommentLimiter } from '../../../kernel/citizen/limits.js';
import type { Verification } from '../../../kernel/citizen/verification.js';
import { EMPTY_VALUES, type FormValues } from './comment-form.js';
import { CommentSentPage, SENT_MESSAGES, WriteCommentPage } from './write-page.js';
import type { VisitorKeys } from '../../../kernel/citizen/visitor.js';

/**
 * The comment endpoints. The article page (cached, the same for everyone) holds a form that
 * interact.js completes with the ALTCHA widget and posts with fetch (JSON answers). People
 * without JavaScript follow "Viết bình luận" to GET /binh-luan/<id>/viet, an uncached page with
 * the form and a fresh fallback question; their post is answered with that page again (their
 * text, the errors and a new question) or a redirect to /binh-luan/<id>/da-gui.
 *
 *   GET  /binh-luan/thu-thach     an ALTCHA challenge (JSON)
 *   GET  /binh-luan/cau-hoi       a fallback question and its token (JSON, for browsers without ALTCHA support)
 *   GET  /binh-luan/<id>/viet     the no-JS form (?tra-loi=<comment id> to answer a comment)
 *   POST /binh-luan/<id>          a comment
 *   GET  /binh-luan/<id>/da-gui   "received" page after a no-JS post
 */
export interface CommentServices {
  verification: Verification;
  limiter: CommentLimiter;
  visitors: VisitorKeys;
}

export async function commentRoutes(root: FastifyInstance, s: CommentServices): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;

  app.get('/binh-luan/thu-thach', quietlyLimitedTo(30), async (_request, reply) => noStore(reply).send(await s.verification.challenge()));

  app.get('/binh-luan/cau-hoi', quietlyLimitedTo(30), async (request, reply) => noStore(reply).send(s.verification.question(request.site.id)));

  async function writePage(request: FastifyRequest, reply: FastifyReply, article: ArticleRow, values: FormValues, errors: FieldErrors, status = 200) {
    const parent = values.parentId ? await publishedComment(request, article.id, values.parentId) : null;
    const page = (
      <WriteCommentPage
        frame={await frameFor(ctx, request)}
        article={article}
        values={{ ...values, parentId: parent ? parent.id : null }}
        errors={errors}
        question={s.verification.question(request.site.id)}
        parent={parent}
      />
    );
    return sendPage(reply, page, status);
  }

  async function publishedComment(request: FastifyRequest, articleId: number, id: number): Promise<PublicComment | null> {
    const c = await findComment(ctx.db, request.site.id, id);
    return c && c.article_id === articleId && c.status === 'published' ? c : null;
  }

  const writeSchema = { params: IdParams, querystring: Type.Object({ 'tra-loi': QueryText }) };
  app.get('/binh-luan/:id/viet', { ...quietlyLimitedTo(30), schema: writeSchema }, async (request, reply) => {
    const article = await publishedArticle(request, Number(request.params.id), ctx.now());
    if (!commentsOpen(request.site, article)) return noStore(reply).redirect(`${urls.article(article)}#binh-luan`, 303);
    return writePage(request, reply, article, { ...EMPTY_VALUES, parentId: parseId(request.query['tra-loi']) }, {});
  });

  app.post('/binh-luan/:id', { ...quietlyLimitedTo(20), preValidation: citizenWrite, schema: { params: IdParams } }, async (request, reply) => {
    const now = ctx.now();
    const article = await publishedArticle(request, Number(request.params.id), now);
    const form: CommentForm = formFromBody(request.body);
    const result = await unlessOutage(postComment(
      {
        db: ctx.db,
        cache: ctx.pageCache,
        verification: s.verification,
        limiter: s.limiter,
        site: request.site,
        ip: request.ip,
        visitor: await s.visitors.hashOf(request, now.getTime()),
        now,
      },
      article,
      form,
    ), ctx.redis);
    if (!result) {
      // Redis or the database out of reach: nothing was stored; the text comes back to be sent again.
      if (wantsJson(request)) return reply.code(503).send({ ok: false, errors: { [FORM]: UNAVAILABLE_FORM }, verificationUsed: false });
      const values: FormValues = { name: form.name, email: form.email, content: form.content, parentId: form.parentId };
      return writePage(request, reply, article, values, { [FORM]: UNAVAILABLE_FORM }, 503);
    }
    if (wantsJson(request)) {
      if (!result.ok) return reply.code(422).send({ ok: false, errors: result.errors, verificationUsed: result.verificationUsed });
      return reply.send({ ok: true, status: result.status, message: SENT_MESSAGES[result.status], commentId: result.commentId });
    }
    if (!result.ok) {
      const values: FormValues = { name: form.name, email: form.email, content: form.content, parentId: form.parentId };
      return writePage(request, reply, article, values, result.errors, 422);
    }
    const q = result.status === 'published' && result.commentId ? `?da-dang=${result.commentId}` : '';
    return reply.redirect(`/binh-luan/${article.id}/da-gui${q}`, 303);
  });

  const sentSchema = { params: IdParams, querystring: Type.Object({ 'da-dang': QueryText }) };
  app.get('/binh-luan/:id/da-gui', { ...quietlyLimitedTo(60), schema: sentSchema }, async (request, reply) => {
    const article = await publishedArticle(request, Number(request.params.id), ctx.now());
    const shownId = parseId(request.query['da-dang']);
    const shown = shownId === null ? null : await publishedComment(request, article.id, shownId);
    const page = <CommentSentPage frame={await frameFor(ctx, request)} article={article} status={shown ? 'published' : 'pending'} commentId={shown ? shown.id : null} />;
    return sendPage(reply, page);
  });
}
