import { ArchiveClosed } from '../../../kernel/views/public/archive-closed.js';
import type { ComponentChildren } from 'preact';
import { formatDate, formatDateTime, formatNumber } from '../../../kernel/lib/format.js';
import type { Frame } from '../../../kernel/views/public/frame.js';
import { Layout } from '../../../kernel/views/public/layout.js';
import { pollState, STATE_LABELS, type PollState } from '../results.js';
import type { PollOptionRow, PollRow } from '../../../kernel/db/tables/polls.js';
import { PollForm } from './poll-form.js';
import { PollResults } from './results.js';

/** The public pages of Thăm dò ý kiến: the list, a poll, its results. */
import { POLLS_PATH, pollPath, resultsPath } from '../paths.js';

export { POLLS_PATH, pollPath, resultsPath };
const TITLE = 'Thăm dò ý kiến';
const CURRENT = 'sec:tham-do';

export const CONFIRM_VOTE = 'Bạn chưa bình chọn lần nào từ trình duyệt này. Lựa chọn của bạn đã được đánh dấu bên dưới: vui lòng bấm “Bình chọn” một lần nữa để xác nhận.';

export function periodText(p: Pick<PollRow, 'opens_at' | 'closes_at'>): string {
  return p.closes_at ? `Từ ${formatDateTime(p.opens_at)} đến ${formatDateTime(p.closes_at)}` : `Từ ${formatDateTime(p.opens_at)}`;
}

export const STATE_NOTES: Partial<Record<PollState, (p: PollRow) => string>> = {
  upcoming: (p) => `Cuộc thăm dò ý kiến này chưa bắt đầu; bạn có thể bình chọn từ ${formatDateTime(p.opens_at)}.`,
  closed: (p) => `Cuộc thăm dò ý kiến này đã kết thúc${p.closes_at ? ` lúc ${formatDateTime(p.closes_at)}` : ''}; không nhận thêm bình chọn.`,
};

function PollItem({ poll, now }: { poll: PollRow; now: Date }) {
  const state = pollState(poll, now);
  return (
    <li class="poll-item">
      <h3 class="item-title"><a href={pollPath(poll.id)}>{poll.question}</a></h3>
      <p class="item-date">
        <span class={`poll-state poll-state-${state}`}>{STATE_LABELS[state]}</span> · {poll.closes_at ? `${formatDate(poll.opens_at)} – ${formatDate(poll.closes_at)}` : `Từ ${formatDate(poll.opens_at)}`}
        {' · '}{formatNumber(Number(poll.total_votes))} lượt bình chọn
      </p>
    </li>
  );
}

export function PollListPage({ frame, polls, now }: { frame: Frame; polls: PollRow[]; now: Date }) {
  const current = polls.filter((p) => pollState(p, now) !== 'closed');
  const closed = polls.filter((p) => pollState(p, now) === 'closed');
  return (
    <Layout frame={frame} meta={{ title: TITLE, canonicalPath: POLLS_PATH, current: CURRENT, description: 'Các cuộc thăm dò ý kiến người dân đang diễn ra và đã kết thúc.' }} crumbs={[{ name: 'Trang chủ', href: '/' }, { name: TITLE, href: POLLS_PATH }]}>
      <h1 class="page-title">{TITLE}</h1>
      <section aria-labelledby="dang-dien-ra">
        <h2 id="dang-dien-ra" class="section-title">Đang diễn ra</h2>
        {current.length ? <ul class="poll-list">{current.map((p) => <PollItem poll={p} now={now} />)}</ul> : <p class="muted">Hiện không có cuộc thăm dò ý kiến nào đang diễn ra.</p>}
      </section>
      <section aria-labelledby="da-ket-thuc">
        <h2 id="da-ket-thuc" class="section-title">Đã kết thúc</h2>
        {closed.length ? <ul class="poll-list">{closed.map((p) => <PollItem poll={p} now={now} />)}</ul> : <p class="muted">Chưa có cuộc thăm dò ý kiến nào kết thúc.</p>}
      </section>
    </Layout>
  );
}

function PollFrame({ frame, poll, title, path, noindex, children }: { frame: Frame; poll: PollRow; title: string; path: string; noindex?: boolean; children: ComponentChildren }) {
  return (
    <Layout
      frame={frame}
      meta={{ title, canonicalPath: path, current: CURRENT, noindex }}
      crumbs={[{ name: 'Trang chủ', href: '/' }, { name: TITLE, href: POLLS_PATH }, { name: poll.question, href: pollPath(poll.id) }]}
    >
      <article class="poll">
        <h1 class="page-title">{poll.question}</h1>
        <p class="item-date">{periodText(poll)}</p>
        {children}
      </article>
    </Layout>
  );
}

/** The poll: the form while open, the state otherwise; the results when everyone may see them. */
/** `confirm`: the visitor's first vote came without a voter cookie; the page gives one and asks again. */
export function PollPage({ frame, poll, options, now, showResults, error, checked, confirm }: {
  frame: Frame; poll: PollRow; options: PollOptionRow[]; now: Date; showResults: boolean; error?: string; checked?: number[] | null; confirm?: boolean;
}) {
  const state = pollState(poll, now);
  const note = STATE_NOTES[state]?.(poll);
  return (
    <PollFrame frame={frame} poll={poll} title={poll.question} path={pollPath(poll.id)} noindex={!!error || confirm}>
      {note && <p class="poll-note" role="status">{note}</p>}
      {confirm && state === 'open' && <p class="poll-note" role="status">{CONFIRM_VOTE}</p>}
      {state === 'open' && (frame.site.archivedAt ? <ArchiveClosed what="bình chọn" /> : <PollForm poll={poll} options={options} error={error} checked={checked} />)}
      {state !== 'open' && error && <p class="form-error" role="alert">{error}</p>}
      {showResults ? (
        <PollResults poll={poll} options={options} />
      ) : (
        <p class="muted">Kết quả được công bố cho người đã bình chọn và cho mọi người khi cuộc thăm dò kết thúc.</p>
      )}
      <p><a href={POLLS_PATH}>Các cuộc thăm dò ý kiến khác</a></p>
    </PollFrame>
  );
}

/** After voting (or from the link): the results, or why they are not shown yet. */
export function PollResultsPage({ frame, poll, options, now, visible, mine }: {
  frame: Frame; poll: PollRow; options: PollOptionRow[]; now: Date; visible: boolean; mine: number[] | null;
}) {
  const state = pollState(poll, now);
  return (
    <PollFrame frame={frame} poll={poll} title={`Kết quả: ${poll.question}`} path={resultsPath(poll.id)} noindex>
      {mine && <p class="notice-ok" role="status">Cảm ơn bạn đã bình chọn. Bạn có thể đổi lựa chọn khi cuộc thăm dò còn diễn ra.</p>}
      {!mine && STATE_NOTES[state] && <p class="poll-note">{STATE_NOTES[state]!(poll)}</p>}
      {visible ? (
        <PollResults poll={poll} options={options} mine={mine} />
      ) : (
        <p class="poll-note">Kết quả sẽ được công bố sau khi bạn bình chọn hoặc khi cuộc thăm dò kết thúc.</p>
      )}
      <p>
        {state === 'open' && <><a href={pollPath(poll.id)}>{mine ? 'Đổi lựa chọn' : 'Bình chọn'}</a> · </>}
        <a href={POLLS_PATH}>Các cuộc thăm dò ý kiến khác</a>
      </p>
    </PollFrame>
  );
}
