/** Longest name offered before ".pdf", in UTF-8 bytes (file systems take 255; a Vietnamese letter is 2-3). */
const MAX_NAME_BYTES = 200;
/** Longest ASCII fallback. */
const MAX_FALLBACK = 100;

/**
 * The Content-Disposition of a saved article: the Vietnamese title as the file name (RFC 6266,
 * `filename*` in UTF-8, RFC 8187), and the ASCII slug for clients that only read `filename`.
 */
export function attachmentDisposition(title: string, slug: string): string {
  const fallback = (slug.replace(/[^a-z0-9-]/gi, '') || 'bai-viet').slice(0, MAX_FALLBACK);
  return `attachment; filename="${fallback}.pdf"; filename*=UTF-8''${encodeRfc8187(fileNameOf(title) || fallback)}.pdf`;
}

/** The title without the characters file systems refuse ("22-NQ/TW" becomes "22-NQ-TW"), cut at a word boundary. */
export function fileNameOf(title: string): string {
  const clean = title
    .normalize('NFC')
    .replace(/[/\\]/g, '-')
    .replace(/[\u0000-\u001f\u007f:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+|\.+$/g, '');
  if (Buffer.byteLength(clean) <= MAX_NAME_BYTES) return clean;
  let cut = '';
  for (const ch of clean) {
    if (Buffer.byteLength(cut + ch) > MAX_NAME_BYTES) break;
    cut += ch;
  }
  const space = cut.lastIndexOf(' ');
  return (space > cut.length / 2 ? cut.slice(0, space) : cut).trim();
}

/** Percent-encodes all but RFC 8187's attr-char (encodeURIComponent leaves ' ( ) * as they are). */
function encodeRfc8187(s: string): string {
  return encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
