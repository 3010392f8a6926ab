import { detectLegacyEncoding, legacyReplacements, type LegacyEncoding } from './legacy-text.js';

/**
 * fixLegacyText for HTML: only text between tags and the values of alt, title and aria-label are
 * converted; tags, other attributes (URLs), comments, scripts and styles stay byte for byte.
 * Old editors wrote Latin-1 characters as entities ("H&micro; N&eacute;i"), so an entity that
 * stands for a Latin-1 character takes part in the conversion; a converted letter is written as
 * the letter itself, an entity that is not converted is kept as written.
 */

const MARKUP = /<!--[\s\S]*?-->|<(script|style)\b[\s\S]*?<\/\1\s*>|<[a-zA-Z/!?][^>]*>/gi;
const TEXT_ATTRIBUTE = /(\s(?:alt|title|aria-label)\s*=\s*)("[^"]*"|'[^']*')/gi;
const ENTITY = /&(#[0-9]+|#x[0-9a-f]+|[a-z][a-z0-9]*);/iy;

/** HTML 4's names of U+00A1…U+00FF, in order. */
const LATIN1_NAMES = (
  'iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute ' +
  'micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring ' +
  'AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml ' +
  'times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil ' +
  'egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ' +
  'ugrave uacute ucirc uuml yacute thorn yuml'
).split(' ');
const NAMED = new Map(LATIN1_NAMES.map((n, i) => [n, String.fromCharCode(0xa1 + i)]));

/** A piece of HTML text as characters, each remembering how it was written. */
interface Units {
  chars: string[];
  raw: string[];
}

function units(html: string): Units {
  const u: Units = { chars: [], raw: [] };
  for (let i = 0; i < html.length; ) {
    if (html[i] === '&') {
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(html);
      const ch = m ? latin1Entity(m[1]!) : null;
      if (m && ch) {
        u.chars.push(ch);
        u.raw.push(m[0]);
        i += m[0].length;
        continue;
      }
    }
    u.chars.push(html[i]!);
    u.raw.push(html[i]!);
    i++;
  }
  return u;
}

function latin1Entity(body: string): string | null {
  if (body[0] !== '#') return NAMED.get(body) ?? null;
  const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
  return code >= 0xa1 && code <= 0xff ? String.fromCharCode(code) : null;
}

function convertUnits(u: Units, encoding: LegacyEncoding): string {
  const text = u.chars.join('');
  const replacements = legacyReplacements(text, encoding);
  let out = '';
  let at = 0;
  for (const r of replacements) {
    out += u.raw.slice(at, r.start).join('') + r.out;
    at = r.end;
  }
  return out + u.raw.slice(at).join('');
}

type Piece = { kind: 'text'; value: string } | { kind: 'tag'; value: string };

function pieces(html: string): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const m of html.matchAll(MARKUP)) {
    if (m.index > at) out.push({ kind: 'text', value: html.slice(at, m.index) });
    out.push({ kind: 'tag', value: m[0] });
    at = m.index + m[0].length;
  }
  if (at < html.length) out.push({ kind: 'text', value: html.slice(at) });
  return out;
}

function attributeValues(tag: string): string[] {
  if (tag.startsWith('<!--') || /^<(script|style)\b/i.test(tag)) return [];
  return [...tag.matchAll(TEXT_ATTRIBUTE)].map((m) => m[2]!.slice(1, -1));
}

export function fixLegacyHtml(html: string): string {
  const parts = pieces(html);
  const readable = parts
    .flatMap((p) => (p.kind === 'text' ? [p.value] : attributeValues(p.value)))
    .map((s) => units(s).chars.join(''))
    .join('\n');
  const encoding = detectLegacyEncoding(readable);
  if (!encoding) return html.normalize('NFC');
  return parts
    .map((p) => {
      if (p.kind === 'text') return convertUnits(units(p.value), encoding);
      if (!attributeValues(p.value).length) return p.value;
      return p.value.replace(TEXT_ATTRIBUTE, (_all, lead: string, quoted: string) => {
        const q = quoted[0]!;
        return `${lead}${q}${convertUnits(units(quoted.slice(1, -1)), encoding)}${q}`;
      });
    })
    .join('')
    .normalize('NFC');
}
