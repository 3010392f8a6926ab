import multipart, { type MultipartFile, type MultipartValue } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { UPLOAD_LIMITS, type UploadInput } from '../../media/commands/upload-media.js';
import { safeEqual } from '../../../kernel/lib/tokens.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The file of a song upload, read only once the form's CSRF token was found valid. */
    songUpload: UploadInput['file'];
  }
}

/**
 * Reads the uploaded song into memory only when the CSRF token sent before it (the form puts
 * `_csrf` first) or in the X-CSRF-Token header is the session's; otherwise the bytes are drained
 * and dropped, and the admin CSRF hook answers 403 before the handler stores anything.
 */
async function onFile(this: FastifyRequest, part: MultipartFile): Promise<void> {
  const field = part.fields._csrf as MultipartValue | undefined;
  const sent = typeof field?.value === 'string' ? field.value : this.headers['x-csrf-token'];
  const expected = this.session?.csrf_token;
  if (this.songUpload || typeof sent !== 'string' || !expected || !safeEqual(sent, expected)) {
    for await (const _chunk of part.file) {
      // drained, not kept
    }
    return;
  }
  const data = await part.toBuffer();
  this.songUpload = { name: part.filename, data, truncated: part.file.truncated };
}

/**
 * A scope that accepts one multipart song upload (30 MB, one file, a few short fields); the
 * rest of the back office keeps refusing multipart bodies. `routes` is registered inside it.
 */
export async function songUploadScope(admin: FastifyInstance, routes: (scope: FastifyInstance) => Promise<void>): Promise<void> {
  await admin.register(async (scope) => {
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      onFile,
      throwFileSizeLimit: false,
      limits: { fileSize: UPLOAD_LIMITS.audio, files: 1, fields: 6, fieldSize: 4096, parts: 8, headerPairs: 100 },
    });
    scope.decorateRequest('songUpload', null);
    await routes(scope);
  });
}
