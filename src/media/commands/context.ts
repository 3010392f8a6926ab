import type { Actor } from '../../admin/actor.js';
import type { Db } from '../../db/connection.js';
import type { Site } from '../../sites/site.js';

export type { CommandResult } from '../../content/command-context.js';

/** What every media command receives: the database, the site, who acts, the clock, where files go. */
export interface MediaCommandContext {
  db: Db;
  site: Site;
  actor: Actor;
  now: Date;
  dataDir: string;
}
