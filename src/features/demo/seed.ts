import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseHandle } from '../../kernel/db/connection.js';
import { fromLocalTime } from '../../kernel/lib/format.js';
import { paragraphsToHtml, sanitizeArticleHtml } from '../../kernel/lib/html.js';
import { nfc, searchFold, slugify } from '../../kernel/lib/text.js';
import { indexPublished } from '../search/indexer.js';
import { countSites, insertSite } from '../../kernel/sites/repo.js';
import { sectionOf } from '../sites/sections.js';
import { demoSites } from './data/index.js';
import { melodyWav } from './tones.js';
import type { DemoSite } from './types.js';
import { seedDocuments } from '../documents/demo.js';
import { seedQuestions } from '../questions/demo.js';
import { seedSchedule } from '../schedule/demo.js';
import { seedPolls } from '../polls/demo.js';
import { seedProcedures } from '../procedures/demo.js';
import { seedOrganisation } from '../organisation/demo.js';

/**
 * Loads the demo sites when the database has no site yet. Each site goes in one transaction;
 * its song files are written under <dataDir>/media/<code>/songs first.
 */
export async function seedDemoIfEmpty(handle: DatabaseHandle, dataDir: string, now = new Date()): Promise<boolean> {
  if ((await countSites(handle.db)) > 0) return false;
  for (const site of demoSites) await seedSite(handle, dataDir, site, now);
  return true;
}

export async function seedSite(handle: DatabaseHandle, dataDir: string, demo: DemoSite, now = new Date()): Promise<number> {
  const stamp = now.toISOString();
  const songDir = join(dataDir, 'media', demo.code, 'songs');
  mkdirSync(songDir, { recursive: true });
  const songFiles = demo.songs.map((s, i) => {
    const rel = `${demo.code}/songs/${i + 1}.wav`;
    writeFileSync(join(dataDir, 'media', rel), melodyWav(s.melody));
    return rel;
  });

  return handle.db.transaction().execute(async (db) => {
    const siteId = await insertSite(
      db,
      {
        code: demo.code,
        name: nfc(demo.name),
        isDefault: demo.isDefault,
        settings: demo.settings,
        counterBase: demo.counterBase,
        hosts: [`${demo.code}.localhost`],
      },
      stamp,
    );
    const categoryIds = new Map<string, number>();
    for (const [i, c] of demo.categories.entries()) {
      const { id } = await db
        .insertInto('categories')
        .values({ site_id: siteId, slug: c.slug, name: nfc(c.name), position: i })
        .returning('id')
        .executeTakeFirstOrThrow();
      categoryIds.set(c.slug, id);
    }
    // Oldest first, so ids grow with publish time as they would have on the real site.
    const articles = [...demo.articles].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
    for (const a of articles) {
      const categoryId = categoryIds.get(a.category);
      if (categoryId === undefined) throw new Error(`Demo article "${a.title}" has unknown category ${a.category}`);
      const published = fromLocalTime(a.publishedAt);
      await db
        .insertInto('articles')
        .values({
          site_id: siteId,
          category_id: categoryId,
          title: nfc(a.title),
          slug: slugify(a.title),
          title_fold: searchFold(a.title),
          created_at: published,
          sapo: nfc(a.sapo),
          body_html: sanitizeArticleHtml(paragraphsToHtml(a.paragraphs)),
          author: nfc(a.author ?? ''),
          source: nfc(a.source ?? ''),
          status: 'published',
          published_at: published,
          updated_at: published,
          featured: a.featured ? 1 : 0,
          legacy_id: a.legacyId ?? null,
        })
        .execute();
    }
    await indexPublished(db, siteId); // the demo articles are searchable from the start
    for (const [i, p] of demo.pages.entries()) {
      await db
        .insertInto('pages')
        .values({ site_id: siteId, slug: p.slug, title: nfc(p.title), body_html: sanitizeArticleHtml(paragraphsToHtml(p.paragraphs)), position: i, updated_at: stamp })
        .execute();
    }
    for (const [i, entry] of demo.menu.entries()) {
      const [kind, key] = [entry.slice(0, 1), entry.slice(2)];
      const categoryId = kind === 'c' ? categoryIds.get(key) : undefined;
      if (kind === 'c' && categoryId === undefined) throw new Error(`Demo menu entry ${entry} names an unknown category`);
      if (kind === 's' && !sectionOf(key)) throw new Error(`Demo menu entry ${entry} names an unknown section`);
      await db
        .insertInto('menu_items')
        .values({ site_id: siteId, category_id: categoryId ?? null, page_id: null, section: kind === 's' ? key : null, position: i })
        .execute();
    }
    for (const [i, l] of demo.links.entries()) {
      await db.insertInto('links').values({ site_id: siteId, title: nfc(l.title), url: l.url, position: i }).execute();
    }
    for (const [i, o] of demo.offices.entries()) {
      await db
        .insertInto('map_offices')
        .values({ site_id: siteId, name: nfc(o.name), address: nfc(o.address), phone: o.phone ?? '', lat: o.lat, lng: o.lng, position: i })
        .execute();
    }
    for (const [i, s] of demo.songs.entries()) {
      await db
        .insertInto('songs')
        .values({ site_id: siteId, title: nfc(s.title), artist: nfc(s.artist), file_path: songFiles[i]!, mime: 'audio/wav', position: i })
        .execute();
    }
    // The sections a ward portal must have (Nghị định 42/2022): each feature seeds its own.
    await seedDocuments(db, siteId, demo, dataDir);
    await seedQuestions(db, siteId, demo, dataDir);
    await seedSchedule(db, siteId, demo, dataDir);
    await seedPolls(db, siteId, demo, dataDir);
    await seedProcedures(db, siteId, demo, dataDir);
    await seedOrganisation(db, siteId, demo, dataDir);
    return siteId;
  });
}
