import { randomBytes } from 'node:crypto';
import type * as Argon2 from '@node-rs/argon2';
import { onFirstUse } from '../../../kernel/lib/on-first-use.js';
import { isCommonPassword } from './common-passwords.js';

const argon2 = onFirstUse<typeof Argon2>('@node-rs/argon2');

/**
 * argon2id with the OWASP-recommended minimum cost (19 MiB, 2 passes). `Algorithm` is a const
 * enum that the package does not export at run time: its value is written here.
 */
const OPTIONS: Argon2.Options = { algorithm: 2 satisfies Argon2.Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
  return argon2().hash(password.normalize('NFC'), OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await argon2().verify(stored, password.normalize('NFC'));
  } catch {
    return false;
  }
}

/**
 * A hash of a random password, verified against when the account does not exist, so that a
 * wrong user name costs the same time as a wrong password.
 */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  return dummy;
}

/** Generated passwords for first-run admins and resets: 20 characters, no look-alikes. */
export function generatePassword(length = 20): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[bytes[i]! % alphabet.length];
  return out;
}

export const COMMON_PASSWORD_MESSAGE = 'Mật khẩu này quá phổ biến (có trong danh sách mật khẩu hay dùng hoặc đã bị lộ), kẻ gian thử nó đầu tiên. Hãy chọn mật khẩu khác, ví dụ một câu dài dễ nhớ.';

/** A Vietnamese message when a new password is too weak or too common, or null. */
export async function passwordProblem(password: string, identity: string[]): Promise<string | null> {
  if (password.length < MIN_PASSWORD_LENGTH) return `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`;
  if (password.length > 200) return 'Mật khẩu quá dài (tối đa 200 ký tự).';
  const lower = password.toLowerCase();
  if (identity.some((s) => s && s.length >= 3 && lower.includes(s.toLowerCase()))) {
    return 'Mật khẩu không được chứa tên đăng nhập hoặc email.';
  }
  if (new Set(password).size < 5) return 'Mật khẩu quá đơn giản, hãy dùng nhiều ký tự khác nhau hơn.';
  if (await isCommonPassword(password)) return COMMON_PASSWORD_MESSAGE;
  return null;
}
