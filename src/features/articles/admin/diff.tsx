import type * as DiffModule from 'diff';
import { onFirstUse } from '../../../kernel/lib/on-first-use.js';

const diff = onFirstUse<typeof DiffModule>('diff');

/** Readable text of an HTML body for comparing: paragraphs on their own lines, no tags. */
export function bodyText(html: string): string {
  return html
    .replace(/<\/(p|h\d|li|blockquote|tr|figcaption)>/g, '\n')
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

export function Diff({ label, a, b }: { label: string; a: string; b: string }) {
  if (a === b) return null;
  return (
    <div class="diff">
      <h3>{label}</h3>
      <p class="diff-text">
        {diff().diffWords(a, b).map((part) =>
          part.added ? <ins>{part.value}</ins> : part.removed ? <del>{part.value}</del> : <span>{part.value}</span>,
        )}
      </p>
    </div>
  );
}
