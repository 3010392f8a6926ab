import type { Actor } from '../../../kernel/access/actor.js';
import type { Db } from '../../../kernel/db/connection.js';
import type { Site } from '../../../kernel/sites/site.js';
import type { MediaStorage } from '../../../kernel/storage/media-storage.js';

export type { CommandResult } from '../../../kernel/commands.js';

/** What every media command receives: the database, the site, who acts, the clock, where files go. */
export interface MediaCommandContext {
  db: Db;
  site: Site;
  actor: Actor;
  now: Date;
  media: MediaStorage;
}
