import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { listFiles } from '../../documents/repo.js';
import { citizenWrite, sendPage, wantsJson } from '../../../kernel/http/citizen.js';
import { limitedTo } from '../../../kernel/http/limits.js';
import { IdParams } from '../../../kernel/http/route-schemas.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { DRAFTS_PATH, draftPath } from '../../polls/paths.js';
import { cached } from '../../../kernel/http/cached.js';
import { frameFor, HTML, htmlPage, renderHtml } from '../../../kernel/http/render.js';
import { EMPTY_FEEDBACK, feedbackFromBody } from '../input.js';
import { findDraft, listPublicDrafts, type DraftItem } from '../repo.js';
import { SENT, submitFeedback, type FeedbackResult } from '../submit-feedback.js';
import { UNAVAILABLE_FORM, unlessOutage } from '../../../kernel/http/outage.js';
import { FORM } from '../../comments/input.js';
import { DraftListPage, DraftPage, FeedbackSentPage, type FeedbackValues } from './pages.js';

/**
 * Góp ý dự thảo, public side:
 *   GET  /gop-y-du-thao              drafts open for comment and closed ones (cached)
 *   GET  /gop-y-du-thao/<id>         the draft, its files and the feedback form (uncached: the
 *                                    form carries a fresh verification question)
 *   POST /gop-y-du-thao/<id>         feedback → 303 to …/da-gui, or the page again with the
 *                                    errors and the typed text (JSON for the comment script)
 *   GET  /gop-y-du-thao/<id>/da-gui  thank-you page
 * The drafts are documents of the library (status 'du-thao'); the ALTCHA challenge and the
 * fallback question come from the comment endpoints (/binh-luan/thu-thach, /binh-luan/cau-hoi).
 */
export async function consultationRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;
  const { secrets, verification, counter, visitors } = app.cong.citizen;

  async function draftOf(request: FastifyRequest, id: string): Promise<DraftItem> {
    const d = await findDraft(ctx.db, request.site.id, Number(id));
    if (!d) throw new AppError('not_found');
    return d;
  }

  async function page(request: FastifyRequest, reply: FastifyReply, draft: DraftItem, values: FeedbackValues, errors: Record<string, string>, status = 200) {
    const files = await listFiles(ctx.db, request.site.id, draft.id);
    const view = <DraftPage frame={await frameFor(ctx, request)} draft={draft} files={files} now={ctx.now()} values={values} errors={errors} question={verification.question(request.site.id)} />;
    if (status !== 200) return sendPage(reply, view, status);
    // Not cached (the form carries a fresh question) but indexable: the draft is public content.
    return reply.header('cache-control', 'no-store').type(HTML).send(renderHtml(view));
  }

  app.get(DRAFTS_PATH, cached(app, async (request) => {
    const now = ctx.now();
    const [frame, lists] = await Promise.all([frameFor(ctx, request), listPublicDrafts(ctx.db, request.site.id, now)]);
    return htmlPage(<DraftListPage frame={frame} open={lists.open} closed={lists.closed} now={now} />);
  }));

  app.get(`${DRAFTS_PATH}/:id`, { ...limitedTo(60), schema: { params: IdParams } }, async (request, reply) =>
    page(request, reply, await draftOf(request, request.params.id), EMPTY_FEEDBACK, {}));

  app.post(`${DRAFTS_PATH}/:id`, { ...limitedTo(20), preValidation: citizenWrite, schema: { params: IdParams } }, async (request, reply) => {
    const now = ctx.now();
    const draft = await draftOf(request, request.params.id);
    const form = feedbackFromBody(request.body);
    const submitted = await unlessOutage(submitFeedback(
      {
        db: ctx.db, cache: ctx.pageCache, verification, counter, limiterSecret: secrets.limiter, siteId: request.site.id, ip: request.ip,
        visitor: await visitors.hashOf(request, now.getTime()), now,
      },
      draft,
      form,
    ), ctx.redis);
    // Redis or the database out of reach: nothing was stored; the text comes back to be sent again.
    const result: FeedbackResult = submitted ?? { ok: false, errors: { [FORM]: UNAVAILABLE_FORM }, verificationUsed: false, status: 503 };
    if (wantsJson(request)) {
      if (!result.ok) return reply.code(result.status).send({ ok: false, errors: result.errors, verificationUsed: result.verificationUsed });
      return reply.send({ ok: true, message: SENT });
    }
    if (!result.ok) {
      const values = { name: form.name, contact: form.contact, organisation: form.organisation, content: form.content };
      return page(request, reply, draft, values, result.errors, result.status);
    }
    return reply.redirect(`${draftPath(draft.id)}/da-gui`, 303);
  });

  app.get(`${DRAFTS_PATH}/:id/da-gui`, { ...limitedTo(60), schema: { params: IdParams } }, async (request, reply) => {
    const draft = await draftOf(request, request.params.id);
    return sendPage(reply, <FeedbackSentPage frame={await frameFor(ctx, request)} draft={draft} />);
  });
}
