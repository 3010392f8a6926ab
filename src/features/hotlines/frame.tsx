import type { FramePart } from '../../kernel/views/public/frame.js';
import { readSettings } from '../disclosure/settings.js';
import { hotlinesOf, type Hotline } from './lines.js';
import { HotlinesWidget } from './public/widget.js';

declare module '../../kernel/views/public/frame.js' {
  interface FrameExtras {
    /** The site's hotlines, for the sidebar block on every page. */
    hotlines: Hotline[];
  }
}

/** At the top of the sidebar: in an emergency the number must not be below the fold. */
export const hotlineFrame: FramePart = {
  load: async ({ db, site }) => ({ hotlines: hotlinesOf(await readSettings(db, site.id, 'hotlines')) }),
  sidebar: [{ order: 5, render: (frame, current) => (current === 'sec:duong-day-nong' ? null : <HotlinesWidget hotlines={frame.hotlines ?? []} />) }],
};
