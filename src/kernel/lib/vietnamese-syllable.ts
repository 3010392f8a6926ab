/**
 * Whether a word is one well-formed Vietnamese syllable: an optional initial consonant, a vowel
 * nucleus, an optional final consonant, at most one tone, with the spelling rules (c/k, g/gh,
 * ng/ngh, qu) and the rule that -c, -ch, -p, -t syllables carry sắc or nặng. Used to tell
 * mojibake ("céng", "coäng") from real words: a conversion is believed only when it turns
 * non-words into words. Permissive where unsure: it is a filter, not a dictionary.
 */

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const SHARP_OR_HEAVY = /[\u0301\u0323]/;

const INITIALS = ['ngh', 'ng', 'nh', 'ch', 'gh', 'gi', 'kh', 'ph', 'th', 'tr', 'qu', 'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x', ''];

/** Vowel nuclei, glides included; those ending in a glide take no final consonant. */
const NUCLEI = new Set(
  (
    'a ă â e ê i o ô ơ u ư y ' +
    'ai ao au ay âu ây eo êu ia iê iu oa oă oe oi oo ôi ơi ua uâ uê ui uô uơ uy ưa ưi ươ ưu yê ' +
    'oai oao oay oeo uây uôi uya uyê uyu ươi ươu iêu yêu'
  ).split(' '),
);
const OPEN_ONLY = new Set(['ia', 'ua', 'ưa', 'uya']);
const FINALS = ['ch', 'nh', 'ng', 'c', 'm', 'n', 'p', 't', ''];
const FRONT = /^[eêiy]/;

function spellingAllows(initial: string, nucleus: string): boolean {
  if (initial === 'c' && FRONT.test(nucleus)) return false;
  if (initial === 'k' && !FRONT.test(nucleus)) return false;
  if ((initial === 'gh' || initial === 'ngh') && !/^[eêi]/.test(nucleus)) return false;
  if ((initial === 'g' || initial === 'ng') && /^[eê]/.test(nucleus)) return false;
  if (initial === 'qu' && /^u/.test(nucleus)) return false;
  return true;
}

export function isVietnameseSyllable(word: string): boolean {
  const decomposed = word.toLowerCase().normalize('NFD');
  const tones = decomposed.match(TONE_MARKS) ?? [];
  if (tones.length > 1) return false;
  const bare = decomposed.replace(TONE_MARKS, '').normalize('NFC');
  for (const initial of INITIALS) {
    if (!bare.startsWith(initial)) continue;
    for (const final of FINALS) {
      if (!bare.endsWith(final) || bare.length < initial.length + final.length + 1) continue;
      const nucleus = bare.slice(initial.length, bare.length - final.length);
      if (!NUCLEI.has(nucleus) || !spellingAllows(initial, nucleus)) continue;
      if (final && (OPEN_ONLY.has(nucleus) || (nucleus.length > 1 && /[iyou]$/.test(nucleus)))) continue;
      if (/^(c|ch|p|t)$/.test(final) && tones.length === 1 && !SHARP_OR_HEAVY.test(tones[0]!)) continue;
      return true;
    }
  }
  return false;
}
