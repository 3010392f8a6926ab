import type { FastifyRequest } from 'fastify';
import type { ArticleRow } from '../../kernel/db/schema.js';
import { AppError } from '../../kernel/lib/errors.js';
import { findPublishedArticle } from './repo.js';

/** The published article a citizen endpoint names (/danh-gia/<id>, /binh-luan/<id>…), or the 404 page. */
export async function publishedArticle(request: FastifyRequest, id: number, now: Date): Promise<ArticleRow> {
  const a = await findPublishedArticle(request.server.cong.db, request.site.id, id, now.toISOString());
  if (!a) throw new AppError('not_found');
  return a;
}
