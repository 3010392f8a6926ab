import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as content from '../src/features/articles/repo.js';
import * as widgets from '../src/features/sites/widgets-repo.js';
import { readCounters } from '../src/features/stats/repo.js';
import { seedDemoIfEmpty } from '../src/demo.js';
import { describeEachDb } from './helpers/db.js';

/**
 * The tenancy rule: every repository function takes the site and never returns another site's
 * rows. Each function is called for each demo site and the ids it returns are checked against
 * the ids that belong to that site.
 */
describeEachDb('no repository returns another site\'s rows', async (db) => {
  await seedDemoIfEmpty(db, db.dataDir);
  return {};
}, (get) => {
  const now = new Date('2030-01-01T00:00:00.000Z').toISOString();

  async function owned(table: 'articles' | 'categories' | 'pages' | 'links' | 'songs' | 'map_offices', siteId: number) {
    const rows = await get().db.db.selectFrom(table).select(['id', 'site_id']).execute();
    const mine = new Set(rows.filter((r) => r.site_id === siteId).map((r) => r.id));
    const theirs = new Set(rows.filter((r) => r.site_id !== siteId).map((r) => r.id));
    assert.ok(mine.size > 0 && theirs.size > 0, `${table} has rows on both sites`);
    return { mine, theirs };
  }

  for (const siteId of [1, 2]) {
    test(`site ${siteId}: articles, categories and pages`, async () => {
      const db = get().db.db;
      const articles = await owned('articles', siteId);
      const categories = await owned('categories', siteId);
      const check = (ids: number[], set: { mine: Set<number> }, what: string) => {
        assert.ok(ids.length > 0, `${what} returned something`);
        for (const id of ids) assert.ok(set.mine.has(id), `${what} returned id ${id} of another site`);
      };
      check((await content.listPublished(db, siteId, now, { limit: 1000 })).map((a) => a.id), articles, 'listPublished');
      check((await content.listFeatured(db, siteId, now, 100)).map((a) => a.id), articles, 'listFeatured');
      check((await content.listForSitemap(db, siteId, now, 1000)).map((a) => a.id), articles, 'listForSitemap');
      check((await content.listCategories(db, siteId)).map((c) => c.id), categories, 'listCategories');
      assert.equal(await content.countPublished(db, siteId, now), articles.mine.size);
      for (const id of articles.theirs) {
        assert.equal(await content.findPublishedArticle(db, siteId, id, now), undefined, `findPublishedArticle(${id})`);
      }
      for (const c of await db.selectFrom('categories').selectAll().where('site_id', '!=', siteId).execute()) {
        const found = await content.findCategoryBySlug(db, siteId, c.slug);
        if (found) assert.ok(categories.mine.has(found.id), `findCategoryBySlug(${c.slug}) returned another site's category`);
      }
      const theirArticle = await db.selectFrom('articles').selectAll().where('site_id', '!=', siteId).where('legacy_id', 'is not', null).executeTakeFirstOrThrow();
      assert.equal(await content.findPublishedByLegacyId(db, siteId, theirArticle.legacy_id!, now), undefined);
      const mineArticle = await content.findPublishedArticle(db, siteId, [...articles.mine][0]!, now);
      check((await content.listRelated(db, mineArticle!, now, 50)).map((a) => a.id), articles, 'listRelated');
      const pages = await owned('pages', siteId);
      const theirPage = await db.selectFrom('pages').selectAll().where('site_id', '!=', siteId).executeTakeFirstOrThrow();
      const found = await content.findPage(db, siteId, theirPage.slug);
      if (found) assert.ok(pages.mine.has(found.id), 'findPage returns this site\'s page of the same slug');
      const listed = await content.listPages(db, siteId);
      assert.equal(listed.length, pages.mine.size);
    });

    test(`site ${siteId}: links, songs, map offices, counters`, async () => {
      const db = get().db.db;
      const links = await owned('links', siteId);
      const songs = await owned('songs', siteId);
      const offices = await owned('map_offices', siteId);
      assert.deepEqual(new Set((await widgets.listLinks(db, siteId)).map((l) => l.id)), links.mine);
      assert.deepEqual(new Set((await widgets.listSongs(db, siteId)).map((l) => l.id)), songs.mine);
      assert.deepEqual(new Set((await widgets.listOffices(db, siteId)).map((l) => l.id)), offices.mine);
      for (const id of links.theirs) assert.equal(await widgets.findLink(db, siteId, id), undefined);
      for (const id of songs.theirs) assert.equal(await widgets.findSong(db, siteId, id), undefined);
      const site = await db.selectFrom('sites').selectAll().where('id', '=', siteId).executeTakeFirstOrThrow();
      const counters = await readCounters(db, siteId, Number(site.counter_base), new Date());
      assert.equal(counters.total, Number(site.counter_base));
    });
  }
});
