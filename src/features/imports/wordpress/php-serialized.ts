/**
 * Reads a value written by PHP's serialize(), as WordPress stores attachment metadata
 * (`_wp_attachment_metadata`: the file, its resized copies). Only data types (no objects); string
 * lengths are in UTF-8 bytes, so the text is read as bytes. Returns undefined for anything it
 * cannot read whole: a damaged meta value only loses the resized copies' old addresses.
 */
export type PhpValue = string | number | boolean | null | PhpArray;
export interface PhpArray {
  [key: string]: PhpValue;
}

export function readPhpSerialized(text: string): PhpValue | undefined {
  const bytes = Buffer.from(text, 'utf8');
  let at = 0;

  const until = (stop: number): string => {
    const end = bytes.indexOf(stop, at);
    if (end === -1) throw new Error('unterminated');
    const s = bytes.toString('latin1', at, end);
    at = end + 1;
    return s;
  };
  const expect = (ch: string) => {
    if (bytes[at] !== ch.charCodeAt(0)) throw new Error(`expected ${ch}`);
    at++;
  };

  const value = (): PhpValue => {
    const type = String.fromCharCode(bytes[at] ?? 0);
    at++;
    if (type === 'N') {
      expect(';');
      return null;
    }
    expect(':');
    switch (type) {
      case 'b':
        return until(0x3b) === '1';
      case 'i':
      case 'd': {
        const n = Number(until(0x3b));
        if (Number.isNaN(n)) throw new Error('number');
        return n;
      }
      case 's': {
        const length = Number(until(0x3a));
        expect('"');
        if (!Number.isInteger(length) || at + length > bytes.length) throw new Error('string length');
        const s = bytes.toString('utf8', at, at + length);
        at += length;
        expect('"');
        expect(';');
        return s;
      }
      case 'a': {
        const count = Number(until(0x3a));
        expect('{');
        const out: PhpArray = {};
        for (let i = 0; i < count; i++) {
          const key = value();
          if (typeof key !== 'string' && typeof key !== 'number') throw new Error('key');
          out[String(key)] = value();
        }
        expect('}');
        return out;
      }
      default:
        throw new Error(`type ${type}`);
    }
  };

  try {
    const v = value();
    return at === bytes.length ? v : undefined;
  } catch {
    return undefined;
  }
}
