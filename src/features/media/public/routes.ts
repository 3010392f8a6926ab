import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { WildcardParams } from '../../../kernel/http/route-schemas.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { sendStoredFile } from '../../../kernel/http/stored-file.js';
import { findMediaByPath } from '../repo.js';
import { TYPES_BY_EXT } from '../sniff.js';
import { extensionOf, sitePathFromUrl } from '../storage.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** RFC 6266: an ASCII fallback name and the real (Vietnamese) one, percent-encoded. */
export function attachmentDisposition(name: string): string {
  const ascii = name.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/**
 * Uploaded files, streamed from the store (directory or bucket). A file's name never changes meaning (every upload
 * gets a new random name), so it is cached for a year. A site serves only its own folder:
 * another site's file is a 404, as if it did not exist.
 */
export async function mediaPublicRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;

  app.get('/media/*', { schema: { params: WildcardParams } }, async (request, reply) => {
    const rel = sitePathFromUrl(request.params['*'], request.site.code);
    const type = rel ? TYPES_BY_EXT[extensionOf(rel)] : undefined;
    if (!rel || !type) throw new AppError('not_found');
    if (type.kind === 'document') {
      // Documents are downloaded, never rendered inside our origin, under the name they were uploaded with.
      const row = await findMediaByPath(ctx.db, request.site.id, rel);
      if (!row) throw new AppError('not_found');
      reply.header('content-disposition', attachmentDisposition(row.original_name));
    }
    reply.header('x-content-type-options', 'nosniff');
    return sendStoredFile(request, reply, ctx.media, rel, { contentType: type.mime, cacheControl: IMMUTABLE });
  });
}
