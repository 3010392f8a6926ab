import type { CommandContext, CommandResult } from '../../../kernel/commands.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { projectPolicy } from '../policy.js';

export type { CommandContext, CommandResult };

export function assertProjectManager(cx: CommandContext): void {
  if (!projectPolicy.manage(cx.actor, cx.site.id)) throw new AppError('forbidden');
}

/** The list, each project page, the sitemap, the search and the hub show projects: drop the site's cached pages. */
export function purgeProjects(cx: CommandContext): void {
  cx.cache.purgeSite(cx.site.id);
}

/** Marks the project changed (its page's Last-Modified, the list's order) inside the command's transaction. */
export async function touchProject(tx: CommandContext['db'], cx: CommandContext, projectId: number): Promise<void> {
  await tx.updateTable('projects').set({ updated_at: cx.now.toISOString(), updated_by: cx.actor.userId }).where('site_id', '=', cx.site.id).where('id', '=', projectId).execute();
}
