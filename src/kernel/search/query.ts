import { nfc, searchFold } from '../lib/text.js';
import { JOINED as JOINED_WORD } from './text.js';

/**
 * What a person typed, turned into something safe to search with. Nothing typed ever reaches
 * MATCH or to_tsquery: the engines rebuild their syntax from the folded tokens kept here, which
 * hold only letters and digits.
 */
export const MAX_QUERY_LENGTH = 200;
/** More words than this add nothing to a portal search; the rest are ignored. */
const MAX_TOKENS = 24;

export interface SearchQuery {
  /** The NFC text as typed (trimmed, spaces collapsed): shown back in the search box. */
  text: string;
  /** Required clauses: each is a folded word, or several for a quoted phrase or document number. */
  clauses: string[][];
  /** All folded tokens in typed order: the phrase the ranking looks for. */
  sequence: string[];
  /** Distinct folded tokens. */
  terms: string[];
  /** Folded token → how it was typed (lowercase NFC), when the query has any diacritics. */
  typed: Map<string, string>;
  /** Clauses typed as one joined word (a document number), by their tokens joined with spaces → code. */
  codes: Map<string, string>;
}

export type ParsedQuery =
  | { kind: 'empty' }
  | { kind: 'invalid'; text: string; message: string }
  | ({ kind: 'ok' } & SearchQuery);

export const MESSAGES = {
  tooLong: (n: number) => `Từ khoá dài ${n} ký tự, vượt quá ${MAX_QUERY_LENGTH} ký tự cho phép. Hãy rút gọn, chỉ giữ những từ quan trọng nhất.`,
  noWords: 'Từ khoá cần có ít nhất một chữ cái hoặc chữ số, ví dụ: nam hồng, 22-NQ/TW.',
} as const;

/** Straight and typographic quotes (Word turns " into “ ”) all open and close a phrase. */
const QUOTES = /["“”„«»]/u;
/** A whole word that is a document number or another joined word (see text.ts). */
const JOINED = new RegExp(`^${JOINED_WORD.source}$`, 'u');
/** Search-engine operators people type out of habit; they are not Vietnamese words. */
const OPERATORS = new Set(['AND', 'OR', 'NOT', '&&', '||', '-', '+']);

export function parseQuery(raw: unknown): ParsedQuery {
  const input = typeof raw === 'string' ? raw : Array.isArray(raw) && typeof raw[0] === 'string' ? raw[0] : '';
  const text = nfc(input).replace(/\s+/gu, ' ').trim();
  if (!text) return { kind: 'empty' };
  const length = [...text].length;
  if (length > MAX_QUERY_LENGTH) return { kind: 'invalid', text, message: MESSAGES.tooLong(length) };

  const clauses: string[][] = [];
  const sequence: string[] = [];
  const typed = new Map<string, string>();
  const codes = new Map<string, string>();
  const add = (original: string, asPhrase: boolean, joined = false) => {
    const folded = searchFold(original);
    if (!folded) return;
    const tokens = folded.split(' ').slice(0, MAX_TOKENS - sequence.length);
    if (!tokens.length) return;
    const words = original.toLowerCase().match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
    tokens.forEach((t, i) => {
      if (!typed.has(t) && words.length === tokens.length) typed.set(t, words[i]!);
    });
    sequence.push(...tokens);
    if (asPhrase) clauses.push(tokens);
    else for (const t of tokens) clauses.push([t]);
    if (joined && tokens.length > 1) codes.set(tokens.join(' '), tokens.join(''));
  };

  // Outside quotes: words, with joined words (document numbers) kept together as phrases.
  // Inside a pair of quotes: a phrase. A quote left open is just punctuation.
  const parts = text.split(QUOTES);
  const closed = parts.length % 2 === 1 ? parts.length : parts.length - 1;
  parts.forEach((part, i) => {
    if (i % 2 === 1 && i < closed) return add(part, true);
    for (const word of part.split(' ')) {
      if (OPERATORS.has(word)) continue;
      const bare = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}\p{M}]+$/gu, '');
      const joined = JOINED.test(bare);
      add(bare, joined, joined);
    }
  });
  if (!sequence.length) return { kind: 'invalid', text, message: MESSAGES.noWords };

  const seen = new Set<string>();
  const unique = clauses.filter((c) => {
    const k = c.join(' ');
    return seen.has(k) ? false : (seen.add(k), true);
  });
  const terms = [...new Set(sequence)];
  const hasDiacritics = [...typed].some(([fold, word]) => fold !== word);
  return { kind: 'ok', text, clauses: unique, sequence, terms, typed: hasDiacritics ? typed : new Map(), codes };
}
