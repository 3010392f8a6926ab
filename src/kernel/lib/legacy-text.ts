import { TCVN3, TCVN3_CAPITALS, VNI_PAIRS, VNI_SINGLES } from './legacy-encoding-tables.js';
import { isVietnameseSyllable } from './vietnamese-syllable.js';

/**
 * Old Vietnamese encodings: text typed in TCVN3 (ABC, .VnTime) or VNI-Windows (VNI-Times) that
 * reached a database or an export read as Latin-1/Windows-1252 ("Hµ Néi", "Haø Noäi"), turned
 * back into Unicode NFC. Detection converts each word with Latin-1 letters in it under both
 * hypotheses and believes one only when it turns non-words into Vietnamese syllables and hardly
 * any word into a non-word: correct Vietnamese, English or French text is left alone.
 */
export type LegacyEncoding = 'tcvn3' | 'vni';

/** A stretch of the input [start, end) and what it becomes. */
export interface Replacement {
  start: number;
  end: number;
  out: string;
}

/** Letters only Unicode Vietnamese text has (ă đ ĩ ũ ơ ư, Ạ–ỹ, combining tones): never mojibake. */
const UNICODE_VIETNAMESE = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9\u0300\u0301\u0303\u0309\u0323]/;
const LATIN1_HIGH = /[\u00a1-\u00ff]/;
/** A word: letters, marks and the Latin-1 symbols TCVN3 uses as letters (µ ¸ § ® …). */
const WORD = /[\p{L}\p{M}\u00a1-\u00bf\u00d7\u00f7]+/gu;
const TCVN3_SYMBOL = /[\u00a1-\u00bf]/;
const MID_WORD_CAPITAL = /[a-z][\u00c0-\u00de]/;

/** The replacements that decode `text` from the given encoding (empty when nothing maps). */
export function legacyReplacements(text: string, encoding: LegacyEncoding): Replacement[] {
  return encoding === 'tcvn3' ? tcvn3Replacements(text) : vniReplacements(text);
}

function tcvn3Replacements(text: string): Replacement[] {
  const out: Replacement[] = [];
  for (let i = 0; i < text.length; i++) {
    const letter = TCVN3.get(text[i]!);
    if (letter) out.push({ start: i, end: i + 1, out: letter });
  }
  if (!out.length) return out;
  // Capitals typed in a caps font (.VnTimeH) share the lowercase bytes; where the surrounding
  // ASCII is in capitals the intent is clear ("NéI" → "NỘI"). "Hµ" stays "Hà": one capital
  // letter proves nothing, and text typed all in lowercase for a caps font cannot be recovered.
  const capsLines = new Set<number>();
  let lineStart = 0;
  for (const line of text.split('\n')) {
    if (!/[a-z]/.test(line) && (line.match(/[A-Z]/g)?.length ?? 0) >= 3) capsLines.add(lineStart);
    lineStart += line.length + 1;
  }
  for (const r of out) {
    const ls = text.lastIndexOf('\n', r.start - 1) + 1;
    if (capsLines.has(ls) || wordIsCapitals(text, r.start)) r.out = r.out.toUpperCase();
  }
  return out;
}

function wordIsCapitals(text: string, at: number): boolean {
  let s = at;
  let e = at;
  const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\u00a1-\u00bf\u00d7\u00f7]/u.test(c);
  while (isWordChar(text[s - 1])) s--;
  while (isWordChar(text[e + 1])) e++;
  const word = text.slice(s, e + 1);
  if (/[a-z]/.test(word)) return false;
  return [...word].filter((c) => /[A-Z]/.test(c) || TCVN3_CAPITALS.has(c)).length >= 2;
}

function vniReplacements(text: string): Replacement[] {
  const out: Replacement[] = [];
  for (let i = 0; i < text.length; ) {
    const pair = VNI_PAIRS.get(text.slice(i, i + 2));
    if (pair) {
      out.push({ start: i, end: i + 2, out: pair });
      i += 2;
      continue;
    }
    const single = VNI_SINGLES.get(text[i]!);
    if (single) out.push({ start: i, end: i + 1, out: single });
    i++;
  }
  return out;
}

export function applyReplacements(text: string, replacements: readonly Replacement[]): string {
  let out = '';
  let at = 0;
  for (const r of replacements) {
    out += text.slice(at, r.start) + r.out;
    at = r.end;
  }
  return out + text.slice(at);
}

