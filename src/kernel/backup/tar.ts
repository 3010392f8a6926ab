/**
 * The few parts of POSIX ustar our archives need: regular files only, names up to 255 bytes,
 * sizes below 8 GiB. Written by hand rather than with a package so that nothing is added to the
 * shared install; any `tar` (GNU, BSD, busybox) reads the result.
 */
const BLOCK = 512;
const MAX_SIZE = 8 ** 11 - 1;

export const END_OF_ARCHIVE = Buffer.alloc(BLOCK * 2);

/** The 512-byte header of a regular file. */
export function fileHeader(name: string, size: number, mtime: Date): Buffer {
  if (size > MAX_SIZE) throw new Error(`tar: ${name} is larger than 8 GiB`);
  const [prefix, base] = splitName(name);
  const h = Buffer.alloc(BLOCK);
  h.write(base, 0, 100, 'utf8');
  h.write(octal(0o644, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 'ascii');
  h.write('0', 156, 'ascii');
  h.write('ustar\u000000', 257, 'ascii');
  h.write(prefix, 345, 155, 'utf8');
  h.write(`${octal(checksum(h), 7).slice(0, 6)}\u0000 `, 148, 'ascii');
  return h;
}

/** Zero bytes that bring a file's data to a whole number of blocks. */
export function padding(size: number): Buffer {
  return Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);
}

function splitName(name: string): [string, string] {
  if (Buffer.byteLength(name) <= 100) return ['', name];
  for (let i = name.indexOf('/'); i >= 0; i = name.indexOf('/', i + 1)) {
    const prefix = name.slice(0, i);
    const base = name.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(base) <= 100) return [prefix, base];
  }
  throw new Error(`tar: name too long: ${name}`);
}

function octal(n: number, width: number): string {
  return `${n.toString(8).padStart(width - 1, '0')}\u0000`;
}

function checksum(h: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i]!;
  return sum;
}

export interface TarSink {
  start(name: string, size: number): void;
  data(chunk: Buffer): void;
  end(): void;
}

/** A streaming reader: push() the (decompressed) bytes as they come, finish() at the end. */
export class TarReader {
  private pending: Buffer = Buffer.alloc(0);
  private remaining = 0;
  private skip = 0;
  private inFile = false;
  private ended = false;

  constructor(private readonly sink: TarSink) {}

  push(chunk: Buffer): void {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    for (;;) {
      if (this.inFile) {
        const n = Math.min(this.remaining, this.pending.length);
        if (n > 0) this.sink.data(this.pending.subarray(0, n));
        this.pending = this.pending.subarray(n);
        this.remaining -= n;
        if (this.remaining > 0) return;
        this.inFile = false;
        this.sink.end();
      }
      if (this.skip > 0) {
        const n = Math.min(this.skip, this.pending.length);
        this.pending = this.pending.subarray(n);
        this.skip -= n;
        if (this.skip > 0) return;
      }
      if (this.ended || this.pending.length < BLOCK) return;
      const h = this.pending.subarray(0, BLOCK);
      this.pending = this.pending.subarray(BLOCK);
      if (h.every((b) => b === 0)) {
        this.ended = true;
        return;
      }
      this.readHeader(h);
    }
  }

  /** Throws when the archive stopped in the middle (a truncated or cut file). */
  finish(): void {
    if (!this.ended) throw new Error('tar: unexpected end of archive');
  }

  private readHeader(h: Buffer): void {
    if (Number.parseInt(field(h, 148, 8), 8) !== checksum(h)) throw new Error('tar: bad header checksum');
    const type = String.fromCharCode(h[156]!);
    const size = Number.parseInt(field(h, 124, 12), 8);
    if (!Number.isSafeInteger(size) || size < 0) throw new Error('tar: bad size');
    // Folders (an archive repacked with another tar) are made as their files are written.
    if (type === '5' && size === 0) return;
    if (type !== '0' && type !== '\u0000') throw new Error(`tar: unsupported entry type ${JSON.stringify(type)}`);
    const prefix = field(h, 345, 155);
    const base = field(h, 0, 100);
    this.sink.start(prefix ? `${prefix}/${base}` : base, size);
    this.inFile = true;
    this.remaining = size;
    this.skip = padding(size).length;
  }
}

function field(h: Buffer, at: number, len: number): string {
  const raw = h.subarray(at, at + len);
  const nul = raw.indexOf(0);
  return raw.subarray(0, nul < 0 ? len : nul).toString('utf8').trim();
}
