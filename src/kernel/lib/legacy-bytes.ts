import { applyReplacements, detectLegacyEncoding, legacyReplacements } from './legacy-text.js';

/** A raw old file's text in Unicode NFC, and the encoding it was found to be in. */
export interface DecodedBytes {
  text: string;
  encoding: 'utf8' | 'tcvn3' | 'vni' | 'windows-1258';
}

const BOM = [0xef, 0xbb, 0xbf];

/**
 * Decodes an old file: UTF-8 when the bytes are valid UTF-8 (then still checked for TCVN3/VNI
 * mojibake that was saved as UTF-8), else TCVN3 or VNI when its bytes read as Windows-1252 convert
 * into Vietnamese, else Windows-1258 (Microsoft's Vietnamese code page, which needs no guessing).
 */
export function decodeLegacyBytes(buf: Buffer): DecodedBytes {
  const body = BOM.every((b, i) => buf[i] === b) ? buf.subarray(3) : buf;
  let text: string | null = null;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    text = null;
  }
  if (text !== null) {
    const encoding = detectLegacyEncoding(text);
    if (!encoding) return { text: text.normalize('NFC'), encoding: 'utf8' };
    return { text: applyReplacements(text, legacyReplacements(text, encoding)).normalize('NFC'), encoding };
  }
  // Windows-1252 keeps bytes 0xA0–0xFF as U+00A0–U+00FF (what the tables are written in) and gives
  // 0x80–0x9F their Windows punctuation (“ ” – …), as Word wrote them in .VnTime and VNI documents.
  const western = new TextDecoder('windows-1252').decode(body);
  const encoding = detectLegacyEncoding(western);
  if (encoding) return { text: applyReplacements(western, legacyReplacements(western, encoding)).normalize('NFC'), encoding };
  return { text: new TextDecoder('windows-1258').decode(body).normalize('NFC'), encoding: 'windows-1258' };
}
