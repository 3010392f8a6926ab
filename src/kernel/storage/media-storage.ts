import type { Readable } from 'node:stream';
import { AppError } from '../lib/errors.js';

/**
 * Where uploaded files live: a directory (the default, possibly a mount shared by several
 * machines) or an S3-compatible bucket. Keys are the stored paths the features make
 * ("honglinh/2026/11/3f9a…-cau.jpg"); a key is written once and never reused, so what is
 * stored under it never changes.
 */
export interface MediaStorage {
  /** "thư mục /srv/cong/data/media" or "S3 bucket cong-media": for operators' messages. */
  readonly description: string;
  /** Stores the bytes under a new key; readers see the whole file or nothing. */
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** What is known of a stored file without reading it; null when there is none. */
  head(key: string): Promise<StoredObject | null>;
  /** The file (or the inclusive byte range of it) as a stream; null when there is none. */
  get(key: string, range?: ByteRange): Promise<StoredBody | null>;
  /** Removes a file; removing one that is not there is not an error. */
  delete(key: string): Promise<void>;
  /** Every key starting with the prefix (for housekeeping and checks, not for serving). */
  list(prefix: string): AsyncIterable<string>;
  close(): Promise<void>;
}

export interface StoredObject {
  size: number;
  /** A strong validator, quoted as in the ETag header. */
  etag: string;
  lastModified: Date;
  /** The type the store keeps with the file (a directory keeps none). */
  contentType: string | null;
}

/** First and last byte, both included, already checked against the size. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface StoredBody extends StoredObject {
  body: Readable;
}

/**
 * The store failed (a bucket that does not answer or refuses us, a mount gone stale): readers
 * and editors get the 503 page, the log gets the cause. A missing file is not a failure (null).
 */
export class StorageUnavailable extends AppError {
  constructor(store: string, cause: unknown) {
    super('storage_unavailable');
    this.cause = cause;
    this.name = `StorageUnavailable (${store})`;
  }
}

/** Lowercase ASCII segments and one extension: the only keys the features make. */
const KEY = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)*\.[a-z0-9]{2,5}$/;

export function isStorageKey(key: string): boolean {
  return KEY.test(key);
}

/** Both drivers refuse any other key: nothing may reach outside the media folder or bucket prefix. */
export function assertStorageKey(key: string): void {
  if (!isStorageKey(key)) throw new Error(`unsafe media key: ${key}`);
}
