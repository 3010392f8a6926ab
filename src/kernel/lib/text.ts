/** Vietnamese text helpers shared by slugs, search and input handling. */

/** Every piece of text entering the system is stored in NFC. */
export function nfc(s: string): string {
  return s.normalize('NFC');
}

// Control characters (other than tab and line feed), the zero-width space, and the bidirectional
// overrides and isolates, which make text display in another order than it is stored.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f\u200b\u202a-\u202e\u2066-\u2069]/g;

/** One line as typed: NFC, invisible characters and line breaks → space, runs of spaces → one, trimmed. */
export function cleanLine(s: string): string {
  return nfc(s).replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Paragraphs as typed (a comment, an answer, duties): NFC, line ends unified, invisible characters
 * dropped, spaces within a line collapsed, at most one blank line in a row, trimmed.
 */
export function cleanParagraphs(s: string): string {
  return nfc(s)
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, '')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The one fold used for search and slugs: decompose, drop combining marks, đ→d,
 * lowercase, punctuation → space. "Đảng uỷ" and "Đảng ủy" both become "dang uy".
 */
export function searchFold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Lowercase ASCII slug, words joined by "-", cut at a word boundary so that it is at most
 * `max` characters long (the original portal cut words in half and dropped "Đ").
 */
export function slugify(s: string, max = 80): string {
  const words = searchFold(s)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .split(' ')
    .filter(Boolean);
  let out = '';
  for (const w of words) {
    const next = out ? `${out}-${w}` : w;
    if (next.length > max) break;
    out = next;
  }
  // A single first word longer than max: keep its head rather than return nothing.
  if (!out && words.length) out = words[0]!.slice(0, max);
  return out;
}
