import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { isbot } from 'isbot';
import { AppError } from '../../kernel/lib/errors.js';
import { urls } from '../../kernel/http/urls.js';
import { citizenWrite, noStore, sendPage, wantsJson } from '../../kernel/http/citizen.js';
import { limitedTo, quietlyLimitedTo } from '../../kernel/http/limits.js';
import { IdParams } from '../../kernel/http/route-schemas.js';
import { publishedArticle } from '../articles/published.js';
import { articleView } from '../articles/public/article-view.js';
import { averageOf, castVote, isStars, readerStars, readRating, ratingText, starsOf, type RatingNumbers } from './rating.js';
import { giveVoterCookie, newVoter, voterFromCookie, type VisitorKeys } from '../../kernel/citizen/visitor.js';
import { capReached } from '../../kernel/citizen/vote-cap.js';

/**
 * GET /danh-gia/<id>: the live numbers (and the visitor's own vote) for the rating widget.
 * POST /danh-gia/<id>: a vote, from the plain form (answered with a redirect to the page below)
 * or from interact.js (answered with the new numbers). Nothing here is cacheable.
 * GET /danh-gia/<id>/da-gui: where a reader without JavaScript lands after voting — the article
 * rendered afresh for them alone, with the new numbers and their own stars.
 *
 * Why a page of its own rather than a purge of the article's cached page: a purge could not show
 * the reader's own stars (the cached page is everyone's); a render started before the vote's
 * commit could be stored again just after the purge (stale for a minute more); and every vote,
 * 20 a minute from each address, would throw the article out of every instance's cache. Here the
 * cached article is never touched, nothing of this page is stored (no-store), it is rate-limited,
 * and it renders only for someone whose vote on the article is on record (anyone else is sent
 * to the cached article): no query string or invented address can fill the cache.
 */
export const VOTES_PER_MINUTE = 20;
/** Fresh renders of the page after a vote: a few per vote (a reload, going back) is plenty. */
export const AFTER_VOTE_PER_MINUTE = 30;

/** The page a no-JS vote is answered with (the fragment brings the reader back to the stars). */
export const afterVote = (articleId: number) => `/danh-gia/${articleId}/da-gui#danh-gia`;

function present(n: RatingNumbers, mine: number | null) {
  return { count: n.count, average: averageOf(n), text: ratingText(n), mine };
}

export async function ratingRoutes(root: FastifyInstance, visitors: VisitorKeys): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;

  app.get('/danh-gia/:id', { logLevel: 'warn', schema: { params: IdParams } }, async (request, reply) => {
    const id = Number(request.params.id);
    const n = await readRating(ctx.db, request.site.id, id);
    if (!n) throw new AppError('not_found');
    return noStore(reply).send(present(n, await starsOf(ctx.db, request.site.id, id, voterFromCookie(request))));
  });

  app.post('/danh-gia/:id', { ...limitedTo(VOTES_PER_MINUTE), preValidation: citizenWrite, schema: { params: IdParams } }, async (request, reply) => {
    const now = ctx.now();
    const article = await publishedArticle(request, Number(request.params.id), now);
    const back = `${urls.article(article)}#danh-gia`;
    const raw = (request.body as Record<string, unknown> | undefined)?.sao;
    const stars = typeof raw === 'number' ? String(raw) : raw;
    if (!isStars(stars)) throw new AppError('bad_request', 'Vui lòng chọn số sao (từ 1 đến 5) rồi gửi đánh giá.');

    const ua = request.headers['user-agent'] ?? '';
    // Known robots (and scripts without a user agent) are answered as usual but not counted.
    if (!ua || isbot(ua)) {
      const n = (await readRating(ctx.db, request.site.id, article.id))!;
      return wantsJson(request) ? reply.send(present(n, null)) : reply.redirect(back, 303);
    }
    const cookieVoter = voterFromCookie(request);
    // Without a cookie: a new voter id, given to the browser only if the vote counts.
    const fresh = cookieVoter ? null : newVoter(request);
    const n = await castVote(ctx.db, ctx.dialect, {
      siteId: request.site.id,
      articleId: article.id,
      stars: Number(stars),
      voter: cookieVoter ?? fresh!.hash,
      visitor: await visitors.hashOf(request, now.getTime()),
      matchBy: cookieVoter ? 'voter' : 'visitor',
      cap: cookieVoter ? null : { siteId: request.site.id, item: `a:${article.id}`, ...(await visitors.addressOf(request, now.getTime())) },
      now,
    });
    if (!n) throw new AppError('vote_limit', capReached('lượt đánh giá bài viết này'));
    if (fresh) giveVoterCookie(request, reply, fresh);
    return wantsJson(request) ? reply.send(present(n, Number(stars))) : reply.redirect(afterVote(article.id), 303);
  });

  app.get('/danh-gia/:id/da-gui', { ...quietlyLimitedTo(AFTER_VOTE_PER_MINUTE), schema: { params: IdParams } }, async (request, reply) => {
    const now = ctx.now();
    const article = await publishedArticle(request, Number(request.params.id), now);
    const mine = await readerStars(ctx.db, request.site.id, article.id, voterFromCookie(request), await visitors.hashOf(request, now.getTime()));
    if (mine === null) return noStore(reply).redirect(`${urls.article(article)}#danh-gia`, 303);
    return sendPage(reply, await articleView(ctx, request, article, now.toISOString(), mine));
  });
}
