import type { Db } from './kernel/db/connection.js';
import type { DemoSite } from './kernel/demo/types.js';
import { urls } from './kernel/http/urls.js';
import { fromLocalTime } from './kernel/lib/format.js';
import { slugify } from './kernel/lib/text.js';
import { markArchived } from './kernel/sites/archive.js';
import { recordOldAddress } from './kernel/sites/old-addresses.js';

/**
 * The demo's 2025 reorganisation, once every demo site exists: each abolished unit becomes an
 * archive naming its successors, and the SharePoint-era address under which it first published
 * each article now carried by a ward leads to that ward's copy.
 */
export async function seedReorganisation(db: Db, demos: readonly DemoSite[], ids: ReadonlyMap<string, number>, now: Date): Promise<void> {
  const idOf = (code: string): number => {
    const id = ids.get(code);
    if (id === undefined) throw new Error(`Demo site ${code} is named but not seeded`);
    return id;
  };
  for (const demo of demos) {
    if (demo.archived) await markArchived(db, idOf(demo.code), demo.archived.successors.map(idOf), new Date(fromLocalTime(demo.archived.since)));
    for (const a of demo.articles) {
      if (!a.carriedFrom) continue;
      if (!a.legacyId) throw new Error(`Demo article "${a.title}" is carried from ${a.carriedFrom} but has no legacy id`);
      const siteId = idOf(demo.code);
      // tenancy: the carrying site's own article, found by its legacy id.
      const article = await db
        .selectFrom('articles')
        .select(['id', 'slug'])
        .where('site_id', '=', siteId)
        .where('legacy_id', '=', a.legacyId)
        .executeTakeFirstOrThrow();
      await recordOldAddress(
        db,
        { host: '', ownerSiteId: idOf(a.carriedFrom), fromUrl: sharePointAddress(a.publishedAt, a.title, a.legacyId), toSiteId: siteId, toPath: urls.article(article), source: 'demo' },
        now,
      );
    }
  }
}

/** The form the Hà Tĩnh SharePoint portals gave an article: /portal/pages/2021-10-15/Dang-uy-phuong-614123.aspx */
function sharePointAddress(publishedAt: string, title: string, legacyId: string): string {
  const words = slugify(title, 60).split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  return `/portal/pages/${publishedAt.slice(0, 10)}/${words.join('-')}-${legacyId}.aspx`;
}
