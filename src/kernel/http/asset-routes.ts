import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../lib/errors.js';
import { makeEntry, type CacheEntry } from './cache-entry.js';
import { sendEntry } from './cache-reply.js';
import { WildcardParams } from './route-schemas.js';

/** Content-hashed client assets, compressed once (at the best levels) when first asked for, cached for a year. */
export async function assetRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const entries = new Map<string, CacheEntry>();
  app.get('/assets/*', { schema: { params: WildcardParams } }, async (request, reply) => {
    const name = request.params['*'];
    let entry = entries.get(name);
    if (!entry) {
      const asset = app.cong.assets.get(name);
      if (!asset) throw new AppError('not_found');
      entry = await makeEntry(
        { status: 200, contentType: asset.contentType, body: asset.body, cacheControl: 'public, max-age=31536000, immutable' },
        Infinity,
        null,
        true,
      );
      entries.set(name, entry);
    }
    return sendEntry(request, reply, entry);
  });
}
