import type { FramePart } from '../../kernel/views/public/frame.js';
import type { PollWithOptions } from './results.js';
import { newestOpenPoll, PollWidget } from './public/widget.js';

declare module '../../kernel/views/public/frame.js' {
  interface FrameExtras {
    /** The newest open poll, for the sidebar. */
    poll: PollWithOptions | null;
  }
}

export const pollFrame: FramePart = {
  load: async ({ db, site, now }) => ({ poll: await newestOpenPoll(db, site.id, now) }),
  // Not beside the polls themselves, where it would repeat a form of the page.
  sidebar: [{ order: 40, render: (frame, current) => (current === 'sec:tham-do' ? null : <PollWidget poll={frame.poll ?? null} archived={!!frame.site.archivedAt} />) }],
};
