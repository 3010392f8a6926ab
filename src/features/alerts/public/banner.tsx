import type { AlertRow } from '../../../kernel/db/tables/alerts.js';
import { formatDateTime } from '../../../kernel/lib/format.js';
import { SEVERITY_NAMES } from '../input.js';

/**
 * The site's notices in force, at the top of every page. A persistent notice is not an ARIA
 * alert (which screen readers announce on every page load, interrupting the reader): each one is
 * a labelled region with its own heading, so it is in the landmarks and headings lists and read
 * in order. Plain HTML and CSS: it shows without JavaScript.
 */
export function AlertBanners({ alerts }: { alerts: readonly AlertRow[] }) {
  if (!alerts.length) return null;
  return (
    <div class="site-alerts" lang="vi">
      {alerts.map((a) => (
        <AlertNotice alert={a} />
      ))}
    </div>
  );
}

function AlertNotice({ alert: a }: { alert: AlertRow }) {
  const headingId = `thong-bao-khan-${a.id}`;
  return (
    <section class={`site-alert site-alert-${a.severity}`} aria-labelledby={headingId}>
      <div class="site-alert-inner">
        <h2 id={headingId}>
          <span class="site-alert-level">Thông báo khẩn – {SEVERITY_NAMES[a.severity]}:</span> {a.title}
        </h2>
        <p class="site-alert-body">
          <TextWithLinks text={a.body} />
        </p>
        <p class="site-alert-meta">
          Có hiệu lực đến {formatDateTime(a.ends_at)}.
          {a.link && (
            <>
              {' '}
              <a href={a.link}>
                Xem chi tiết<span class="visually-hidden">: {a.title}</span>
              </a>
            </>
          )}
        </p>
      </div>
    </section>
  );
}

/** Web addresses in the text become links (everything else stays text, escaped); line breaks are kept. */
function TextWithLinks({ text }: { text: string }) {
  const lines = text.split('\n');
  return (
    <>
      {lines.map((line, i) => (
        <>
          {i > 0 && <br />}
          {splitLinks(line).map((part) => (part.url ? <a href={part.url}>{part.text}</a> : part.text))}
        </>
      ))}
    </>
  );
}

/** "Gọi 112 hoặc xem https://x.vn/a." → text, link "https://x.vn/a", text "." (trailing punctuation stays out of the link). */
export function splitLinks(line: string): { text: string; url?: string }[] {
  const out: { text: string; url?: string }[] = [];
  let last = 0;
  for (const m of line.matchAll(/https?:\/\/[^\s<>"]+/gi)) {
    const url = m[0].replace(/[.,;:!?)\]]+$/, '');
    const start = m.index;
    if (start > last) out.push({ text: line.slice(last, start) });
    out.push({ text: url, url });
    last = start + url.length;
  }
  if (last < line.length) out.push({ text: line.slice(last) });
  return out;
}
