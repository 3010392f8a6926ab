import { createHash, randomInt } from 'node:crypto';

/**
 * The tracking code a citizen gets after sending a question: 8 characters from an alphabet
 * without look-alikes (no 0/O, 1/I/L, U/V), about 39 bits, shown as "HD-7KQ2-9MXD". Only a hash
 * of the site and the code is stored; typed back, the code is case-insensitive and may come
 * with or without the "HD-" prefix, dashes or spaces.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';
export const CODE_LENGTH = 8;

export function newTrackingCode(): string {
  let s = '';
  for (let i = 0; i < CODE_LENGTH; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

/** "7KQ29MXD" → "HD-7KQ2-9MXD" */
export function formatTrackingCode(code: string): string {
  return `HD-${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What a person typed → the bare 8-character code, or null when it cannot be one. */
export function parseTrackingCode(raw: string): string | null {
  let s = raw.slice(0, 40).toUpperCase().replace(/[\s\-–._]/g, '');
  if (s.length === CODE_LENGTH + 2 && s.startsWith('HD')) s = s.slice(2);
  if (s.length !== CODE_LENGTH) return null;
  for (const ch of s) if (!CODE_ALPHABET.includes(ch)) return null;
  return s;
}

export function trackingHash(siteId: number, code: string): string {
  return createHash('sha256').update(`hoi-dap:${siteId}:${code}`).digest('base64url');
}
