import type { FramePart } from '../../kernel/views/public/frame.js';
import { StatsWidget } from './public/widget.js';
import { readCounters, type SiteCounters } from './repo.js';

declare module '../../kernel/views/public/frame.js' {
  interface FrameExtras {
    /** The visit counters as of the last flush (the beacon's answer updates them live). */
    counters: SiteCounters;
  }
}

export const statsFrame: FramePart = {
  load: async ({ db, site, now }) => ({ counters: await readCounters(db, site.id, site.counterBase, now) }),
  sidebar: [{ order: 50, render: (frame) => <StatsWidget frame={frame} /> }],
};
