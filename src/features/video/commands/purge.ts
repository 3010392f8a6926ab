import type { CommandContext } from '../../../kernel/commands.js';
import type { ClipKind } from '../../../kernel/db/tables/gallery.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { SECTION_PATH } from '../paths.js';
import { videoPolicy } from '../policy.js';

export function assertClipManager(cx: CommandContext): void {
  if (!videoPolicy.manage(cx.actor, cx.site.id)) throw new AppError('forbidden');
}

/** The section's list and clip pages (one prefix), and the sitemap. After the commit. */
export function purgeClips(cx: CommandContext, kind: ClipKind): void {
  cx.cache.purgePrefix(cx.site.id, SECTION_PATH[kind]);
  cx.cache.purgePaths(cx.site.id, ['/sitemap.xml']);
}
