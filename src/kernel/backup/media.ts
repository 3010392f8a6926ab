import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { MediaStorage } from '../storage/media-storage.js';

export const MEDIA_DIR = 'media';

/** Every file under <dataDir>/media, as paths relative to it with "/" separators, sorted. */
export async function listMediaFiles(dataDir: string): Promise<string[]> {
  const root = join(dataDir, MEDIA_DIR);
  const out: string[] = [];
  async function walk(dir: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    for (const e of entries) {
      // Stored names never start with a dot; such a file is an upload still being written (a
      // temporary name renamed into place once whole), not something a row can point to yet.
      if (e.name.startsWith('.')) continue;
      const abs = join(dir, e.name);
      if (e.isDirectory()) await walk(abs);
      else if (e.isFile()) out.push(relative(root, abs).split(sep).join('/'));
    }
  }
  await walk(root);
  return out.sort();
}

/** A stored file's bytes and time, or null when it was deleted after being listed. */
export interface MediaFile {
  data: Buffer;
  modified: Date;
}

export async function readLocal(abs: string): Promise<MediaFile | null> {
  try {
    const [data, st] = await Promise.all([readFile(abs), stat(abs)]);
    return { data, modified: st.mtime };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Every key of a bucket (CONG_S3_*), sorted, as the archive names them under media/. */
export async function listBucket(bucket: MediaStorage): Promise<string[]> {
  const keys: string[] = [];
  for await (const key of bucket.list('')) keys.push(key);
  return keys.sort();
}

export async function readFromBucket(bucket: MediaStorage, key: string): Promise<MediaFile | null> {
  const file = await bucket.get(key);
  if (!file) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of file.body) chunks.push(Buffer.from(chunk as Uint8Array));
  return { data: Buffer.concat(chunks), modified: file.lastModified };
}

/** Types for the restored objects of a bucket (the portal serves each file with its row's type; this is for other tools). */
const TYPES: Record<string, string> = {
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif', svg: 'image/svg+xml',
  pdf: 'application/pdf', mp3: 'audio/mpeg', m4a: 'audio/mp4', mp4: 'video/mp4',
  doc: 'application/msword', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', zip: 'application/zip',
};

/** Puts the unpacked media folder's files into a bucket under the same keys. */
export async function putIntoBucket(bucket: MediaStorage, unpacked: string): Promise<number> {
  const root = join(unpacked, MEDIA_DIR);
  const keys = await listMediaFiles(unpacked);
  for (const key of keys) {
    const type = TYPES[key.slice(key.lastIndexOf('.') + 1)] ?? 'application/octet-stream';
    await bucket.put(key, await readFile(join(root, key)), type);
  }
  return keys.length;
}
