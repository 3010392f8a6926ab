import { ArchiveClosed } from '../../../kernel/views/public/archive-closed.js';
import type { Db } from '../../../kernel/db/connection.js';
import { optionsOf } from '../repo.js';
import type { PollWithOptions } from '../results.js';
import { POLLS_PATH, resultsPath } from '../paths.js';
import { PollForm } from './poll-form.js';

/**
 * Sidebar widget: the newest open poll as its plain vote form (no results, so a vote changes no
 * cached page; the post redirects to the results). Not wired yet: the lead adds it to the
 * sidebar (src/features/sites/public/widgets.tsx) with `newestOpenPoll` loaded in the frame. The poll
 * commands purge the whole site, so the widget follows edits, opening and closing.
 */
export async function newestOpenPoll(db: Db, siteId: number, now: Date): Promise<PollWithOptions | null> {
  // Open as pollState() in results.ts says: published, opened, not yet closed. One row, whatever the number of polls.
  const t = now.toISOString();
  const open = await db
    .selectFrom('polls')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('published', '=', 1)
    .where('opens_at', '<=', t)
    .where((eb) => eb.or([eb('closes_at', 'is', null), eb('closes_at', '>', t)]))
    .orderBy('opens_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return open ? { poll: open, options: await optionsOf(db, siteId, open.id) } : null;
}

export function PollWidget({ poll, archived = false }: { poll: PollWithOptions | null; archived?: boolean }) {
  if (!poll) return null;
  return (
    <section class="widget poll-widget" aria-labelledby="widget-tham-do">
      <h2 class="widget-title" id="widget-tham-do">Thăm dò ý kiến</h2>
      <div>
        <p class="poll-widget-question">{poll.poll.question}</p>
        {archived ? <ArchiveClosed what="bình chọn" /> : <PollForm poll={poll.poll} options={poll.options} idPrefix="wg" />}
        <p><a href={resultsPath(poll.poll.id)}>Xem kết quả</a> · <a href={POLLS_PATH}>Các cuộc thăm dò khác</a></p>
      </div>
    </section>
  );
}
