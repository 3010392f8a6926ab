import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { slugify } from '../../kernel/lib/text.js';

/**
 * Uploaded files on local disk under <dataDir>/media. Names are made here, never taken from the
 * client: "<site code>/<yyyy>/<mm>/<random>-<slug of the name>.<ext>". A name is never reused,
 * so a file's URL can be cached forever.
 */
export function mediaRoot(dataDir: string): string {
  return resolve(dataDir, 'media');
}

const SEGMENT = /^[a-z0-9][a-z0-9_-]*$/;
/** A stored path as we make them: lowercase ASCII segments, one dot before the extension. */
const STORED_PATH = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)*\.[a-z0-9]{2,5}$/;

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
  if (!STORED_PATH.test(rawPath) || rawPath.includes('..')) return null;
  return rawPath.startsWith(`${siteCode}/`) ? rawPath : null;
}

/** Absolute path of a stored file; refuses anything that would land outside the media folder. */
export function absolutePath(dataDir: string, rel: string): string {
  const root = mediaRoot(dataDir);
  const abs = resolve(root, rel);
  if (!STORED_PATH.test(rel) || !abs.startsWith(root + sep)) throw new Error(`unsafe media path: ${rel}`);
  return abs;
}

/** Writes new files (never overwriting one); on any failure, removes those already written. */
export async function writeFiles(dataDir: string, files: { path: string; data: Buffer }[]): Promise<void> {
  const written: string[] = [];
  try {
    for (const f of files) {
      const abs = absolutePath(dataDir, f.path);
      await mkdir(dirname(abs), { recursive: true });
      await writeFile(abs, f.data, { flag: 'wx' });
      written.push(f.path);
    }
  } catch (err) {
    await removeFiles(dataDir, written);
    throw err;
  }
}

export async function removeFiles(dataDir: string, paths: string[]): Promise<void> {
  for (const p of paths) await rm(absolutePath(dataDir, p), { force: true });
}

export function extensionOf(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}
