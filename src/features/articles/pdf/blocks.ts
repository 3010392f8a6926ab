import { Parser } from 'htmlparser2';

/** A stretch of text in one weight. */
export interface Run {
  text: string;
  bold: boolean;
}

/** What the PDF lays out: the sanitized body read as paragraphs, headings and list items. */
export interface Block {
  kind: 'paragraph' | 'heading' | 'item' | 'quote' | 'caption' | 'row';
  runs: Run[];
  /** Heading level (2-4), or the nesting depth of a list item (1 for a top-level item). */
  level: number;
  /** A list item's marker: "•" or "3.". */
  marker?: string;
}

const FLUSHED_ON_CLOSE = new Set(['h2', 'h3', 'h4', 'li', 'blockquote', 'figcaption', 'caption', 'tr', 'table']);
/** A line break (<br>, or a second paragraph inside a list item) until the text is tidied. */
const BREAK = '\uE000';
const BOLD_TAGS = new Set(['strong', 'b', 'th']);

/**
 * Reads a body that went through `sanitizeArticleHtml` (src/kernel/lib/html.ts) into blocks. Only
 * the tags that sanitiser allows matter; images are left out (a PDF made to be kept offline holds
 * the text), a table becomes one line per row with its cells separated by " | ".
 */
export function bodyBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  const lists: { ordered: boolean; next: number }[] = [];
  let bold = 0;
  let current: Block | null = null;
  let cellsInRow = 0;

  const open = (kind: Block['kind'], level: number, marker?: string) => {
    flush();
    current = { kind, runs: [], level, marker };
  };
  const flush = () => {
    if (current) {
      const block = tidy(current);
      if (block) blocks.push(block);
    }
    current = null;
  };
  const add = (text: string) => {
    // Text outside any block (a bare line between tags) still reads as a paragraph.
    if (!current) {
      if (!text.trim()) return;
      current = { kind: 'paragraph', runs: [], level: 0 };
    }
    const runs: Run[] = current.runs;
    const last = runs[runs.length - 1];
    const isBold = bold > 0;
    if (last && last.bold === isBold) last.text += text;
    else runs.push({ text, bold: isBold });
  };

  const parser = new Parser(
    {
      onopentag(name) {
        if (BOLD_TAGS.has(name)) bold++;
        if (name === 'ul' || name === 'ol') {
          flush();
          lists.push({ ordered: name === 'ol', next: 1 });
        } else if (name === 'li') {
          const list = lists[lists.length - 1];
          open('item', Math.max(1, lists.length), list?.ordered ? `${list.next++}.` : '•');
        } else if (name === 'h2' || name === 'h3' || name === 'h4') {
          open('heading', Number(name[1]));
        } else if (name === 'p') {
          // The editor wraps list items and quotes in paragraphs: those stay one block.
          if (current?.kind === 'item' || current?.kind === 'quote') {
            if (current.runs.length) add(BREAK);
          } else open('paragraph', 0);
        } else if (name === 'blockquote') {
          open('quote', 0);
        } else if (name === 'figcaption' || name === 'caption') {
          open('caption', 0);
        } else if (name === 'tr') {
          open('row', 0);
          cellsInRow = 0;
        } else if (name === 'td' || name === 'th') {
          if (cellsInRow++ > 0) add(' | ');
        } else if (name === 'br') {
          add(BREAK);
        }
      },
      ontext(text) {
        add(text.replace(/\s+/g, ' '));
      },
      onclosetag(name) {
        if (BOLD_TAGS.has(name)) bold = Math.max(0, bold - 1);
        if (name === 'ul' || name === 'ol') {
          flush();
          lists.pop();
        } else if (name === 'p') {
          if (current?.kind === 'paragraph') flush();
        } else if (FLUSHED_ON_CLOSE.has(name)) {
          flush();
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return blocks;
}

/** Collapses white space as a browser would (keeping line breaks), trims, and drops empty blocks. */
function tidy(block: Block): Block | null {
  const runs = block.runs.map((r) => ({ ...r, text: r.text.replace(/ {2,}/g, ' ').normalize('NFC') }));
  const first = runs[0];
  const last = runs[runs.length - 1];
  if (first) first.text = first.text.replace(/^[ \uE000]+/, '');
  if (last) last.text = last.text.replace(/[ \uE000]+$/, '');
  const kept = runs
    .map((r) => ({ ...r, text: r.text.replace(/ ?\uE000 ?/g, '\n') }))
    .filter((r) => r.text !== '');
  return kept.length ? { ...block, runs: kept } : null;
}
