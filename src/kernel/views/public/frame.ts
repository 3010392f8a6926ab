import type { Db } from '../../db/connection.js';
import type { CategoryRow, LinkRow, SongRow } from '../../db/schema.js';
import { listCategories, listPages } from '../../../features/articles/repo.js';
import { listMenu, type MenuEntry } from '../../../features/sites/menu-repo.js';
import type { PollWithOptions } from '../../../features/polls/results.js';
import { newestOpenPoll } from '../../../features/polls/public/widget.js';
import { readCounters, type SiteCounters } from '../../../features/stats/repo.js';
import type { Site } from '../../sites/site.js';
import type { AssetManifest } from '../../http/assets.js';
import { listLinks, listSongs } from '../../../features/sites/widgets-repo.js';

/** What every public page shows around its content: menu, widgets, footer. */
export interface Frame {
  site: Site;
  origin: string;
  assets: AssetManifest;
  categories: CategoryRow[];
  pages: { slug: string; title: string }[];
  links: LinkRow[];
  songs: SongRow[];
  counters: SiteCounters;
  /** The header menu the site's admins configured; empty (or absent) means the default menu. */
  menu?: MenuEntry[];
  /** The newest open poll, for the sidebar (src/polls). */
  poll?: PollWithOptions | null;
}

export async function loadFrame(db: Db, site: Site, origin: string, assets: AssetManifest, now: Date): Promise<Frame> {
  const [categories, pages, links, songs, counters, menu, poll] = await Promise.all([
    listCategories(db, site.id),
    listPages(db, site.id),
    listLinks(db, site.id),
    listSongs(db, site.id),
    readCounters(db, site.id, site.counterBase, now),
    listMenu(db, site.id),
    newestOpenPoll(db, site.id, now),
  ]);
  return { site, origin, assets, categories, pages, links, songs, counters, menu, poll };
}
