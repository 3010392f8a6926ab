import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isbot } from 'isbot';
import { bodyFields } from '../../../kernel/http/admin-scope.js';
import { citizenWrite, sendPage, wantsJson } from '../../../kernel/http/citizen.js';
import { limitedTo } from '../../../kernel/http/limits.js';
import { IdParams } from '../../../kernel/http/route-schemas.js';
import { isId } from '../../../kernel/lib/ids.js';
import { giveVoterCookie, newVoter, VisitorKeys, voterFromCookie } from '../../../kernel/citizen/visitor.js';
import { capReached, takeCookielessSlot } from '../../../kernel/citizen/vote-cap.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { cached } from '../../../kernel/http/cached.js';
import { frameFor, htmlPage } from '../../../kernel/http/render.js';
import { choicesOf, listPublicPolls, loadPublicPoll } from '../repo.js';
import { percentText, resultsPublic, totalText } from '../results.js';
import { castPollVote, checkChoices } from '../vote.js';
import { CHOICE_FIELD } from './poll-form.js';
import { CONFIRM_VOTE, PollListPage, PollPage, PollResultsPage, POLLS_PATH, pollPath, resultsPath } from './pages.js';

/**
 * Thăm dò ý kiến, public side (and Góp ý dự thảo, registered from here):
 *   GET  /tham-do-y-kien              open and closed polls (cached)
 *   GET  /tham-do-y-kien/<id>         the poll and its form; results when public (cached)
 *   POST /tham-do-y-kien/<id>         a vote → 303 to the results (PRG); JSON for fetch. A first vote
 *                                     without the voter cookie is not counted: the answer gives the
 *                                     cookie and the form again, to be sent once more (issue 16)
 *   GET  /tham-do-y-kien/<id>/ket-qua the results for this visitor (uncached: voters see them)
 */
export const POLL_VOTES_PER_MINUTE = 20;

export async function pollRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;
  const visitors = new VisitorKeys(ctx.db);

  async function publicPoll(request: FastifyRequest, id: string) {
    const p = await loadPublicPoll(ctx.db, request.site.id, Number(id));
    if (!p) throw new AppError('not_found');
    return p;
  }

  app.get(POLLS_PATH, cached(app, async (request) => {
    const [frame, polls] = await Promise.all([frameFor(ctx, request), listPublicPolls(ctx.db, request.site.id)]);
    return htmlPage(<PollListPage frame={frame} polls={polls} now={ctx.now()} />);
  }));

  app.get(`${POLLS_PATH}/:id`, cached(app, { params: IdParams }, async (request) => {
    const { poll, options } = await publicPoll(request, request.params.id);
    const now = ctx.now();
    return htmlPage(<PollPage frame={await frameFor(ctx, request)} poll={poll} options={options} now={now} showResults={resultsPublic(poll, now)} />, poll.updated_at);
  }));

  app.get(`${POLLS_PATH}/:id/ket-qua`, { ...limitedTo(60), schema: { params: IdParams } }, async (request, reply) => {
    const { poll, options } = await publicPoll(request, request.params.id);
    const now = ctx.now();
    const voter = voterFromCookie(request);
    const mine = await choicesOf(ctx.db, request.site.id, poll.id, voter, voter ? null : await visitors.hashOf(request, now.getTime()));
    const visible = resultsPublic(poll, now) || mine !== null;
    return sendPage(reply, <PollResultsPage frame={await frameFor(ctx, request)} poll={poll} options={options} now={now} visible={visible} mine={mine} />);
  });

  app.post(`${POLLS_PATH}/:id`, { ...limitedTo(POLL_VOTES_PER_MINUTE), preValidation: citizenWrite, schema: { params: IdParams } }, async (request, reply) => {
    const now = ctx.now();
    const { poll, options } = await publicPoll(request, request.params.id);
    const raw = bodyFields(request, CHOICE_FIELD);
    const checked = checkChoices(poll, options, raw, now);
    if (!checked.ok) {
      if (checked.status === 404) throw new AppError('not_found');
      if (wantsJson(request)) return reply.code(checked.status).send({ ok: false, error: { message: checked.message } });
      const selected = raw.filter(isId).map(Number);
      const page = <PollPage frame={await frameFor(ctx, request)} poll={poll} options={options} now={now} showResults={resultsPublic(poll, now)} error={checked.message} checked={selected} />;
      return sendPage(reply, page, checked.status);
    }
    const ua = request.headers['user-agent'] ?? '';
    // Known robots (and scripts without a user agent) are answered as usual but not counted.
    if (ua && !isbot(ua)) {
      const cookieVoter = voterFromCookie(request);
      const fresh = cookieVoter ? null : newVoter(request);
      const counted = await castPollVote(ctx.db, ctx.dialect, {
        siteId: request.site.id,
        pollId: poll.id,
        choices: checked.choices,
        voter: cookieVoter ?? fresh!.hash,
        visitor: await visitors.hashOf(request, now.getTime()),
        matchBy: cookieVoter ? 'voter' : 'visitor',
        now,
      });
      if (!counted) {
        // A first vote without the voter cookie: a script that only posts gets no further. The
        // browser gets its cookie here (at most a few per address and poll a day) and sends again.
        const slot = await takeCookielessSlot(ctx.db, { siteId: request.site.id, item: `p:${poll.id}`, ...(await visitors.addressOf(request, now.getTime())) });
        const message = slot ? CONFIRM_VOTE : capReached('lượt bình chọn cho cuộc thăm dò này');
        if (slot) giveVoterCookie(request, reply, fresh!);
        const status = slot ? 200 : 429;
        if (wantsJson(request)) return reply.code(status).send({ ok: false, confirm: slot, error: { message } });
        const page = <PollPage frame={await frameFor(ctx, request)} poll={poll} options={options} now={now} showResults={resultsPublic(poll, now)} checked={checked.choices} {...(slot ? { confirm: true } : { error: message })} />;
        return sendPage(reply, page, status);
      }
      if (fresh) giveVoterCookie(request, reply, fresh);
      // The list shows every poll's total; the poll page its results when they are public.
      ctx.pageCache.purgePaths(request.site.id, [POLLS_PATH, pollPath(poll.id)]);
    }
    if (!wantsJson(request)) return reply.redirect(resultsPath(poll.id), 303);
    const fresh = (await loadPublicPoll(ctx.db, request.site.id, poll.id))!;
    const total = Number(fresh.poll.total_votes);
    return reply.send({
      ok: true,
      total: totalText(total),
      options: fresh.options.map((o) => ({ id: o.id, label: o.label, votes: Number(o.votes), percent: percentText(Number(o.votes), total) })),
    });
  });

}
