import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { assertStorageKey, StorageUnavailable, type ByteRange, type MediaStorage, type StoredBody, type StoredObject } from './media-storage.js';

/**
 * Files in a directory, laid out as their keys (<dataDir>/media/honglinh/2026/11/…): the layout
 * `cong backup` archives and a shared mount (NFS) can serve to several machines. A file is
 * written under a hidden temporary name and renamed into place, so another process or machine
 * never reads half of one.
 */
export class LocalDirectory implements MediaStorage {
  readonly root: string;
  readonly description: string;

  constructor(root: string) {
    this.root = resolve(root);
    this.description = `thư mục ${this.root}`;
  }

  private pathOf(key: string): string {
    assertStorageKey(key);
    const abs = resolve(this.root, key);
    if (!abs.startsWith(this.root + sep)) throw new Error(`unsafe media key: ${key}`);
    return abs;
  }

  /** The type is not kept: a directory has nowhere to keep it, and the routes know it from their rows. */
  async put(key: string, data: Buffer, _contentType?: string): Promise<void> {
    const abs = this.pathOf(key);
    const temporary = join(dirname(abs), `.${basename(abs)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await mkdir(dirname(abs), { recursive: true });
      await writeFile(temporary, data, { flag: 'wx' });
      await rename(temporary, abs);
    } catch (err) {
      await rm(temporary, { force: true }).catch(() => undefined);
      this.failed(err);
    }
  }

  async head(key: string): Promise<StoredObject | null> {
    const s = await stat(this.pathOf(key)).catch(this.missing);
    return s?.isFile() ? describe(s) : null;
  }

  async get(key: string, range?: ByteRange): Promise<StoredBody | null> {
    // Opened before it is measured: the size and the bytes come from the same file.
    const handle = await open(this.pathOf(key), 'r').catch(this.missing);
    if (!handle) return null;
    const s = await handle.stat().catch(async (err: unknown) => {
      await handle.close();
      return this.failed(err);
    });
    if (!s.isFile()) {
      await handle.close();
      return null;
    }
    return { ...describe(s), body: handle.createReadStream(range ? { start: range.start, end: range.end } : {}) };
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true }).catch(this.failed);
  }

  async *list(prefix: string): AsyncIterable<string> {
    const entries = await readdir(this.root, { recursive: true, withFileTypes: true }).catch(this.missing);
    for (const e of entries ?? []) {
      if (!e.isFile() || e.name.startsWith('.')) continue;
      const key = relative(this.root, join(e.parentPath, e.name)).split(sep).join('/');
      if (key.startsWith(prefix)) yield key;
    }
  }

  async close(): Promise<void> {}

  /** The disk or the mount failed (EIO, ESTALE, EACCES, ENOSPC…). */
  private readonly failed = (err: unknown): never => {
    throw new StorageUnavailable(this.description, err);
  };

  private readonly missing = (err: NodeJS.ErrnoException): null => {
    if (err.code === 'ENOENT' || err.code === 'ENOTDIR' || err.code === 'EISDIR') return null;
    return this.failed(err);
  };
}

/** Files are never rewritten under the same key, so size and time identify the bytes. */
function describe(s: Stats): StoredObject {
  return { size: s.size, etag: `"${s.size.toString(16)}-${Math.floor(s.mtimeMs).toString(16)}"`, lastModified: s.mtime, contentType: null };
}
