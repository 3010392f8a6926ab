import type { FastifyInstance } from 'fastify';
import { AppError } from '../lib/errors.js';
import { sendEntry, toEntry, type CacheEntry } from './page-cache.js';

/** Content-hashed client assets, compressed once at start-up, cached for a year. */
export async function assetRoutes(app: FastifyInstance): Promise<void> {
  const entries = new Map<string, CacheEntry>();
  app.get('/assets/*', async (request, reply) => {
    const name = (request.params as { '*': string })['*'];
    let entry = entries.get(name);
    if (!entry) {
      const asset = app.cong.assets.get(name);
      if (!asset) throw new AppError('not_found');
      entry = toEntry(
        { status: 200, contentType: asset.contentType, body: asset.body, cacheControl: 'public, max-age=31536000, immutable' },
        Infinity,
      );
      entries.set(name, entry);
    }
    return sendEntry(request, reply, entry);
  });
}
