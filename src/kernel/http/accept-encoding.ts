import type { Encoding } from './cache-entry.js';

/**
 * Content negotiation for the cache's two codings, as RFC 9110 §12.5.3 defines Accept-Encoding:
 * a list of codings, each with an optional weight (`q`, 0 to 1, three decimals at most); `*`
 * stands for every coding the list does not name; a coding of weight 0, or one neither named
 * nor covered by `*`, is not acceptable. `x-gzip` is gzip (§8.4.1.3). Of the acceptable ones
 * the heavier wins, brotli on a tie (it is the smaller). A coding named twice takes its lowest
 * weight, so that `gzip, gzip;q=0` is a refusal. An element that breaks the grammar (a weight
 * of 2, of "abc") is left out, as if it were not there.
 */

/** RFC 9110 §12.4.2: qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ). */
const QVALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

/** The weight of each coding the header names (lowercased; x-gzip read as gzip); malformed elements are left out. */
function weights(accept: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const element of accept.split(',')) {
    const [name, ...params] = element.split(';');
    const coding = name!.trim().toLowerCase();
    if (!coding) continue;
    let q = 1;
    let malformed = false;
    for (const param of params) {
      const eq = param.indexOf('=');
      if (eq < 0 || param.slice(0, eq).trim().toLowerCase() !== 'q') continue;
      const value = param.slice(eq + 1).trim();
      if (QVALUE.test(value)) q = Number(value);
      else malformed = true;
    }
    if (malformed) continue;
    const key = coding === 'x-gzip' ? 'gzip' : coding;
    found.set(key, Math.min(q, found.get(key) ?? 1));
  }
  return found;
}

/** The weight the header gives one coding: its own, else that of `*`, else 0. */
function weightOf(found: Map<string, number>, coding: Encoding): number {
  return found.get(coding) ?? found.get('*') ?? 0;
}

/** The coding to send for an Accept-Encoding header: brotli, gzip, or none (the body as it is). */
export function negotiate(accept: string | undefined): Encoding | null {
  if (!accept) return null;
  const found = weights(accept);
  const br = weightOf(found, 'br');
  const gzip = weightOf(found, 'gzip');
  if (br > 0 && br >= gzip) return 'br';
  return gzip > 0 ? 'gzip' : null;
}

/** The last Accept-Encoding seen and its answer: clients send a handful of spellings, over and over. */
let lastAccept: string | undefined;
let lastEncoding: Encoding | null = null;

/** `negotiate`, remembering the last header: a cache hit asks this on every request. */
export function pickEncoding(accept: string | undefined): Encoding | null {
  if (accept === lastAccept) return lastEncoding;
  lastEncoding = negotiate(accept);
  lastAccept = accept;
  return lastEncoding;
}
