import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, join, normalize, sep } from 'node:path';
import { createGunzip, createGzip } from 'node:zlib';
import { END_OF_ARCHIVE, fileHeader, padding, TarReader } from './tar.js';

export interface FileSum {
  size: number;
  sha256: string;
}

/**
 * A .tar.gz written front to back. Each file's sha256 is computed from the very bytes that go
 * into the archive, so the manifest describes the archive, not a file that may since have changed.
 */
export class ArchiveWriter {
  private readonly gzip = createGzip({ level: 6 });
  private readonly out;
  private readonly whole = createHash('sha256');
  readonly sums = new Map<string, FileSum>();

  constructor(file: string) {
    this.out = createWriteStream(file, { flags: 'wx' });
    this.gzip.on('data', (c: Buffer) => this.whole.update(c));
    this.gzip.pipe(this.out);
  }

  async addBuffer(name: string, data: Buffer, mtime = new Date()): Promise<void> {
    await this.write(fileHeader(name, data.length, mtime));
    await this.write(data);
    await this.write(padding(data.length));
    this.sums.set(name, { size: data.length, sha256: createHash('sha256').update(data).digest('hex') });
  }

  /** A file that does not change while it is read (our own snapshot of the database). */
  async addFile(name: string, path: string, size: number): Promise<void> {
    await this.write(fileHeader(name, size, new Date()));
    const hash = createHash('sha256');
    let read = 0;
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      read += chunk.length;
      await this.write(chunk);
    }
    if (read !== size) throw new Error(`${path} changed size while being archived`);
    await this.write(padding(size));
    this.sums.set(name, { size, sha256: hash.digest('hex') });
  }

  /** Ends the archive; resolves with the sha256 of the compressed file. */
  async finish(): Promise<string> {
    await this.write(END_OF_ARCHIVE);
    this.gzip.end();
    await once(this.out, 'close');
    return this.whole.digest('hex');
  }

  /** Stops writing after a failure (the caller removes the partial file). */
  async abort(): Promise<void> {
    this.gzip.destroy();
    this.out.destroy();
    await once(this.out, 'close').catch(() => undefined);
  }

  private async write(chunk: Buffer): Promise<void> {
    if (chunk.length && !this.gzip.write(chunk)) await once(this.gzip, 'drain');
  }
}

/**
 * Unpacks an archive into `dir` (which must be empty), hashing every file on the way. Names are
 * checked before anything is written: only relative paths made of plain segments.
 */
export async function extractArchive(file: string, dir: string): Promise<Map<string, FileSum>> {
  const sums = new Map<string, FileSum>();
  let current: { name: string; fd: number; hash: ReturnType<typeof createHash>; size: number } | null = null;
  const reader = new TarReader({
    start(name, size) {
      const path = safeJoin(dir, name);
      if (sums.has(name)) throw new Error(`tar: ${name} appears twice`);
      mkdirSync(dirname(path), { recursive: true });
      current = { name, fd: openSync(path, 'wx'), hash: createHash('sha256'), size };
    },
    data(chunk) {
      writeSync(current!.fd, chunk);
      current!.hash.update(chunk);
    },
    end() {
      closeSync(current!.fd);
      sums.set(current!.name, { size: current!.size, sha256: current!.hash.digest('hex') });
      current = null;
    },
  });
  try {
    for await (const chunk of createReadStream(file).pipe(createGunzip()) as AsyncIterable<Buffer>) reader.push(chunk);
    reader.finish();
  } finally {
    if (current) closeSync((current as { fd: number }).fd);
  }
  return sums;
}

function safeJoin(dir: string, name: string): string {
  const clean = normalize(name);
  if (!name || name.startsWith('/') || clean !== name || clean.split(sep).some((s) => s === '..' || s === '.' || s === '')) {
    throw new Error(`tar: unsafe name ${JSON.stringify(name)}`);
  }
  return join(dir, clean);
}
