/**
 * Vietnamese alphabetical order, as `Intl.Collator('vi').compare` gives it
 * (test/lib/vi-collate.test.ts compares the two), without ICU: the first comparison a process
 * makes with ICU's collator loads ~3 MB of its data, and public pages sort lists (the document
 * filters' issuers and fields).
 *
 * Three levels, each over the whole text before the next, as in the Unicode collation algorithm:
 * letters in the Vietnamese alphabet (a ă â b c d đ e ê … o ô ơ … u ư …), then tone marks
 * (none, huyền, hỏi, ngã, sắc, nặng), then lower case before upper case. Spaces and punctuation
 * come before digits, digits before letters, in ICU's root order.
 */
const ALPHABET = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
/** ICU root order of ASCII spaces and punctuation (all below digits). */
const PUNCTUATION = ' \t\n\r_-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$';
const TONES = ['\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
/** Marks that make another letter of the alphabet: breve, circumflex, horn. */
const LETTER_MARKS: Record<string, Record<string, string>> = {
  '\u0306': { a: 'ă' },
  '\u0302': { a: 'â', e: 'ê', o: 'ô' },
  '\u031b': { o: 'ơ', u: 'ư' },
};

const DIGIT_BASE = PUNCTUATION.length + 1;
const LETTER_BASE = DIGIT_BASE + 10;
const OTHER_BASE = LETTER_BASE + ALPHABET.length;

interface Keys {
  primary: number[];
  secondary: number[];
  tertiary: number[];
}

function keysOf(text: string): Keys {
  const chars = [...text.normalize('NFD')];
  const keys: Keys = { primary: [], secondary: [], tertiary: [] };
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const lower = c.toLowerCase();
    let letter = lower;
    let tone = 0;
    // The marks that follow: one may change the letter, one is its tone, others are accents.
    while (i + 1 < chars.length && /\p{M}/u.test(chars[i + 1]!)) {
      const mark = chars[++i]!;
      const changed = LETTER_MARKS[mark]?.[letter];
      if (changed) letter = changed;
      else tone = tone * 32 + (TONES.indexOf(mark) + 1 || 6 + (mark.codePointAt(0)! & 0x1f));
    }
    const p = PUNCTUATION.indexOf(c);
    const d = c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : -1;
    const l = ALPHABET.indexOf(letter);
    keys.primary.push(p >= 0 ? p + 1 : d >= 0 ? DIGIT_BASE + d : l >= 0 ? LETTER_BASE + l : OTHER_BASE + letter.codePointAt(0)!);
    keys.secondary.push(tone);
    keys.tertiary.push(c !== lower ? 1 : 0);
  }
  return keys;
}

function compareArrays(a: number[], b: number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

function compareKeys(ka: Keys, kb: Keys): number {
  return compareArrays(ka.primary, kb.primary) || compareArrays(ka.secondary, kb.secondary) || compareArrays(ka.tertiary, kb.tertiary);
}

export function compareVietnamese(a: string, b: string): number {
  return a === b ? 0 : compareKeys(keysOf(a), keysOf(b));
}

/** A copy of the texts in Vietnamese order, each text's keys made once (not once per comparison). */
export function sortVietnamese(texts: readonly string[]): string[] {
  return texts
    .map((text) => ({ text, keys: keysOf(text) }))
    .sort((a, b) => compareKeys(a.keys, b.keys))
    .map((e) => e.text);
}
