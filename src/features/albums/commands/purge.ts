import type { CommandContext } from '../../../kernel/commands.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { ALBUMS_PATH } from '../paths.js';
import { albumsPolicy } from '../policy.js';
import { ALBUMS_PER_PAGE, listKey } from '../public/list-key.js';

export function assertAlbumManager(cx: CommandContext): void {
  if (!albumsPolicy.manage(cx.actor, cx.site.id)) throw new AppError('forbidden');
}

/**
 * Every page of the section: the albums and photo pages (by prefix), the list's pages (kept
 * under "?trang=" keys, which a prefix does not reach: one more than the albums could fill, drafts
 * counted, so a page that just emptied goes too) and the sitemap. After the commit.
 */
export async function purgeAlbums(cx: CommandContext): Promise<void> {
  const r = await cx.db.selectFrom('albums').select((eb) => eb.fn.countAll<number>().as('n')).where('site_id', '=', cx.site.id).executeTakeFirstOrThrow();
  const pages = Math.ceil(Number(r.n) / ALBUMS_PER_PAGE) + 1;
  cx.cache.purgePrefix(cx.site.id, ALBUMS_PATH);
  cx.cache.purgePaths(cx.site.id, ['/sitemap.xml', ...Array.from({ length: pages }, (_, i) => listKey(i + 1))]);
}
