/** Vietnamese text helpers shared by slugs, search and input handling. */

/** Every piece of text entering the system is stored in NFC. */
export function nfc(s: string): string {
  return s.normalize('NFC');
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
