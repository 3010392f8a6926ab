import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../lib/errors.js';
import type { MediaStorage, StoredObject } from '../storage/media-storage.js';
import { parseByteRange } from './byte-range.js';

export interface StoredFileAnswer {
  /** The type the feature knows from its own row: the same from a directory or a bucket. */
  contentType: string;
  cacheControl: string;
}

/**
 * Answers a request for a stored file, the same way from either store: ETag and Last-Modified,
 * 304 to a matching If-None-Match (or If-Modified-Since), one byte range as 206 (audio seeking,
 * resumed PDF downloads), HEAD without reading the bytes, and the 404 page for a missing key.
 * The bytes are streamed through this process: a bucket stays private.
 */
export async function sendStoredFile(request: FastifyRequest, reply: FastifyReply, storage: MediaStorage, key: string, answer: StoredFileAnswer): Promise<FastifyReply> {
  const h = request.headers;
  // The common case, a plain GET, costs one call to the store; the others need the facts first.
  if (request.method === 'GET' && !h.range && !h['if-none-match'] && !h['if-modified-since']) {
    const file = await storage.get(key);
    if (!file) throw new AppError('not_found');
    return describe(reply, file, answer).header('content-length', file.size).send(file.body);
  }
  const info = await storage.head(key);
  if (!info) throw new AppError('not_found');
  describe(reply, info, answer);
  if (notModified(request, info)) return reply.code(304).send();
  const range = honoursIfRange(request, info) ? parseByteRange(h.range, info.size) : null;
  if (range === 'unsatisfiable') return reply.code(416).header('content-range', `bytes */${info.size}`).send();
  if (range) reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${info.size}`);
  reply.header('content-length', range ? range.end - range.start + 1 : info.size);
  // HEAD: the headers of the GET, no bytes read (Fastify drains the empty stream).
  if (request.method === 'HEAD') return reply.send(Readable.from([]));
  const file = await storage.get(key, range ?? undefined);
  if (!file) throw new AppError('not_found');
  return reply.send(file.body);
}

function describe(reply: FastifyReply, info: StoredObject, answer: StoredFileAnswer): FastifyReply {
  return reply
    .type(answer.contentType)
    .header('cache-control', answer.cacheControl)
    .header('accept-ranges', 'bytes')
    .header('etag', info.etag)
    .header('last-modified', info.lastModified.toUTCString());
}

/** RFC 9110 §13.2.2: If-None-Match (weak comparison) wins over If-Modified-Since. */
function notModified(request: FastifyRequest, info: StoredObject): boolean {
  const inm = request.headers['if-none-match'];
  if (inm) {
    const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
    return inm.trim() === '*' || inm.split(',').some((tag) => opaque(tag) === opaque(info.etag));
  }
  const ims = Date.parse(request.headers['if-modified-since'] ?? '');
  return Number.isFinite(ims) && Math.floor(info.lastModified.getTime() / 1000) * 1000 <= ims;
}

/** A Range sent with If-Range applies only while the file is the one the client has part of. */
function honoursIfRange(request: FastifyRequest, info: StoredObject): boolean {
  const ifRange = request.headers['if-range'];
  if (typeof ifRange !== 'string') return true;
  if (ifRange.startsWith('"')) return ifRange === info.etag;
  return ifRange === info.lastModified.toUTCString();
}
