import type { CommandContext, CommandResult } from '../../../kernel/commands.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { urls } from '../../../kernel/http/urls.js';
import { ALL_ORG_PATHS } from '../paths.js';
import { organisationPolicy } from '../policy.js';

export type { CommandContext, CommandResult };

/** Refuses unless the actor may change the section on the command's site. */
export function assertCanManage(cx: CommandContext): void {
  if (!organisationPolicy.manage(cx.actor, cx.site.id)) throw new AppError('forbidden');
}

/**
 * Every page of the section shows the agency and the units, so any change purges all of them,
 * in both languages, and the sitemap (its lastmod). The search page is not cached.
 */
export function purgeOrganisation(cx: CommandContext): void {
  cx.cache.purgePaths(cx.site.id, [...ALL_ORG_PATHS, urls.sitemap()]);
}

export const ticked = (raw: string | undefined) => raw === '1' || raw === 'on';
