import assert from 'node:assert/strict';

/** A strict little RFC 5545 reader for the tests: checks CRLF and 75-octet lines, unfolds, splits properties. */
export interface IcsProp { name: string; params: Record<string, string>; value: string }

export function parseIcs(text: string): { lines: IcsProp[]; events: Map<string, IcsProp>[] } {
  assert.ok(text.endsWith('\r\n'), 'ends with CRLF');
  assert.doesNotMatch(text.replace(/\r\n/g, ''), /[\r\n]/, 'no bare CR or LF');
  const physical = text.slice(0, -2).split('\r\n');
  for (const l of physical) assert.ok(Buffer.byteLength(l, 'utf8') <= 75, `line over 75 octets: ${l}`);
  const logical: string[] = [];
  for (const l of physical) {
    if (l.startsWith(' ') || l.startsWith('\t')) logical[logical.length - 1] += l.slice(1);
    else logical.push(l);
  }
  const lines = logical.map((l) => {
    const colon = l.indexOf(':');
    assert.ok(colon > 0, `property line: ${l}`);
    const [name, ...params] = l.slice(0, colon).split(';');
    return { name: name!, params: Object.fromEntries(params.map((p) => p.split('=') as [string, string])), value: l.slice(colon + 1) };
  });
  const events: Map<string, IcsProp>[] = [];
  let current: Map<string, IcsProp> | null = null;
  for (const p of lines) {
    if (p.name === 'BEGIN' && p.value === 'VEVENT') current = new Map();
    else if (p.name === 'END' && p.value === 'VEVENT') {
      events.push(current!);
      current = null;
    } else if (current) current.set(p.name, p);
  }
  return { lines, events };
}

/** TEXT unescaping (RFC 5545 3.3.11); a bare comma or semicolon, or an unknown escape, is an error. */
export function unescapeText(v: string): string {
  let out = '';
  for (let i = 0; i < v.length; i++) {
    const c = v[i]!;
    if (c === '\\') {
      const n = v[++i];
      if (n === 'n' || n === 'N') out += '\n';
      else if (n === '\\' || n === ';' || n === ',') out += n;
      else throw new Error(`bad escape \\${n} in ${v}`);
    } else if (c === ',' || c === ';') throw new Error(`unescaped ${c} in ${v}`);
    else out += c;
  }
  return out;
}
