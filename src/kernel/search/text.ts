import { nfc, searchFold } from '../lib/text.js';

/**
 * Text helpers of the search feature. Everything the engines index is searchFold() output, so
 * a "token" is a run of letters and digits; these helpers line the folded tokens up with the
 * original NFC text (for highlighting) and compare spellings with their diacritics (for ranking).
 */

/** Readable text of a sanitized article body: block ends become spaces, tags go, entities decode. */
export function htmlToText(html: string): string {
  return html
    .replace(/<\/(p|h\d|li|blockquote|tr|td|th|figcaption|caption)>|<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0*39;|&apos;/g, "'")
    .replace(/&#(\d{1,6});/g, (_, d: string) => safeChar(Number(d)))
    .replace(/&#x([0-9a-f]{1,6});/gi, (_, h: string) => safeChar(Number.parseInt(h, 16)))
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

function safeChar(code: number): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
}

export interface TextToken {
  /** Offsets in the original (NFC) text. */
  start: number;
  end: number;
  fold: string;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/**
 * The tokens of an NFC text with their folded form, one for one with searchFold(text).split(' ').
 * Pass the folded text when it is at hand (the index stores it) to save folding it again.
 */
export function alignedTokens(text: string, folded = searchFold(text)): TextToken[] {
  const out: TextToken[] = [];
  for (const m of text.matchAll(WORD)) out.push({ start: m.index, end: m.index + m[0].length, fold: '' });
  const words = folded ? folded.split(' ') : [];
  if (words.length === out.length) {
    for (let i = 0; i < out.length; i++) out[i]!.fold = words[i]!;
    return out;
  }
  // Rare characters fold to more or fewer words than they spell (a lone combining mark, say):
  // fold token by token instead, keeping the first folded word of each.
  return out
    .map((t) => ({ ...t, fold: searchFold(text.slice(t.start, t.end)).split(' ')[0] ?? '' }))
    .filter((t) => t.fold !== '');
}

/** Document numbers and other joined words: 22-NQ/TW, 123/QĐ-UBND, 15/10/2021, 2010-2015. */
export const JOINED = /[\p{L}\p{N}\p{M}]+(?:[-–/._][\p{L}\p{N}\p{M}]+)+/gu;

/** A joined word as one token: "22-NQ/TW" → "22nqtw". */
export function codeOf(joined: string): string {
  return searchFold(joined).replace(/ /g, '');
}

/**
 * The codes of a text's joined words, and of every run of two or more of their parts, so that
 * "22-NQ/TW" is found by typing "22-NQ/TW", "22-NQ" or "NQ/TW" with a single-token lookup
 * instead of a phrase query (which costs as much as all the articles holding "22", "nq", "tw").
 */
export function codesOf(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(JOINED)) {
    const parts = searchFold(m[0]).split(' ').slice(0, 8);
    for (let i = 0; i < parts.length; i++) for (let j = i + 2; j <= parts.length; j++) out.add(parts.slice(i, j).join(''));
  }
  return [...out];
}

/** Vietnamese tone marks (huyền, sắc, ngã, hỏi, nặng) as combining characters. */
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/u;
const VOWELS = 'aăâeêioôơuưy';

/**
 * Every way of placing the word's tone mark on one of its vowels, in NFC: "hoà" → {hòa, hoà},
 * "uỷ" → {ủy, uỷ}. Old and new tone placement are both correct spellings, so either counts as
 * typing the exact diacritics.
 */
export function toneVariants(word: string): string[] {
  const d = nfc(word).toLowerCase().normalize('NFD');
  const tone = TONES.exec(d)?.[0];
  if (!tone) return [nfc(d)];
  const bare = d.replace(new RegExp(TONES.source, 'gu'), '').normalize('NFC');
  const variants = new Set<string>([nfc(d)]);
  const chars = [...bare];
  chars.forEach((c, i) => {
    const base = c.normalize('NFD')[0]!;
    if (!VOWELS.includes(c) && !VOWELS.includes(base)) return;
    variants.add([...chars.slice(0, i), (c.normalize('NFD') + tone).normalize('NFC'), ...chars.slice(i + 1)].join(''));
  });
  return [...variants];
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Whether `haystack` (lowercased NFC) holds `word` as a whole word. */
export function containsWord(haystack: string, word: string): boolean {
  for (let i = haystack.indexOf(word); i !== -1; i = haystack.indexOf(word, i + 1)) {
    const before = i > 0 ? haystack[i - 1]! : ' ';
    const after = haystack[i + word.length] ?? ' ';
    if (!WORD_CHAR.test(before) && !WORD_CHAR.test(after)) return true;
  }
  return false;
}

/**
 * The distinct words of a text as containsWord() sees them in its lowercase form: runs of
 * letters, digits and marks, each UTF-16 unit tested on its own as containsWord tests the units
 * around a match; in order of first appearance, joined by spaces. A lowercase word without
 * surrogates is one of them exactly when containsWord(text.toLowerCase(), word), so the index
 * keeps them (search_documents.body_words) and the database answers that question.
 */
export function distinctWords(text: string): string {
  const lower = text.toLowerCase();
  const words = new Set<string>();
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const inWord = i < lower.length && WORD_CHAR.test(lower[i]!);
    if (inWord && start < 0) start = i;
    else if (!inWord && start >= 0) {
      words.add(lower.slice(start, i));
      start = -1;
    }
  }
  return [...words].join(' ');
}

/** Whether a word holds UTF-16 surrogates (a letter beyond the BMP): distinctWords cannot answer for it. */
export function hasSurrogates(word: string): boolean {
  return /[\uD800-\uDFFF]/.test(word);
}

/** Char offsets where a folded word or phrase occurs as whole words in a folded text. */
export function foldedOccurrences(fold: string, phrase: string, max = 64): number[] {
  const out: number[] = [];
  for (let i = fold.indexOf(phrase); i !== -1 && out.length < max; i = fold.indexOf(phrase, i + 1)) {
    if ((i === 0 || fold[i - 1] === ' ') && (i + phrase.length === fold.length || fold[i + phrase.length] === ' ')) out.push(i);
  }
  return out;
}
