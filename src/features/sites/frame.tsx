import type { LinkRow, SongRow } from '../../kernel/db/schema.js';
import type { FramePart } from '../../kernel/views/public/frame.js';
import { THEME_PATH, themeVersion } from './appearance.js';
import { listMenu } from './menu-repo.js';
import { LinksWidget, MapWidget, SongsWidget } from './public/widgets.js';
import { listLinks, listSongs } from './widgets-repo.js';

declare module '../../kernel/views/public/frame.js' {
  interface FrameExtras {
    /** "Liên kết website" drop-down. */
    links: LinkRow[];
    /** The songs playlist. */
    songs: SongRow[];
  }
}

/** The site's own part of every page: its menu, colours, links, map and songs. */
export const siteFrame: FramePart = {
  async load({ db, site, sections }) {
    const [menu, links, songs] = await Promise.all([listMenu(db, site.id, sections), listLinks(db, site.id), listSongs(db, site.id)]);
    const appearance = site.settings.appearance;
    return { menu, links, songs, stylesheets: appearance ? [`${THEME_PATH}?v=${themeVersion(appearance)}`] : [] };
  },
  sidebar: [
    { order: 10, render: (frame) => <LinksWidget frame={frame} /> },
    { order: 20, render: (frame) => <MapWidget frame={frame} /> },
    { order: 30, render: (frame) => <SongsWidget frame={frame} /> },
  ],
};
