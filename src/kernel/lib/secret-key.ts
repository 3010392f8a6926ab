import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

/** The key file in the data directory, when CONG_SECRET_KEY is not given. */
export const SECRET_KEY_FILE = 'khoa-bi-mat.key';

/**
 * The key that seals stored secrets: CONG_SECRET_KEY when given (required when several hosts share
 * one database), otherwise a file in the data directory, generated at first run with mode 0600.
 * The file is created exclusively, so cluster workers starting together end with one key. It must
 * be backed up apart from the database: without it, every enrolled person has to enrol again.
 */
export function loadSecretKey(configured: Buffer | null, dataDir: string): Buffer {
  if (configured) return configured;
  const file = join(dataDir, SECRET_KEY_FILE);
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  // A copy restored with looser permissions is tightened again.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const key = Buffer.from(readWritten(file), 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte key in base64`);
  return key;
}

/** The file's text, waiting a moment if a sibling process has created it but not yet written it. */
function readWritten(file: string): string {
  for (let i = 0; i < 40; i++) {
    const text = readFileSync(file, 'utf8').trim();
    if (text) return text;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25);
  }
  return '';
}
