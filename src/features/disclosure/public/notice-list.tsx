import type { DisclosureNoticeRow } from '../../../kernel/db/tables/disclosure.js';
import { localIsoDate } from '../../../kernel/lib/format.js';
import type { NoticeKind } from '../notice-kind.js';
import { shortDay } from './days.js';

/** Paragraphs of plain text: blank lines part paragraphs, single breaks stay. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n{2,}/).map((p) => (
        <p>{p.split('\n').map((l, i) => (i ? [<br />, l] : l))}</p>
      ))}
    </>
  );
}

export function LinkList({ links, label }: { links: string; label: string }) {
  const items = links.split('\n').filter(Boolean).map((l) => {
    const bar = l.lastIndexOf('|');
    return { label: l.slice(0, bar).trim(), href: l.slice(bar + 1).trim() };
  });
  if (!items.length) return null;
  return (
    <div class="notice-links">
      <p class="notice-links-title">{label}:</p>
      <ul>
        {items.map((i) => (
          <li><a href={i.href}>{i.label}</a></li>
        ))}
      </ul>
    </div>
  );
}

/** A section's notices, each with an anchor (#tb-<id>) that search results link to. */
export function NoticeList({ kind, notices, now, empty, level = 2 }: { kind: NoticeKind; notices: DisclosureNoticeRow[]; now: Date; empty: string; /** Of the notices' titles: 3 under a heading of the page. */ level?: 2 | 3 }) {
  const Title = level === 3 ? 'h3' : 'h2';
  if (!notices.length) return <p class="empty">{empty}</p>;
  const today = localIsoDate(now);
  return (
    <ol class="notice-list">
      {notices.map((n) => {
        const expired = !!n.deadline && n.deadline < today;
        return (
          <li>
            <article class="disclosure-notice" id={`tb-${n.id}`} aria-labelledby={`tb-${n.id}-title`}>
              <Title id={`tb-${n.id}-title`} class="notice-title">{n.title}</Title>
              <p class="notice-meta">
                {kind.dayLabel}: <time datetime={n.day}>{shortDay(n.day)}</time>
                {kind.deadlineLabel && n.deadline && (
                  <>
                    {' · '}
                    {kind.deadlineLabel}: <time datetime={n.deadline}>{shortDay(n.deadline)}</time>
                    {expired ? <strong class="notice-expired"> · Đã hết hạn</strong> : <strong class="notice-open"> · Còn hạn</strong>}
                  </>
                )}
              </p>
              <Paragraphs text={n.body} />
              <LinkList links={n.links} label={kind.linksLabel} />
            </article>
          </li>
        );
      })}
    </ol>
  );
}