interface Evidence {
  /** Words that were not Vietnamese and become Vietnamese syllables. */
  good: number;
  /** Words with Latin-1 letters that do not become Vietnamese syllables. */
  bad: number;
  /** Good words whose original no Western text would contain (§¶ng, ViÖt, Haø, Noäi). */
  strong: number;
  /** Strong words of three characters or more. */
  strongLong: number;
}

/**
 * VNI marks that Western languages never put after a vowel (unlike ù é ú ü ë ï û: où, aéroport,
 * aún, naïf, août), any tone after VNI's ơ/ư (ôù, öø), and đ starting a word.
 */
const VNI_STRONG_MARK = /[aeiouyAEIOUY\u00f4\u00f6\u00d4\u00d6][\u00f8\u00f5\u00e2\u00e4\u00e5\u00e3\u00e0\u00e1\u00ea\u00e8\u00d8\u00d5\u00c2\u00c4\u00c5\u00c3\u00c0\u00c1\u00ca\u00c8]|[\u00f4\u00f6\u00d4\u00d6][\u00f8\u00fb\u00f5\u00f9\u00ef\u00d8\u00db\u00d5\u00d9\u00cf]|^[\u00f1\u00d1]/;

/** "HĐND", "QĐ": abbreviations in capitals are words too, though not syllables. */
const ABBREVIATION = /^[A-ZĐ]{2,5}$/;

/** `abbreviations`: count an abbreviation made by the conversion ("Q§" → "QĐ") as a good word; otherwise it proves nothing. */
function weigh(text: string, encoding: LegacyEncoding, abbreviations = false): Evidence {
  const e: Evidence = { good: 0, bad: 0, strong: 0, strongLong: 0 };
  for (const [word] of text.matchAll(WORD)) {
    // A lone character (« » · ç ö) is punctuation or a letter cited alone, in any language: no evidence.
    if (word.length < 2 || !LATIN1_HIGH.test(word) || !/[a-zA-Z\u00c0-\u00ff]/.test(word)) continue;
    const converted = applyReplacements(word, legacyReplacements(word, encoding));
    if (ABBREVIATION.test(converted)) e.good += abbreviations ? 1 : 0;
    else if (!isVietnameseSyllable(converted)) e.bad++;
    else if (!isVietnameseSyllable(word)) {
      e.good++;
      const strong = encoding === 'tcvn3' ? TCVN3_SYMBOL.test(word) || MID_WORD_CAPITAL.test(word) : VNI_STRONG_MARK.test(word);
      if (strong) e.strong++;
      if (strong && word.length >= 3) e.strongLong++;
    }
  }
  return e;
}

function convincing(e: Evidence): boolean {
  if (e.bad * 4 > e.good || e.strong === 0) return false;
  // Short strings: two converted words, or one of three characters or more ("§¶ng", "töùc").
  return e.good >= 2 || (e.good === 1 && e.bad === 0 && e.strongLong === 1);
}

/** Which old encoding the text is mojibake of, or null (already Unicode, or not Vietnamese). */
export function detectLegacyEncoding(text: string): LegacyEncoding | null {
  if (!LATIN1_HIGH.test(text) || UNICODE_VIETNAMESE.test(text)) return null;
  const tcvn3 = weigh(text, 'tcvn3');
  const vni = weigh(text, 'vni');
  const score = (e: Evidence) => e.good - 2 * e.bad;
  const ranked = ([['tcvn3', tcvn3], ['vni', vni]] as const).filter(([, e]) => convincing(e)).sort((a, b) => score(b[1]) - score(a[1]));
  return ranked[0]?.[0] ?? null;
}

/** The text in Unicode NFC, converted out of TCVN3 or VNI when it is mojibake of one of them. */
export function fixLegacyText(text: string): string {
  const encoding = detectLegacyEncoding(text);
  const fixed = encoding ? applyReplacements(text, legacyReplacements(text, encoding)) : text;
  return fixed.normalize('NFC');
}

/**
 * fixLegacyText for one field of a record whose other fields were found to be in `encoding`: a
 * short title ("Thèng kª") that proves nothing on its own is converted too, when every word of it
 * with a Latin-1 letter becomes a Vietnamese syllable and at least one was not one before.
 */
export function fixLegacyTextAs(text: string, encoding: LegacyEncoding | null): string {
  const own = detectLegacyEncoding(text);
  if (own || !encoding || !LATIN1_HIGH.test(text) || UNICODE_VIETNAMESE.test(text)) return fixLegacyText(text);
  const e = weigh(text, encoding, true);
  if (e.good === 0 || e.bad > 0) return text.normalize('NFC');
  return applyReplacements(text, legacyReplacements(text, encoding)).normalize('NFC');
}
