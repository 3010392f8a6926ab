import type { CommandContext, CommandResult } from '../../../kernel/commands.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { planPolicy } from '../policy.js';

export type { CommandContext, CommandResult };

export function assertPlanManager(cx: CommandContext): void {
  if (!planPolicy.manage(cx.actor, cx.site.id)) throw new AppError('forbidden');
}

/** The list, each plan, the sitemap and the search show plans: drop the site's cached pages. */
export function purgePlans(cx: CommandContext): void {
  cx.cache.purgeSite(cx.site.id);
}
