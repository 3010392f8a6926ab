import type { FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { AppContext } from '../../../kernel/context.js';
import type { ArticleRow } from '../../../kernel/db/schema.js';
import { frameFor } from '../../../kernel/http/render.js';
import { listPublished as listComments } from '../../comments/repo.js';
import { linkDocumentNumbers } from '../../documents/linker.js';
import { coverOf } from '../../media/cover.js';
import { responsiveImages } from '../../media/responsive-body.js';
import { listCategories, listRelated } from '../repo.js';
import { ArticlePage } from './article.js';

/**
 * The public page of a published article, with everything around it (related articles,
 * comments, cover, linked document numbers). `ownStars`: the reader's own rating, shown only on
 * the uncached page a reader without JavaScript lands on after voting (src/features/ratings).
 */
export async function articleView(ctx: AppContext, request: FastifyRequest, article: ArticleRow, now: string, ownStars?: number): Promise<VNode> {
  const site = request.site;
  const [frame, related, comments, body_html, cover] = await Promise.all([
    frameFor(ctx, request),
    listRelated(ctx.db, article, now, 5),
    listComments(ctx.db, site.id, article.id),
    linkDocumentNumbers(ctx.db, site.id, article.body_html).then((html) => responsiveImages(ctx.db, site.id, html)),
    coverOf(ctx.db, article),
  ]);
  // The frame (kept per site for a few seconds) already lists the categories; a category made
  // since is read from the database.
  const category = frame.categories.find((c) => c.id === article.category_id) ?? (await listCategories(ctx.db, site.id)).find((c) => c.id === article.category_id)!;
  return <ArticlePage frame={frame} article={{ ...article, body_html }} category={category} related={related} comments={comments} cover={cover} ownStars={ownStars} />;
}
