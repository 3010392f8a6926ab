import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A CommonJS package loaded the first time it is needed rather than when the process starts:
 * for code only the back office or a command runs (password hashing, two-factor codes, the
 * revision diff, the HTML sanitiser of saved bodies), so that a worker serving public pages
 * never holds it. Loading is synchronous, so callers stay as they are; the first call pays a few
 * milliseconds once per process.
 */
export function onFirstUse<T>(specifier: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(specifier) as T);
}
