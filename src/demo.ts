import type { DatabaseHandle } from './kernel/db/connection.js';
import { seedReorganisation } from './demo-reorganisation.js';
import { demoSites } from './kernel/demo/data/index.js';
import type { DemoSite } from './kernel/demo/types.js';
import type { MediaStorage } from './kernel/storage/media-storage.js';
import { sectionsOf, type Feature } from './kernel/feature.js';
import { nfc } from './kernel/lib/text.js';
import { countSites, insertSite } from './kernel/sites/repo.js';
import { features as allFeatures } from './features/index.js';

/**
 * Loads the demo sites when the database has no site yet. Each site goes in one transaction:
 * the site row, then every feature's demo content in the order of the features list; then one
 * more for the 2025 reorganisation (archives and the old addresses of carried articles).
 */
export async function seedDemoIfEmpty(handle: DatabaseHandle, media: MediaStorage, now = new Date(), features: readonly Feature[] = allFeatures): Promise<boolean> {
  if ((await countSites(handle.db)) > 0) return false;
  const ids = new Map<string, number>();
  for (const site of demoSites) ids.set(site.code, await seedSite(handle, media, site, now, features));
  await handle.db.transaction().execute((db) => seedReorganisation(db, demoSites, ids, now));
  return true;
}

export async function seedSite(handle: DatabaseHandle, media: MediaStorage, demo: DemoSite, now = new Date(), features: readonly Feature[] = allFeatures): Promise<number> {
  const sections = sectionsOf(features);
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
      now.toISOString(),
    );
    for (const f of features) await f.demo?.(db, { siteId, demo, media, now, sections });
    return siteId;
  });
}
