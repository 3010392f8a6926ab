/**
 * Code tables of the two 8-bit Vietnamese encodings that old portals and Word documents still
 * carry, as the characters their bytes become when read as Latin-1/Windows-1252 (which is how
 * such text reached databases and exports as "Unicode").
 *
 * TCVN3 (ABC; fonts .VnTime, .VnArial…) is the VN3 subset of TCVN 5712:1993: one byte per
 * letter, the toned letters only in lowercase (0xB5–0xFE), the bare Ă Â Ê Ô Ơ Ư Đ at 0xA1–0xA7 and
 * ă â ê ô ơ ư đ at 0xA8–0xAE. Capitals with a tone were typed with the lowercase byte in a "caps"
 * font (.VnTimeH), which draws every byte as a capital, so the bytes alone cannot tell "à" from
 * "À" (see `upperCaseRuns` in legacy-encoding.ts for what is recovered). The VN1 extension's
 * capitals at 0x80–0x9F, 0xAF–0xFF and combining marks at 0xB0–0xB4 are not in ABC fonts and are
 * deliberately not mapped: those bytes are far likelier to be ° ± ² ³ or Windows punctuation.
 * Positions checked byte by byte against glibc's TCVN5712-1 converter (test/legacy-encoding).
 *
 * VNI-Windows (fonts VNI-Times…) writes a vowel as its ASCII base letter followed by one byte for
 * the circumflex/breve-with-tone or the tone alone; ơ ư đ, the toned i and ỵ have bytes of their
 * own; capitals have their own mark bytes.
 */

/** Tone marks in TCVN's order: huyền, hỏi, ngã, sắc, nặng. */
const TONES = ['\u0300', '\u0309', '\u0303', '\u0301', '\u0323'] as const;

function toned(base: string, tone: number): string {
  return (base + TONES[tone]!).normalize('NFC');
}

/** TCVN3: per base vowel, the bytes of the bare letter (when not ASCII) and its five toned forms. */
const TCVN3_VOWELS: [base: string, bare: number | null, tones: [number, number, number, number, number]][] = [
  ['a', null, [0xb5, 0xb6, 0xb7, 0xb8, 0xb9]],
  ['ă', 0xa8, [0xbb, 0xbc, 0xbd, 0xbe, 0xc6]],
  ['â', 0xa9, [0xc7, 0xc8, 0xc9, 0xca, 0xcb]],
  ['e', null, [0xcc, 0xce, 0xcf, 0xd0, 0xd1]],
  ['ê', 0xaa, [0xd2, 0xd3, 0xd4, 0xd5, 0xd6]],
  ['i', null, [0xd7, 0xd8, 0xdc, 0xdd, 0xde]],
  ['o', null, [0xdf, 0xe1, 0xe2, 0xe3, 0xe4]],
  ['ô', 0xab, [0xe5, 0xe6, 0xe7, 0xe8, 0xe9]],
  ['ơ', 0xac, [0xea, 0xeb, 0xec, 0xed, 0xee]],
  ['u', null, [0xef, 0xf1, 0xf2, 0xf3, 0xf4]],
  ['ư', 0xad, [0xf5, 0xf6, 0xf7, 0xf8, 0xf9]],
  ['y', null, [0xfa, 0xfb, 0xfc, 0xfd, 0xfe]],
];

/** TCVN3 byte (as the Latin-1 character it shows as) → Unicode letter. */
export const TCVN3: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const [base, bare, tones] of TCVN3_VOWELS) {
    if (bare !== null) m.set(String.fromCharCode(bare), base);
    tones.forEach((b, t) => m.set(String.fromCharCode(b), toned(base, t)));
  }
  m.set('\u00ae', 'đ');
  ['Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ'].forEach((c, i) => m.set(String.fromCharCode(0xa1 + i), c));
  return m;
})();

/** The TCVN3 letters that stand for capitals by themselves (0xA1–0xA7). */
export const TCVN3_CAPITALS = new Set(['\u00a1', '\u00a2', '\u00a3', '\u00a4', '\u00a5', '\u00a6', '\u00a7']);

/** VNI mark bytes (lowercase form; the capital form is the same byte minus 0x20) in TCVN's tone order. */
const VNI_TONE = ['\u00f8', '\u00fb', '\u00f5', '\u00f9', '\u00ef']; // ø û õ ù ï
const VNI_CIRCUMFLEX = { bare: '\u00e2', tones: ['\u00e0', '\u00e5', '\u00e3', '\u00e1', '\u00e4'] }; // â à å ã á ä
const VNI_BREVE = { bare: '\u00ea', tones: ['\u00e8', '\u00fa', '\u00fc', '\u00e9', '\u00eb'] }; // ê è ú ü é ë

const upper = (c: string) => String.fromCharCode(c.charCodeAt(0) - 0x20);

/**
 * VNI two-character sequences (base + mark) → Unicode letter, lowercase and capital. Only a
 * capital base takes the capital marks and a lowercase base the lowercase ones, as VNI fonts
 * are typed; "où" in French text is therefore "ó" only if the whole text is VNI.
 */
export const VNI_PAIRS: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  const add = (seq: string, letter: string) => {
    m.set(seq, letter);
    m.set(seq[0]!.toUpperCase() + upper(seq[1]!), letter.toUpperCase());
  };
  // Bases whose bytes are ASCII (a e o u y) or single VNI bytes (ô = ơ, ö = ư).
  const bases: [seqBase: string, letter: string][] = [
    ['a', 'a'], ['e', 'e'], ['o', 'o'], ['u', 'u'], ['y', 'y'], ['\u00f4', 'ơ'], ['\u00f6', 'ư'],
  ];
  for (const [b, letter] of bases) VNI_TONE.forEach((mark, t) => add(b + mark, toned(letter, t)));
  for (const [b, letter] of [['a', 'â'], ['e', 'ê'], ['o', 'ô']] as const) {
    add(b + VNI_CIRCUMFLEX.bare, letter);
    VNI_CIRCUMFLEX.tones.forEach((mark, t) => add(b + mark, toned(letter, t)));
  }
  add('a' + VNI_BREVE.bare, 'ă');
  VNI_BREVE.tones.forEach((mark, t) => add('a' + mark, toned('ă', t)));
  return m;
})();

/** VNI letters written with one byte: ơ ư đ, the toned i, and ỵ. */
export const VNI_SINGLES: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  const add = (byte: string, letter: string) => {
    m.set(byte, letter);
    m.set(upper(byte), letter.toUpperCase());
  };
  add('\u00f4', 'ơ');
  add('\u00f6', 'ư');
  add('\u00f1', 'đ');
  ['\u00ec', '\u00e6', '\u00f3', '\u00ed', '\u00f2'].forEach((b, t) => add(b, toned('i', t))); // ì æ ó í ò
  add('\u00ee', 'ỵ');
  return m;
})();
