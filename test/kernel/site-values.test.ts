import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PageCache } from '../../src/kernel/http/page-cache.js';
import type { PurgeBus, PurgeHandler, PurgeMessage } from '../../src/kernel/http/purge-bus.js';

/** A bus another instance talks on: `deliver` is that instance's message arriving here. */
class TestBus implements PurgeBus {
  handlers: PurgeHandler[] = [];
  publish(_m: PurgeMessage): void {}
  subscribe(h: PurgeHandler): void {
    this.handlers.push(h);
  }
  deliver(m: PurgeMessage): void {
    for (const h of this.handlers) h(m);
  }
  async close(): Promise<void> {}
}

/** A site-wide value and how many times it was made. */
function counter() {
  let made = 0;
  return { make: async () => ({ n: ++made }), made: () => made };
}

describe('site-wide values pages are rendered from (the frame)', () => {
  const owner = { id: 1 };

  test('made once for the pages rendered in the next seconds, concurrent ones included, then again', async () => {
    const cache = new PageCache(60_000);
    const c = counter();
    const t = 1_000_000;
    const [a, b] = await Promise.all([cache.siteValue(1, 'frame', owner, c.make, t), cache.siteValue(1, 'frame', owner, c.make, t)]);
    assert.equal(a, b);
    assert.equal((await cache.siteValue(1, 'frame', owner, c.make, t + 4_999)).n, 1);
    assert.equal(c.made(), 1);
    assert.equal((await cache.siteValue(1, 'frame', owner, c.make, t + 5_000)).n, 2, 'kept five seconds at most');
    assert.equal((await cache.siteValue(2, 'frame', owner, c.make, t + 5_000)).n, 3, 'per site');
    assert.equal((await cache.siteValue(1, 'other', owner, c.make, t + 5_000)).n, 4, 'per name');
  });

  test('any purge of the site drops it, another site\'s does not; so does a purge from another instance', async () => {
    const bus = new TestBus();
    const cache = new PageCache(60_000, bus);
    const c = counter();
    const get = (site = 1) => cache.siteValue(site, 'frame', owner, c.make);
    await get();
    await get(2);
    cache.purgePaths(2, ['/x']);
    assert.equal((await get()).n, 1, 'another site\'s purge');
    cache.purgePaths(1, ['/bai-viet/x-1']);
    assert.equal((await get()).n, 3, 'a path of the site');
    cache.purgePrefix(1, '/chuyen-muc/a');
    assert.equal((await get()).n, 4);
    cache.purgeSite(1);
    assert.equal((await get()).n, 5);
    bus.deliver({ op: 'paths', siteId: 1, paths: ['/'] });
    assert.equal((await get()).n, 6, 'another instance\'s purge');
    cache.purgeAll();
    assert.equal((await get()).n, 7);
    assert.equal((await get(2)).n, 8, 'purgeAll drops every site');
  });

  test('a new owner (the site row replaced after a settings change) is not served the old value', async () => {
    const cache = new PageCache(60_000);
    const c = counter();
    await cache.siteValue(1, 'frame', owner, c.make);
    assert.equal((await cache.siteValue(1, 'frame', { id: 1 }, c.make)).n, 2);
  });

  test('a failure is not kept, and nothing is kept when the page cache is off', async () => {
    const cache = new PageCache(60_000);
    await assert.rejects(cache.siteValue(1, 'frame', owner, async () => Promise.reject(new Error('db down'))));
    await new Promise((r) => setImmediate(r));
    const c = counter();
    assert.equal((await cache.siteValue(1, 'frame', owner, c.make)).n, 1);
    const off = new PageCache(0);
    await off.siteValue(1, 'frame', owner, c.make);
    await off.siteValue(1, 'frame', owner, c.make);
    assert.equal(c.made(), 3);
  });
});
