import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A CommonJS package loaded the first time it is needed rather than when the process starts:
 * for code only the back office or a command runs (password hashing, two-factor codes, the
 * revision diff, the HTML sanitiser of saved bodies) and for drivers only some installations use
 * (PostgreSQL, Redis), so that a worker serving public pages never holds it. Loading is
 * synchronous, so callers stay as they are; the first call pays the loading once per process
 * (10–30 ms here: argon2 9, diff 11, otplib 20, qrcode 21, sanitize-html 32).
 */
export function onFirstUse<T>(specifier: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(specifier) as T);
}
