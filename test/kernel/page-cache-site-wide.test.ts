import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PageCache, type Rendered } from '../../src/kernel/http/page-cache.js';
import type { PurgeBus, PurgeHandler, PurgeMessage } from '../../src/kernel/http/purge-bus.js';

/** A bus that lets the test play the other instance. */
class TestBus implements PurgeBus {
  handler: PurgeHandler = () => undefined;
  published: PurgeMessage[] = [];
  publish(m: PurgeMessage): void {
    this.published.push(m);
  }
  subscribe(h: PurgeHandler): void {
    this.handler = h;
  }
  async close(): Promise<void> {}
}

const json = (path: string): Rendered => ({ status: 200, contentType: 'application/json; charset=utf-8', body: JSON.stringify({ path }), cacheControl: 'public, max-age=60' });
const PATHS = ['/api/v1/articles', '/api/openapi.json', '/van-ban', '/thu-tuc-hanh-chinh', '/'];

async function filled(bus = new TestBus()) {
  const cache = new PageCache(60_000, bus);
  cache.dropWithEverySitePurge('/api/');
  for (const site of [1, 2]) for (const p of PATHS) await cache.getOrRender(PageCache.key(site, p), async () => json(p), null);
  const kept = (site: number) => PATHS.filter((p) => cache.peek(PageCache.key(site, p)));
  return { cache, bus, kept };
}

test('entries under a site-wide prefix are dropped by any purge of their site — paths, prefix, whole site, here or from another instance — and by nothing else', async () => {
  {
    const { cache, kept } = await filled();
    cache.purgePaths(1, ['/thu-tuc-hanh-chinh']);
    assert.deepEqual(kept(1), ['/van-ban', '/']);
    assert.deepEqual(kept(2), PATHS, 'the other site keeps everything');
  }
  {
    const { cache, kept } = await filled();
    cache.purgePrefix(1, '/van-ban');
    assert.deepEqual(kept(1), ['/thu-tuc-hanh-chinh', '/']);
  }
  {
    const { cache, kept } = await filled();
    cache.purgeSite(2);
    assert.deepEqual(kept(1), PATHS);
    assert.deepEqual(kept(2), []);
  }
  {
    const { bus, kept } = await filled();
    bus.handler({ op: 'paths', siteId: 1, paths: ['/'] });
    assert.deepEqual(kept(1), ['/van-ban', '/thu-tuc-hanh-chinh'], "another instance's purge drops them too");
  }
  {
    const cache = new PageCache(60_000, new TestBus());
    for (const p of PATHS) await cache.getOrRender(PageCache.key(1, p), async () => json(p), null);
    cache.purgePaths(1, ['/']);
    assert.ok(cache.peek(PageCache.key(1, '/api/v1/articles')), 'without the declaration nothing more is dropped');
  }
});
