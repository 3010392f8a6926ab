import { paragraphs } from '../labels.js';

/** Plain text shown as paragraphs; every character escaped by Preact. */
export function PlainText({ text, className }: { text: string; className?: string }) {
  return (
    <div class={className}>
      {paragraphs(text).map((lines) => (
        <p>{lines.flatMap((line, i) => (i ? [<br />, line] : [line]))}</p>
      ))}
    </div>
  );
}
