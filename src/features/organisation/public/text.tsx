import type { ComponentChildren } from 'preact';

export type Lang = 'vi' | 'en';

/**
 * Plain text as typed in the back office, as HTML: blank lines separate paragraphs, lines starting
 * with "- ", "+ " or "• " become a bulleted list, other line breaks are kept. Text only: Preact
 * escapes every character, so pasted markup shows as the characters it is.
 */
export function TextBlocks({ text, lang }: { text: string; lang?: Lang }) {
  const blocks: ComponentChildren[] = [];
  for (const para of text.split(/\n{2,}/)) {
    let lines: string[] = [];
    let items: string[] = [];
    const flushLines = () => {
      if (lines.length) blocks.push(<p>{lines.flatMap((l, i) => (i ? [<br />, l] : [l]))}</p>);
      lines = [];
    };
    const flushItems = () => {
      if (items.length) blocks.push(<ul>{items.map((i) => <li>{i}</li>)}</ul>);
      items = [];
    };
    for (const line of para.split('\n')) {
      const m = /^[-+•]\s+(.*)$/.exec(line);
      if (m) {
        flushLines();
        items.push(m[1]!);
      } else {
        flushItems();
        lines.push(line);
      }
    }
    flushLines();
    flushItems();
  }
  return <div class="org-text" lang={lang}>{blocks}</div>;
}

/** Said on English pages where a text exists only in Vietnamese. */
export const VI_ONLY = 'Vietnamese only';

/**
 * A translatable text in the page's language. On an English page a missing English text falls
 * back to the Vietnamese one, marked lang="vi" and labelled, rather than an empty space.
 */
export function Txt({ lang, vi, en }: { lang: Lang; vi: string; en: string }) {
  if (lang === 'vi') return <>{vi}</>;
  if (en) return <>{en}</>;
  if (!vi) return null;
  return (
    <>
      <span lang="vi">{vi}</span> <span class="vi-only">({VI_ONLY})</span>
    </>
  );
}

/** The block form of Txt, for paragraphs (functions and duties, working hours). */
export function TxtBlocks({ lang, vi, en }: { lang: Lang; vi: string; en: string }) {
  if (lang === 'vi') return <TextBlocks text={vi} />;
  if (en) return <TextBlocks text={en} />;
  if (!vi) return null;
  return (
    <div class="vi-fallback">
      <p class="vi-only">{VI_ONLY}:</p>
      <TextBlocks text={vi} lang="vi" />
    </div>
  );
}
