import type { CommandContext, CommandResult } from '../../../kernel/commands.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { slugify } from '../../../kernel/lib/text.js';
import { documentPolicy } from '../policy.js';

export type { CommandContext, CommandResult };

/** Refuses unless the actor manages the document library of the command's site. */
export function assertManager(cx: CommandContext): void {
  if (!documentPolicy.manage(cx.actor, cx.site.id)) throw new AppError('forbidden');
}

/**
 * Document numbers appear in article pages (the linker), the list, the feed and the sitemap:
 * any change to the library drops the site's cached pages.
 */
export function purgeLibrary(cx: CommandContext): void {
  cx.cache.purgeSite(cx.site.id);
}

/** "nghi-quyet-22-nq-tw-ve-nang-cao-nang-luc…" */
export function documentSlug(typeName: string, number: string, title: string): string {
  return slugify(`${typeName} ${number} ${title}`, 80) || 'van-ban';
}
