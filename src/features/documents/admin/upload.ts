import multipart, { type MultipartFile, type MultipartValue } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { UploadedFile } from '../commands/attach-file.js';
import { MAX_FILE_BYTES } from '../files.js';
import { safeEqual } from '../../../kernel/lib/tokens.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The file of a document upload, read only once the form's CSRF token was found valid. */
    documentUpload: UploadedFile | null;
  }
}

/**
 * Buffers the uploaded file only when the CSRF token sent before it (the form puts `_csrf`
 * first) or in X-CSRF-Token is the session's; otherwise the bytes are drained and dropped and
 * the admin CSRF hook answers 403 before anything is stored. Past 20 MB the file is cut off
 * and marked truncated (the command then answers with the size message).
 */
async function onFile(this: FastifyRequest, part: MultipartFile): Promise<void> {
  const field = part.fields._csrf as MultipartValue | undefined;
  const sent = typeof field?.value === 'string' ? field.value : this.headers['x-csrf-token'];
  const expected = this.session?.csrf_token;
  if (this.documentUpload || typeof sent !== 'string' || !expected || !safeEqual(sent, expected)) {
    for await (const _chunk of part.file) {
      // drained, not kept
    }
    return;
  }
  const data = await part.toBuffer();
  this.documentUpload = { name: part.filename, data, truncated: part.file.truncated };
}

/** A scope that accepts one multipart document upload; `routes` is registered inside it. */
export async function documentUploadScope(admin: FastifyInstance, routes: (scope: FastifyInstance) => Promise<void>): Promise<void> {
  await admin.register(async (scope) => {
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      onFile,
      throwFileSizeLimit: false,
      limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 4, fieldSize: 4096, parts: 6, headerPairs: 100 },
    });
    scope.decorateRequest('documentUpload', null);
    await routes(scope);
  });
}
