import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ArticleRow } from '../../../kernel/db/schema.js';
import { cached } from '../../../kernel/http/cached.js';
import { limitedTo } from '../../../kernel/http/limits.js';
import { htmlPage, originOf, permanentRedirect, PUBLIC_HTML_CACHE } from '../../../kernel/http/render.js';
import { SlugIdParams } from '../../../kernel/http/route-schemas.js';
import { urls } from '../../../kernel/http/urls.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { formatDateTime } from '../../../kernel/lib/format.js';
import { splitSlugId } from '../../../kernel/lib/ids.js';
import { linkDocumentNumbers } from '../../documents/linker.js';
import { responsiveImages } from '../../media/responsive-body.js';
import { articlePaths } from '../paths.js';
import { attachmentDisposition } from '../pdf/file-name.js';
import { PdfFontMissing, PdfMaker } from '../pdf/pdf-maker.js';
import { PdfShelf } from '../pdf/pdf-shelf.js';
import { findPublishedArticle } from '../repo.js';
import { ArticlePrintPage } from './print-page.js';

/**
 * Article files made a minute from one address. Each is a page-cache miss at most once a minute
 * per article, and laid out again only when the article changed (pdf-shelf.ts); the limit stops a
 * script walking every article of every site through the PDF thread.
 */
export const PDFS_PER_MINUTE = 20;
/** Print views a minute from one address: cached HTML like the article, but a page per article. */
export const PRINTS_PER_MINUTE = 60;

const PDF_UNAVAILABLE = 'Chưa lưu được bài viết thành tệp PDF do máy chủ đang thiếu phông chữ tiếng Việt. Bạn vẫn có thể đọc hoặc in bài viết; quản trị hệ thống đã được báo để khắc phục.';

/** "Lưu bài viết" (the article as a PDF file) and "In bài viết" (its print view): both work without JavaScript. */
export async function savePrintRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;
  const maker = new PdfMaker(ctx.config.pdfFontDir);
  const shelf = new PdfShelf();
  app.addHook('onClose', () => maker.close());

  /** The published article the address names, or the 301 to its right slug. */
  async function articleAt(request: FastifyRequest, slugId: string, pathOf: (a: ArticleRow) => string) {
    const { slug, id } = splitSlugId(slugId);
    const article = await findPublishedArticle(ctx.db, request.site.id, id, ctx.now().toISOString());
    if (!article) throw new AppError('not_found');
    return slug === article.slug ? { article } : { moved: permanentRedirect(pathOf(article)) };
  }

  app.get('/bai-viet/:slugId/luu.pdf', {
    ...limitedTo(PDFS_PER_MINUTE),
    ...cached(app, { params: SlugIdParams }, async (request) => {
      const found = await articleAt(request, request.params.slugId, articlePaths.save);
      if (found.moved) return found.moved;
      const a = found.article;
      const article = {
        siteName: request.site.name,
        title: a.title,
        date: formatDateTime(a.published_at),
        author: a.author,
        source: a.source,
        sapo: a.sapo,
        bodyHtml: a.body_html,
        url: originOf(request) + urls.article(a),
        publishedAt: a.published_at,
        updatedAt: a.updated_at,
      };
      const key = PdfShelf.key(article);
      let pdf = shelf.get(key);
      if (!pdf) {
        pdf = await maker.make(article).catch((err: unknown) => {
          if (!(err instanceof PdfFontMissing)) throw err;
          // The operator reads what is missing and which package brings it; the reader, a Vietnamese 503.
          request.log.error({ reason: err.message }, 'article PDF cannot be made: font missing');
          throw new AppError('unavailable', PDF_UNAVAILABLE);
        });
        shelf.put(key, pdf);
      }
      return {
        status: 200,
        contentType: 'application/pdf',
        body: pdf,
        cacheControl: PUBLIC_HTML_CACHE,
        lastModified: a.updated_at,
        headers: { 'content-disposition': attachmentDisposition(a.title, a.slug), 'x-robots-tag': 'noindex' },
      };
    }),
  });

  app.get('/bai-viet/:slugId/in', {
    ...limitedTo(PRINTS_PER_MINUTE),
    ...cached(app, { params: SlugIdParams }, async (request) => {
      const found = await articleAt(request, request.params.slugId, articlePaths.print);
      if (found.moved) return found.moved;
      const a = found.article;
      const body_html = await linkDocumentNumbers(ctx.db, a.site_id, a.body_html).then((html) => responsiveImages(ctx.db, a.site_id, html));
      return htmlPage(<ArticlePrintPage siteName={request.site.name} assets={ctx.assets} origin={originOf(request)} article={{ ...a, body_html }} />, a.updated_at);
    }),
  });
}
