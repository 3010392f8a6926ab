import type { FastifyRequest } from 'fastify';
import type { Actor } from './access/actor.js';
import type { Db } from './db/connection.js';
import type { FieldErrors } from './forms.js';
import type { PageCache } from './http/page-cache.js';
import { actorOf } from './http/admin-scope.js';
import type { Site } from './sites/site.js';

/** What every content command receives: the database, the site, who acts, the clock, the cache. */
export interface CommandContext {
  db: Db;
  site: Site;
  actor: Actor;
  now: Date;
  cache: PageCache;
}

export type CommandResult<T = number> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/**
 * The context of a command run from a back-office request: its site, its signed-in actor, the
 * clock read once. A command that needs more (the site table, a data folder) extends it:
 * `{ ...commandContext(request), sites: request.server.cong.sites }`.
 */
export function commandContext(request: FastifyRequest): CommandContext {
  const ctx = request.server.cong;
  return { db: ctx.db, site: request.site, actor: actorOf(request), now: ctx.now(), cache: ctx.pageCache };
}
