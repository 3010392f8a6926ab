import type { SearchQuery } from '../../kernel/search/query.js';
import { alignedTokens, type TextToken } from '../../kernel/search/text.js';

/**
 * Highlighting on the original NFC text: the words are found through their folded form and
 * cut out of the original, so "nam hong" marks "Nam Hồng" as it is written. The result is a list
 * of parts that the view renders with <mark>; no HTML is built here.
 */
export interface TextPart {
  text: string;
  match: boolean;
}

/** Words shown around the best match in a snippet. */
const SNIPPET_WORDS = 32;

type Marking = Pick<SearchQuery, 'sequence' | 'clauses'>;

export function highlightAll(text: string, q: Marking, folded?: string): TextPart[] {
  const tokens = alignedTokens(text, folded);
  return partsOf(text, tokens, 0, tokens.length, marked(tokens, q));
}

/**
 * Which tokens to mark. Phrases (quoted, document numbers) are marked only where they occur
 * whole; single words everywhere, unless the text holds the whole query as a phrase, in which
 * case only that is marked ("nam hong" marks "Nam Hồng", not every "năm" around it).
 */
export function marked(tokens: TextToken[], q: Marking): boolean[] {
  const hit = new Array<boolean>(tokens.length).fill(false);
  const markRuns = (phrase: string[]) => {
    let found = false;
    for (let i = 0; i + phrase.length <= tokens.length; i++) {
      if (phrase.every((w, k) => tokens[i + k]!.fold === w)) {
        for (let k = 0; k < phrase.length; k++) hit[i + k] = true;
        found = true;
      }
    }
    return found;
  };
  const whole = q.sequence.length > 1 && markRuns(q.sequence);
  for (const c of q.clauses) {
    if (c.length > 1) markRuns(c);
    else if (!whole) tokens.forEach((t, i) => { if (t.fold === c[0]) hit[i] = true; });
  }
  return hit;
}

/** A short excerpt around the place where most of the query's words meet, with them marked. */
export function snippet(text: string, q: Marking, folded?: string, words = SNIPPET_WORDS): TextPart[] {
  const tokens = alignedTokens(text, folded);
  if (!tokens.length) return [];
  const hit = marked(tokens, q);
  // Slide a window over the tokens: most distinct terms, then most matches, then earliest.
  let best = 0;
  let bestScore = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (!hit[i]) continue;
    const inside = new Set<string>();
    let matches = 0;
    for (let j = i; j < Math.min(tokens.length, i + words); j++) {
      if (hit[j]) {
        inside.add(tokens[j]!.fold);
        matches++;
      }
    }
    const s = inside.size * 1000 + matches;
    if (s > bestScore) {
      bestScore = s;
      best = i;
    }
  }
  // A little context before the first match, unless the text starts near it.
  let from = bestScore < 0 ? 0 : Math.max(0, best - 4);
  const to = Math.min(tokens.length, from + words);
  if (to - from < words) from = Math.max(0, to - words);
  const parts = partsOf(text, tokens, from, to, hit);
  if (from > 0) parts.unshift({ text: '… ', match: false });
  if (to < tokens.length) parts.push({ text: ' …', match: false });
  return merge(parts);
}

function partsOf(text: string, tokens: TextToken[], from: number, to: number, hit: boolean[]): TextPart[] {
  if (from >= to) return text && from === 0 ? [{ text, match: false }] : [];
  const parts: TextPart[] = [];
  const start = from === 0 ? 0 : tokens[from]!.start;
  const end = to === tokens.length ? text.length : tokens[to - 1]!.end;
  let at = start;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (!hit[i]) continue;
    const gap = text.slice(at, t.start);
    const last = parts[parts.length - 1];
    // Marked words joined by a space or a document number's - / . become one mark: "22-NQ/TW".
    if (last?.match && at > start && JOINER.test(gap)) last.text += gap + text.slice(t.start, t.end);
    else {
      if (gap) parts.push({ text: gap, match: false });
      parts.push({ text: text.slice(t.start, t.end), match: true });
    }
    at = t.end;
  }
  if (end > at) parts.push({ text: text.slice(at, end), match: false });
  return parts;
}

const JOINER = /^[\s\-–/._]{1,3}$/u;

/** Joins neighbouring parts of the same kind (the ellipses added around a snippet). */
function merge(parts: TextPart[]): TextPart[] {
  const out: TextPart[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (last && last.match === p.match) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}
