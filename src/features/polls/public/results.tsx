import { percentText, percentValue, totalText, votesText } from '../results.js';
import type { PollOptionRow, PollRow } from '../../../kernel/db/tables/polls.js';

/**
 * Results as bars that do not rely on colour: each option's text, its percentage in vi-VN form
 * ("42,9%") and its number of votes are written out; the <meter> only draws them.
 */
export function PollResults({ poll, options, mine }: { poll: PollRow; options: PollOptionRow[]; mine?: number[] | null }) {
  const total = Number(poll.total_votes);
  const chosen = new Set(mine ?? []);
  return (
    <section class="poll-results" aria-labelledby={`ket-qua-${poll.id}`}>
      <h2 id={`ket-qua-${poll.id}`} class="section-title">Kết quả</h2>
      <ul class="poll-bars">
        {options.map((o) => {
          const votes = Number(o.votes);
          const pct = percentText(votes, total);
          return (
            <li class={chosen.has(o.id) ? 'poll-bar mine' : 'poll-bar'}>
              <span class="poll-bar-label" id={`pa-${o.id}`}>
                {o.label}
                {chosen.has(o.id) && <span class="poll-mine"> (bạn đã chọn)</span>}
              </span>
              <meter min={0} max={100} value={percentValue(votes, total)} aria-labelledby={`pa-${o.id}`} aria-describedby={`pa-${o.id}-so`}>{pct}</meter>
              <span class="poll-bar-value" id={`pa-${o.id}-so`}>{pct} ({votesText(votes)})</span>
            </li>
          );
        })}
      </ul>
      <p class="poll-total"><strong>{totalText(total)}</strong></p>
      {poll.multiple === 1 && <p class="hint">Mỗi người được chọn nhiều phương án; tỉ lệ tính trên tổng số người bình chọn.</p>}
    </section>
  );
}
