import { searchFold } from '../../kernel/lib/text.js';
import { codeOf, JOINED } from '../../kernel/search/text.js';

/**
 * Document numbers (số / ký hiệu): "22-NQ/TW", "123/QĐ-UBND", "05/2023/TT-BTTTT". The same
 * folding as search (src/kernel/search/text.ts): the parts fold to words ("22 nq tw"), the joined fold
 * ("22nqtw") is the number's identity, so case, diacritics and the dash/slash typed do not matter.
 */
export const NUMBER_MAX = 50;
const WHOLE = new RegExp(`^${JOINED.source}$`, 'u');

/** The number as stored: NFC, no spaces, letters upper-cased; null when it is not number-shaped. */
export function normaliseNumber(raw: string): string | null {
  const s = raw.normalize('NFC').replace(/\s+/gu, '').replace(/–/g, '-').toUpperCase();
  if (!s || !WHOLE.test(s) || !/\p{N}/u.test(s)) return null;
  return s;
}

/** "22-NQ/TW" → "22 nq tw". */
export const numberFold = (n: string): string => searchFold(n);

/** "22-NQ/TW" → "22nqtw". */
export const numberCode = (n: string): string => codeOf(n);
