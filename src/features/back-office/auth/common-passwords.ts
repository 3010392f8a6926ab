import { VIETNAMESE_COMMON_PASSWORDS } from './common-passwords-vi.js';

/**
 * Common and breached passwords, checked on every new password (NIST SP 800-63B §5.1.1.2, OWASP
 * ASVS 2.1.7), with no network: the ~49,000 most frequent passwords of public breach corpora as
 * shipped by @zxcvbn-ts/language-common (MIT), plus Vietnamese ones. Loaded on the first check,
 * not at boot; held as one Set (about 3 MB, measured by test/admin/common-passwords.test.ts).
 */
let list: Promise<ReadonlySet<string>> | null = null;

export function commonPasswords(): Promise<ReadonlySet<string>> {
  list ??= import('@zxcvbn-ts/language-common').then(({ dictionary }) => new Set([...dictionary['passwords-common'], ...VIETNAMESE_COMMON_PASSWORDS]));
  return list;
}

/** A common word with a short decoration ("Password2026!", "anhyeuem@123") is no better than the word. */
const MAX_DECORATION = 6;

/** The forms of a password that are looked up: as typed, folded (no diacritics), without separators, and without a short prefix or suffix of digits and symbols. */
export function passwordForms(password: string): string[] {
  const lower = password.normalize('NFC').toLowerCase();
  const folded = lower.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');
  const compact = folded.replace(/[\s._-]+/g, '');
  const core = /^[^\p{L}]*(.*?)[^\p{L}]*$/u.exec(compact)![1]!;
  const forms = [lower, folded, compact];
  if (core.length >= 3 && compact.length - core.length <= MAX_DECORATION) forms.push(core);
  return forms;
}

export async function isCommonPassword(password: string): Promise<boolean> {
  const set = await commonPasswords();
  return passwordForms(password).some((f) => set.has(f));
}
