import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../lib/errors.js';
import { makeBest, makeEntry, type CacheEntry } from './cache-entry.js';
import { pickEncoding } from './accept-encoding.js';
import { sendEntry } from './cache-reply.js';
import { WildcardParams } from './route-schemas.js';

/**
 * Content-hashed client assets, cached for a year. The first request gets a copy at the fast
 * level at once (brotli 11 takes over a second for the editor's 470 KB); the best copies are
 * made right after, in the background.
 */
export async function assetRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const entries = new Map<string, Promise<CacheEntry>>();
  app.get('/assets/*', { schema: { params: WildcardParams } }, async (request, reply) => {
    const name = request.params['*'];
    let entry = entries.get(name);
    if (!entry) {
      const asset = app.cong.assets.get(name);
      if (!asset) throw new AppError('not_found');
      const body = { status: 200, contentType: asset.contentType, body: asset.body, cacheControl: 'public, max-age=31536000, immutable' };
      entry = makeEntry(body, Infinity, pickEncoding(request.headers['accept-encoding']));
      entries.set(name, entry);
      entry.then((e) => makeBest(e)).catch(() => entries.delete(name));
    }
    return sendEntry(request, reply, await entry);
  });
}
