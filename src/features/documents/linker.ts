import type { Db } from '../../kernel/db/connection.js';
import { escapeHtml } from '../../kernel/lib/html.js';
import { joinedWords, replaceJoinedWords, type JoinedWord } from '../../kernel/search/joined-words.js';
import { codeOf } from '../../kernel/search/text.js';
import { findPublishedByCodes } from './repo.js';
import { documentUrls } from './urls.js';

/**
 * Links the document numbers an article body mentions ("Nghị quyết số 22-NQ/TW") to their page
 * in the site's library, at render time of the (cached) article page.
 *
 * The body is sanitized HTML (src/kernel/lib/html.ts): every "<" and ">" outside tags is escaped and
 * attribute values are quoted, so splitting at tags is exact. Only text is touched: never a
 * tag or its attributes, never text inside an existing link. A number matches whole (the
 * joined-word pattern of search: "122-NQ/TW" is not "22-NQ/TW"), whatever its case and
 * diacritics ("22-nq/tw", "123/QD-UBND"). One query per page for all candidate numbers.
 */
const TAG = /<[^>]*>/g;
/** Far more than a real article names; bounds the IN list. */
const MAX_CANDIDATES = 300;

interface Piece {
  text: string;
  /** A text node outside any link. */
  linkable: boolean;
  /** Its joined words, found once for both passes. */
  words?: JoinedWord[];
}

function split(html: string): Piece[] {
  const out: Piece[] = [];
  let depth = 0;
  let last = 0;
  for (const m of html.matchAll(TAG)) {
    if (m.index > last) out.push({ text: html.slice(last, m.index), linkable: depth === 0 });
    const tag = m[0];
    if (/^<a[\s>]/i.test(tag)) depth++;
    else if (/^<\/a\s*>/i.test(tag)) depth = Math.max(0, depth - 1);
    out.push({ text: tag, linkable: false });
    last = m.index + tag.length;
  }
  if (last < html.length) out.push({ text: html.slice(last), linkable: depth === 0 });
  return out;
}

/** A joined word right after "&" or "#" is part of an entity ("&#8220;"), not a number. */
function isEntityPart(text: string, index: number): boolean {
  const before = text[index - 1];
  return before === '&' || before === '#';
}

/** At most `max` characters, cut at a space, with "…" when cut. */
function shorten(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)).replace(/[\s,;:.-]+$/u, '')}…`;
}

export async function linkDocumentNumbers(db: Db, siteId: number, html: string): Promise<string> {
  const pieces = split(html);
  const codes = new Set<string>();
  for (const p of pieces) {
    if (!p.linkable) continue;
    p.words = joinedWords(p.text);
    for (const m of p.words) {
      if (!isEntityPart(p.text, m.index) && /\p{N}/u.test(m.word)) codes.add(codeOf(m.word));
      if (codes.size >= MAX_CANDIDATES) break;
    }
  }
  if (!codes.size) return html;
  const docs = await findPublishedByCodes(db, siteId, [...codes]);
  if (!docs.length) return html;
  const byCode = new Map(docs.map((d) => [d.number_code, d]));
  return pieces
    .map((p) => {
      if (!p.words) return p.text;
      return replaceJoinedWords(p.text, p.words, (word, index) => {
        const doc = !isEntityPart(p.text, index) ? byCode.get(codeOf(word)) : undefined;
        if (!doc) return word;
        // `word` comes from already escaped text; the title is escaped here.
        return `<a class="document-ref" href="${documentUrls.document(doc)}" title="${escapeHtml(shorten(doc.title, 160))}">${word}</a>`;
      });
    })
    .join('');
}
