import type { Db } from '../../../kernel/db/connection.js';
import { isId } from '../../../kernel/lib/ids.js';
import { urls } from '../../../kernel/http/urls.js';
import { oldAddressKey } from '../../../kernel/sites/old-addresses.js';
import type { Site } from '../../../kernel/sites/site.js';
import { findPublishedByLegacyId } from '../repo.js';

/**
 * The old SharePoint-era portal's article address, in any of its forms and any case
 * ("/portal/pages/2021-10-15/Slug-614123.aspx", "/PORTAL/PAGES/…-614123.ASPX"), leads to the
 * published article of this site whose old id an editor typed. Asked only when no recorded old
 * address names it (those are host-aware: two merged portals' ids may overlap).
 */
export async function legacyArticleAddress(db: Db, site: Site, address: string, now: Date): Promise<string | null> {
  const legacyId = /^aspx:(\d+)$/.exec(oldAddressKey(address))?.[1];
  if (!isId(legacyId)) return null;
  const found = await findPublishedByLegacyId(db, site.id, legacyId, now.toISOString());
  return found ? urls.article(found) : null;
}
