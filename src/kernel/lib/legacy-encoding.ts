/**
 * Old Vietnamese encodings (TCVN3/ABC and VNI-Windows) → Unicode NFC, for every importer and for
 * `cong fix-encoding`: plain text, HTML (text and alt/title only) and raw bytes of old files.
 */
export { detectLegacyEncoding, fixLegacyText, fixLegacyTextAs, type LegacyEncoding } from './legacy-text.js';
export { fixLegacyHtml } from './legacy-html.js';
export { decodeLegacyBytes, type DecodedBytes } from './legacy-bytes.js';
