import { randomBytes } from 'node:crypto';
import { slugify } from '../../kernel/lib/text.js';
import { isStorageKey, type MediaStorage } from '../../kernel/storage/media-storage.js';

/**
 * The names of uploaded files, made here, never taken from the client:
 * "<site code>/<yyyy>/<mm>/<random>-<slug of the name>.<ext>". A name is never reused, so a
 * file's URL can be cached forever. The bytes go to the configured store (app.cong.media).
 */
const SEGMENT = /^[a-z0-9][a-z0-9_-]*$/;

/** The stem ("honglinh/2026/11/3f9a…-bao-cao") of a new file; extensions are added per output. */
export function newStem(siteCode: string, originalName: string, now: Date): string {
  if (!SEGMENT.test(siteCode)) throw new Error(`unsafe site code for a media path: ${siteCode}`);
  const yyyy = String(now.getUTCFullYear());
  const mm = String(now.getUTCMonth() + 1).padStart(2, '0');
  const base = originalName.replace(/\.[^.]*$/, '');
  const slug = slugify(base, 60) || 'tep';
  return `${siteCode}/${yyyy}/${mm}/${randomBytes(5).toString('hex')}-${slug}`;
}

/**
 * The stored path a public URL names, when it is a well-formed one inside the site's own folder;
 * null otherwise (other sites' files, "..", odd characters, anything we would not have made).
 */
export function sitePathFromUrl(rawPath: string, siteCode: string): string | null {
  if (!isStorageKey(rawPath) || rawPath.includes('..')) return null;
  return rawPath.startsWith(`${siteCode}/`) ? rawPath : null;
}

/** Writes new files; on any failure, removes those already written. */
export async function writeFiles(media: MediaStorage, files: { path: string; data: Buffer; contentType: string }[]): Promise<void> {
  const written: string[] = [];
  try {
    for (const f of files) {
      await media.put(f.path, f.data, f.contentType);
      written.push(f.path);
    }
  } catch (err) {
    await removeFiles(media, written);
    throw err;
  }
}

export async function removeFiles(media: MediaStorage, paths: string[]): Promise<void> {
  for (const p of paths) await media.delete(p);
}

export function extensionOf(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}
