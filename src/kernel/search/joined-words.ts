/**
 * The joined words of a text ("22-NQ/TW", "15/10/2021"), exactly as `text.matchAll(JOINED)`
 * finds them (text.ts), without running that pattern over every character: its classes
 * (\p{L}, \p{N}, \p{M}) cost a table search for each non-ASCII letter, and Vietnamese text is
 * full of them. A joined word needs a separator between two word characters, so the scan looks
 * for separators and reads the words around the few that join something.
 */

export interface JoinedWord {
  word: string;
  index: number;
}

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
/** Answers for the non-ASCII code points met so far (a page meets a few dozen). */
const nonAscii = new Map<number, boolean>();

function isWordCodePoint(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  let known = nonAscii.get(cp);
  if (known === undefined) {
    known = WORD_CHAR.test(String.fromCodePoint(cp));
    if (nonAscii.size < 4096) nonAscii.set(cp, known);
  }
  return known;
}

function isSeparator(code: number): boolean {
  // - – / . _
  return code === 0x2d || code === 0x2013 || code === 0x2f || code === 0x2e || code === 0x5f;
}

/** Whether a word character starts at `i`; its length in UTF-16 units (2 for an astral one), else 0. */
function wordCharAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const cp = text.codePointAt(i)!;
  return isWordCodePoint(cp) ? (cp > 0xffff ? 2 : 1) : 0;
}

/** Whether a word character ends just before `i` (a low surrogate is read with its pair). */
function wordCharBefore(text: string, i: number): number {
  if (i <= 0) return 0;
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return isWordCodePoint(text.codePointAt(i - 2)!) ? 2 : 0;
  }
  return isWordCodePoint(text.codePointAt(i - 1)!) ? 1 : 0;
}

/** The end of the run of word characters starting at `i`. */
function runEnd(text: string, i: number): number {
  for (let n = wordCharAt(text, i); n > 0; n = wordCharAt(text, i)) i += n;
  return i;
}

export function joinedWords(text: string): JoinedWord[] {
  const out: JoinedWord[] = [];
  let from = 0;
  for (let s = 0; s < text.length; s++) {
    if (!isSeparator(text.charCodeAt(s)) || s <= from) continue;
    if (!wordCharBefore(text, s) || !wordCharAt(text, s + 1)) continue;
    // The word starts where the run of word characters before the separator does.
    let start = s;
    for (let n = wordCharBefore(text, start); n > 0 && start - n >= from; n = wordCharBefore(text, start)) start -= n;
    // Then as many "separator, word" pairs as follow.
    let end = s;
    while (end < text.length && isSeparator(text.charCodeAt(end)) && wordCharAt(text, end + 1)) end = runEnd(text, end + 1);
    out.push({ word: text.slice(start, end), index: start });
    from = end;
    s = end - 1;
  }
  return out;
}

/**
 * `text` with each of its joined words (`joinedWords(text)`, passed in when already at hand)
 * replaced by what `replace` makes of it, as `text.replace(JOINED, …)` does.
 */
export function replaceJoinedWords(text: string, words: readonly JoinedWord[], replace: (word: string, index: number) => string): string {
  if (!words.length) return text;
  let out = '';
  let last = 0;
  for (const w of words) {
    out += text.slice(last, w.index) + replace(w.word, w.index);
    last = w.index + w.word.length;
  }
  return out + text.slice(last);
}
