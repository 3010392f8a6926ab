import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedDemoIfEmpty } from '../../src/demo.js';
import * as repo from '../../src/features/questions/repo.js';
import { questionSitemap, searchQuestions } from '../../src/features/questions/search.js';
import { parseQuery } from '../../src/kernel/search/query.js';
import { describeEachDb } from '../helpers/db.js';

/** Every Hỏi đáp repository function takes the site and never returns another site's rows. */
describeEachDb('Hỏi đáp: no repository returns another site\'s rows', async (db) => {
  await seedDemoIfEmpty(db, db.media);
  return {};
}, (get) => {
  for (const siteId of [1, 2]) {
    test(`site ${siteId}`, async () => {
      const db = get().db.db;
      const all = await db.selectFrom('questions').select(['id', 'site_id', 'tracking_hash', 'body_hash', 'published', 'status']).execute();
      const mine = new Set(all.filter((r) => r.site_id === siteId).map((r) => r.id));
      const theirs = all.filter((r) => r.site_id !== siteId);
      assert.ok(mine.size > 0 && theirs.length > 0);
      const check = (ids: number[], what: string) => {
        assert.ok(ids.length > 0, `${what} returned something`);
        for (const id of ids) assert.ok(mine.has(id), `${what} returned id ${id} of another site`);
      };
      check((await repo.listPublished(db, siteId, { limit: 1000 })).map((q) => q.id), 'listPublished');
      check((await repo.listQueue(db, siteId, { limit: 1000, offset: 0 })).map((q) => q.id), 'listQueue');
      check((await repo.listOverdue(db, siteId, '2100-01-01T00:00:00.000Z')).map((q) => q.id), 'listOverdue');
      assert.equal(await repo.countQueue(db, siteId, {}), mine.size);
      const counts = await repo.countByStatus(db, siteId);
      assert.equal(Object.values(counts).reduce((a, b) => a + b, 0), mine.size);
      for (const q of theirs) {
        assert.equal(await repo.findPublished(db, siteId, q.id), undefined);
        assert.equal(await repo.findQuestion(db, siteId, q.id), undefined);
        assert.equal(await repo.findByTrackingHash(db, siteId, q.tracking_hash), undefined);
        assert.equal(await repo.isDuplicate(db, siteId, q.body_hash), false);
      }
      const topics = await repo.listTopics(db, siteId);
      assert.ok(topics.length === 5 && topics.every((t) => t.site_id === siteId));
      const urls = (await questionSitemap(db, siteId)).map((e) => e.path);
      for (const q of theirs.filter((r) => r.published)) assert.ok(!urls.some((u) => u.endsWith(`-${q.id}`)), `sitemap has ${q.id}`);
      const query = parseQuery('khai sinh');
      assert.ok(query.kind === 'ok');
      const found = await searchQuestions(db, siteId, query, new Date(), 50);
      for (const item of found?.items ?? []) assert.ok(mine.has(Number(/-(\d+)$/.exec(item.href)![1])), item.href);
    });
  }
});
