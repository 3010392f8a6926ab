import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { copyOf, countHit, identityOf, POPULAR_AFTER_HITS, type CacheEntry } from '../../src/kernel/http/cache-entry.js';
import { PageCache, type Rendered } from '../../src/kernel/http/page-cache.js';

/** A text page of about `kb` KB that compresses (words repeat, with some variety). */
function page(path: string, kb = 30): Rendered {
  const words = ['phường', 'Bắc Hồng Lĩnh', 'thông báo', 'UBND', 'kế hoạch', 'nhân dân', path];
  let body = `<!doctype html><title>${path}</title><p>`;
  for (let i = 0; body.length < kb * 1024; i++) body += `${words[i % words.length]} ${i % 97} `;
  return { status: 200, contentType: 'text/html; charset=utf-8', body, cacheControl: 'public, max-age=60' };
}

const moved = (to: string): Rendered => ({ status: 301, contentType: 'text/plain; charset=utf-8', body: `→ ${to}`, cacheControl: 'public, max-age=3600', headers: { location: to } });
const key = (path: string) => PageCache.key(1, path);
const hits = (e: CacheEntry, n: number) => {
  for (let i = 0; i < n; i++) countHit(e);
};

describe('page cache', () => {
  test('a miss compresses only the encoding its request asked for; the other is made when asked, from the same bytes', async () => {
    const cache = new PageCache(60_000);
    const r = page('/a');
    const entry = await cache.getOrRender(key('/a'), async () => r, 'br');
    assert.ok(entry.br, 'brotli copy made');
    assert.equal(entry.gzip, null, 'no gzip copy made for a brotli request');
    assert.equal(brotliDecompressSync(entry.br).toString(), r.body);
    const gz = await copyOf(entry, 'gzip');
    assert.equal(gunzipSync(gz).toString(), r.body);
    assert.equal((await identityOf(entry)).toString(), r.body);
    assert.equal(entry.identity, null, 'a compressed entry does not also keep the plain body');
    assert.equal(cache.bytes, entry.bytes, 'the cache counts the copy made later');
  });

  test('kept copies hold memory of their own, exactly their length (what the byte budget counts)', async () => {
    const cache = new PageCache(60_000);
    // The size of an article page: its brotli copy fits in one of zlib's 16 KB output chunks.
    const entry = await cache.getOrRender(key('/own'), async () => page('/own', 30), 'br');
    await copyOf(entry, 'gzip');
    hits(entry, POPULAR_AFTER_HITS);
    const small = await cache.getOrRender(key('/small'), async () => moved('/own'), null);
    const fast = [entry.br!, entry.gzip!];
    await cache.settled();
    assert.equal(entry.best, true);
    for (const [what, b] of [['fast br', fast[0]!], ['fast gzip', fast[1]!], ['best br', entry.br!], ['best gzip', entry.gzip!], ['small identity', small.identity!]] as const) {
      assert.equal(b.buffer.byteLength, b.length, `${what}: ${b.length} bytes held in ${b.buffer.byteLength}`);
    }
  });

  test('concurrent misses of one page render once', async () => {
    const cache = new PageCache(60_000);
    let renders = 0;
    const render = async () => {
      renders++;
      await new Promise((r) => setTimeout(r, 20));
      return page('/b');
    };
    const entries = await Promise.all(Array.from({ length: 20 }, (_, i) => cache.getOrRender(key('/b'), render, i % 2 ? 'gzip' : 'br')));
    assert.equal(renders, 1);
    assert.ok(entries.every((e) => e === entries[0]));
  });

  test('a popular entry gets the best-compressed copies in the background; they decompress to the same page', async () => {
    const cache = new PageCache(60_000);
    const r = page('/c');
    const entry = await cache.getOrRender(key('/c'), async () => r, 'br');
    const fast = entry.br!.length;
    hits(entry, POPULAR_AFTER_HITS - 1);
    await cache.settled();
    assert.equal(entry.best, false, 'not before it is popular');
    hits(entry, 1);
    await cache.settled();
    assert.equal(entry.best, true);
    assert.ok(entry.br!.length < fast, `best brotli ${entry.br!.length} < fast ${fast}`);
    assert.equal(brotliDecompressSync(entry.br!).toString(), r.body);
    assert.equal(gunzipSync(entry.gzip!).toString(), r.body);
    assert.equal(cache.bytes, entry.bytes);
  });

  test('eviction is by bytes and least recently used first: a page read again stays, an older unread one goes', async () => {
    // Incompressible 10 KB bodies: each entry holds ~10.5 KB.
    const blob = (): Rendered => ({ status: 200, contentType: 'image/png', body: randomBytes(10 * 1024), cacheControl: 'public' });
    const cache = new PageCache(60_000, undefined, { maxBytes: 35 * 1024 });
    for (const p of ['/1', '/2', '/3']) await cache.getOrRender(key(p), async () => blob());
    assert.equal(cache.size, 3);
    assert.ok(cache.peek(key('/1')), 'read /1 again: it becomes the most recently used');
    await cache.getOrRender(key('/4'), async () => blob());
    assert.ok(cache.peek(key('/1')), '/1 stays');
    assert.equal(cache.peek(key('/2')), undefined, '/2, the least recently used, went');
    assert.ok(cache.peek(key('/3')) && cache.peek(key('/4')));
    assert.ok(cache.bytes <= 35 * 1024);
  });

  test('in a small cache the newest page is not moved again on each hit, the oldest still is', async () => {
    const cache = new PageCache(60_000);
    for (const p of ['/1', '/2', '/3']) await cache.getOrRender(key(p), async () => page(p, 1));
    const mapDelete = Map.prototype.delete;
    let deletes = 0;
    Map.prototype.delete = function (this: Map<unknown, unknown>, k: unknown) {
      deletes++;
      return mapDelete.call(this, k);
    };
    try {
      for (let i = 0; i < 1000; i++) assert.ok(cache.peek(key('/3')));
      assert.equal(deletes, 0, '/3 is the newest: a hit leaves the order (and V8\'s table) as it is');
      for (let i = 0; i < 1000; i++) assert.ok(cache.peek(key('/1')));
    } finally {
      Map.prototype.delete = mapDelete;
    }
    assert.equal(deletes, 1, '/1 was the oldest: its first hit moved it to the newest end, the next 999 did not');
  });

  test('pages read often stay while hundreds of new pages push the others out', async () => {
    const cache = new PageCache(60_000, undefined, { maxEntries: 100 });
    const small = (): Rendered => ({ status: 200, contentType: 'image/png', body: randomBytes(64), cacheControl: 'public' });
    for (let i = 0; i < 100; i++) await cache.getOrRender(key(`/old-${i}`), async () => small());
    const hot = Array.from({ length: 10 }, (_, i) => key(`/old-${i * 10}`));
    for (const k of hot) assert.ok(cache.peek(k));
    for (let i = 0; i < 600; i++) {
      await cache.getOrRender(key(`/new-${i}`), async () => small());
      // Each hot page is read once every 10 new pages.
      assert.ok(cache.peek(hot[i % 10]!), `hot page ${i % 10} still there after ${i + 1} new pages`);
    }
    assert.equal(cache.size, 100);
    assert.equal(cache.peek(key('/old-1')), undefined, 'an unread old page went');
    assert.ok(cache.peek(key('/new-599')));
  });

  test('redirects have a budget of their own: thousands of invented slugs never push a page out', async () => {
    const cache = new PageCache(60_000, undefined, { maxStrays: 100 });
    await cache.getOrRender(key('/bai-viet/that-1'), async () => page('/bai-viet/that-1'), 'gzip');
    for (let i = 0; i < 3000; i++) await cache.getOrRender(key(`/bai-viet/gia-${i}-1`), async () => moved('/bai-viet/that-1'));
    assert.ok(cache.peek(key('/bai-viet/that-1')), 'the page is still there');
    assert.equal(cache.size, 101, 'one page and the 100 most recent redirects');
    assert.ok(cache.peek(key('/bai-viet/gia-2999-1')));
    assert.equal(cache.peek(key('/bai-viet/gia-0-1')), undefined);
  });

  test('an error rendered for one path is not kept under it; error pages are kept per site and purged with it', async () => {
    const cache = new PageCache(60_000);
    const notFound: Rendered = { ...page('/404'), status: 404, cacheControl: 'no-store' };
    await cache.getOrRender(key('/khong-co'), async () => notFound);
    assert.equal(cache.peek(key('/khong-co')), undefined);
    let renders = 0;
    const render = async () => (renders++, notFound);
    const a = await cache.errorPage(1, 404, render, 'gzip');
    const b = await cache.errorPage(1, 404, render, 'br');
    assert.equal(a, b);
    assert.equal(renders, 1);
    cache.purgeSite(2);
    await cache.errorPage(1, 404, render, 'gzip');
    assert.equal(renders, 1, "another site's purge leaves it");
    cache.purgeSite(1);
    await cache.errorPage(1, 404, render, 'gzip');
    assert.equal(renders, 2, 'rendered again after its site was purged');
  });

  test('with the page cache off (TTL 0) nothing is kept, error pages included', async () => {
    const cache = new PageCache(0);
    await cache.getOrRender(key('/d'), async () => page('/d'));
    await cache.errorPage(1, 429, async () => ({ ...page('/429'), status: 429 }), null);
    assert.equal(cache.size, 0);
    assert.equal(cache.bytes, 0);
  });
});
