import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedDemoIfEmpty } from '../../src/demo.js';
import { PageCache, type Rendered } from '../../src/kernel/http/page-cache.js';
import { LocalPurgeBus, RedisPurgeBus, type PurgeMessage } from '../../src/kernel/http/purge-bus.js';
import { connectRedis, type RedisClients } from '../../src/kernel/redis.js';
import { SiteResolver } from '../../src/kernel/sites/resolver.js';
import { openTestDb, type TestDb } from '../helpers/db.js';
import { dropPrefix, redisMissing, REDIS_URL, testPrefix } from '../stats/helpers.js';

const page = (path: string): Rendered => ({ status: 200, contentType: 'text/html; charset=utf-8', body: `<p>${path}</p>`, cacheControl: 'public, max-age=60' });
const key = (siteId: number, path: string) => PageCache.key(siteId, path);

async function fill(cache: PageCache, entries: [number, string][]): Promise<void> {
  for (const [siteId, path] of entries) await cache.getOrRender(key(siteId, path), async () => page(path));
}

async function until(cond: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const end = Date.now() + 3000;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('the purge bus, one instance (local)', () => {
  test('purges are done at once in this process; there is nobody to tell', async () => {
    const bus = new LocalPurgeBus();
    const heard: PurgeMessage[] = [];
    bus.subscribe((m) => heard.push(m));
    const cache = new PageCache(60_000, bus);
    await fill(cache, [[1, '/'], [1, '/chuyen-muc/thong-bao'], [1, '/chuyen-muc/thong-bao/trang-2'], [1, '/lien-he'], [2, '/']]);
    cache.purgePaths(1, ['/']);
    assert.equal(cache.peek(key(1, '/')), undefined);
    cache.purgePrefix(1, '/chuyen-muc/thong-bao');
    assert.equal(cache.peek(key(1, '/chuyen-muc/thong-bao/trang-2')), undefined);
    assert.ok(cache.peek(key(1, '/lien-he')));
    cache.purgeSite(1);
    assert.equal(cache.peek(key(1, '/lien-he')), undefined);
    assert.ok(cache.peek(key(2, '/')), 'another site stays');
    bus.publish({ op: 'sites' });
    assert.deepEqual(heard, [], 'a local bus delivers nothing');
    await bus.close();
  });
});

describe('the purge bus through Redis (two instances)', () => {
  let skip: string | null = null;
  let db: TestDb;
  const prefix = testPrefix();
  let redisA: RedisClients;
  let redisB: RedisClients;
  let busA: RedisPurgeBus;
  let busB: RedisPurgeBus;
  before(async () => {
    skip = await redisMissing();
    if (skip) return;
    db = await openTestDb('sqlite');
    await seedDemoIfEmpty(db, db.media);
    [redisA, redisB] = [connectRedis(REDIS_URL, prefix), connectRedis(REDIS_URL, prefix)];
    [busA, busB] = [await RedisPurgeBus.connect(redisA), await RedisPurgeBus.connect(redisB)];
  });
  after(async () => {
    if (skip) return;
    await busA.close();
    await busB.close();
    await redisA.close();
    await redisB.close();
    await dropPrefix(prefix).catch(() => undefined);
    await db.cleanup();
  });

  test('a purge is done here at once and on the other instance soon after; nothing comes back or is published again', async (t) => {
    if (skip) return t.skip(skip);
    const heardA: PurgeMessage[] = [];
    const heardB: PurgeMessage[] = [];
    busA.subscribe((m) => heardA.push(m));
    busB.subscribe((m) => heardB.push(m));
    const [a, b] = [new PageCache(60_000, busA), new PageCache(60_000, busB)];
    const pages: [number, string][] = [[1, '/'], [1, '/chuyen-muc/kinh-te'], [1, '/chuyen-muc/kinh-te/trang-2'], [1, '/lien-he'], [2, '/']];
    await fill(a, pages);
    await fill(b, pages);

    a.purgePaths(1, ['/']);
    assert.equal(a.peek(key(1, '/')), undefined, 'here: at once');
    await until(() => !b.peek(key(1, '/')), 'the paths purge on the other instance');
    a.purgePrefix(1, '/chuyen-muc/kinh-te');
    await until(() => !b.peek(key(1, '/chuyen-muc/kinh-te/trang-2')), 'the prefix purge on the other instance');
    assert.ok(b.peek(key(1, '/lien-he')), 'other pages stay cached');
    b.purgeSite(2);
    await until(() => !a.peek(key(2, '/')), 'the site purge from the other side');
    assert.ok(a.peek(key(1, '/lien-he')));

    // A marker from B: messages of one connection arrive in order, so anything B had published
    // again (or A's own messages coming back) would reach A before it.
    b.purgePaths(9, ['/marker']);
    await until(() => heardA.length >= 2, 'the marker');
    assert.deepEqual(heardA.map(({ op, siteId }: PurgeMessage & { siteId?: number }) => [op, siteId]), [['site', 2], ['paths', 9]], 'A hears only what B did');
    assert.deepEqual(heardB.map(({ op, siteId }: PurgeMessage & { siteId?: number }) => [op, siteId]), [['paths', 1], ['prefix', 1]], 'B hears only what A did');
  });

  test('a reload of the site table on one instance reloads it on the other, then empties its page cache', async (t) => {
    if (skip) return t.skip(skip);
    let afterA = 0;
    const seenAtPurge: string[] = [];
    const cacheB = new PageCache(60_000, busB);
    const sitesA = new SiteResolver(db.db, busA, () => afterA++);
    const sitesB = new SiteResolver(db.db, busB, () => {
      seenAtPurge.push(sitesB.byIdOrNull(1)!.name);
      cacheB.purgeAll();
    });
    await sitesA.load();
    await sitesB.load();
    await fill(cacheB, [[1, '/'], [2, '/']]);
    await db.db.updateTable('sites').set({ name: 'Phường Bắc Hồng Lĩnh' }).where('id', '=', 1).execute();
    await sitesA.reload();
    assert.equal(sitesA.byIdOrNull(1)!.name, 'Phường Bắc Hồng Lĩnh');
    await until(() => cacheB.size === 0, 'the other instance to empty its cache');
    assert.deepEqual(seenAtPurge, ['Phường Bắc Hồng Lĩnh'], 'the cache is emptied after the new table is loaded');
    assert.equal(afterA, 0, 'the instance that reloaded does not hear its own message');
  });
});
