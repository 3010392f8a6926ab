import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export const MEDIA_DIR = 'media';

/**
 * Every file under <dataDir>/media, as paths relative to it with "/" separators, sorted. The
 * local directory is what is backed up; with another storage driver its own tools keep the copies.
 */
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
