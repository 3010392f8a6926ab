import { melodyWav } from '../../kernel/demo/tones.js';
import type { DemoSeeder } from '../../kernel/feature.js';
import { nfc } from '../../kernel/lib/text.js';

/**
 * The demo site's header menu, website links, map offices and songs (their files are stored as
 * <code>/songs/<n>.wav). Runs after the categories and pages it points at.
 */
export const seedSiteFrame: DemoSeeder = async (db, { siteId, demo, media, sections }) => {
  const songFiles: string[] = [];
  for (const [i, s] of demo.songs.entries()) {
    const key = `${demo.code}/songs/${i + 1}.wav`;
    await media.put(key, melodyWav(s.melody), 'audio/wav');
    songFiles.push(key);
  }
  const categoryIds = new Map(
    (await db.selectFrom('categories').select(['id', 'slug']).where('site_id', '=', siteId).execute()).map((c) => [c.slug, c.id] as const),
  );
  for (const [i, entry] of demo.menu.entries()) {
    const [kind, key] = [entry.slice(0, 1), entry.slice(2)];
    const categoryId = kind === 'c' ? categoryIds.get(key) : undefined;
    if (kind === 'c' && categoryId === undefined) throw new Error(`Demo menu entry ${entry} names an unknown category`);
    if (kind === 's' && !sections.some((s) => s.key === key)) throw new Error(`Demo menu entry ${entry} names an unknown section`);
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
};
