import type { CommandContext, CommandResult } from '../../../kernel/commands.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { budgetPolicy } from '../policy.js';

export type { CommandContext, CommandResult };

export function assertBudgetManager(cx: CommandContext): void {
  if (!budgetPolicy.manage(cx.actor, cx.site.id)) throw new AppError('forbidden');
}

/**
 * The budget section's pages, the CSV, the sitemap, the search and the hub page all show the
 * reports: a change drops the site's cached pages, as a change to the document library does.
 */
export function purgeBudget(cx: CommandContext): void {
  cx.cache.purgeSite(cx.site.id);
}
