import type { FastifyRequest } from 'fastify';
import { commandContext, type CommandContext, type CommandResult } from '../../../kernel/commands.js';
import { AppError } from '../../../kernel/lib/errors.js';
import type { SiteResolver } from '../../../kernel/sites/resolver.js';
import { sitePolicy } from '../policy.js';

/** Site commands also reload the in-memory site table when they change a site row. */
export interface SiteCommandContext extends CommandContext {
  sites: SiteResolver;
}

/** The context of a site command run from a back-office request. */
export function siteCommandContext(request: FastifyRequest): SiteCommandContext {
  return { ...commandContext(request), sites: request.server.cong.sites };
}

export type { CommandContext, CommandResult };

/** Refuses unless the actor manages the site the command acts on. */
export function assertSiteAdmin(cx: CommandContext): void {
  if (!sitePolicy.manage(cx.actor, cx.site.id)) throw new AppError('forbidden');
}

/** A URL slug: lowercase ASCII words joined by "-". */
export const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MESSAGE = 'Đường dẫn chỉ gồm chữ thường không dấu (a–z), chữ số và dấu gạch ngang, ví dụ "tin-tuc".';

/**
 * After a committed change to a site row: every instance's site table and the site's cached
 * pages follow it (reload, then purge). Returns the result, so a command can end with it.
 */
export async function afterSiteChange<T>(cx: SiteCommandContext, siteId: number, result: CommandResult<T>): Promise<CommandResult<T>> {
  if (result.ok) {
    await cx.sites.reload();
    cx.cache.purgeSite(siteId);
  }
  return result;
}
