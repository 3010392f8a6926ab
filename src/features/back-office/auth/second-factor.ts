import type { Db } from '../../../kernel/db/connection.js';
import type { UserRow } from '../../../kernel/db/schema.js';
import { isSealed, type SecretBox } from '../../../kernel/lib/secret-box.js';
import { sha256 } from '../../../kernel/lib/tokens.js';
import { totpStep } from './totp.js';

/**
 * The second factor's checks, each one-use and race-free: a TOTP step is accepted at most once
 * (a compare-and-set on `users.totp_last_step`), a recovery code is removed by a compare-and-set
 * on the list that held it. Of two parallel requests with one code, exactly one gets through.
 */

/**
 * The person's TOTP secret in clear (null: none, or sealed under another key). A plain secret left from before migration 0025
 * is sealed here, on its first use (the migration does not hold the key).
 */
export async function totpSecretOf(db: Db, box: SecretBox, user: Pick<UserRow, 'id' | 'totp_secret'>): Promise<string | null> {
  const stored = user.totp_secret;
  if (!stored) return null;
  if (isSealed(stored)) return openOrNull(box, stored);
  // tenancy: users are global (no site_id); the person's own row, and only if still the plain value read.
  await db.updateTable('users').set({ totp_secret: box.seal(stored) }).where('id', '=', user.id).where('totp_secret', '=', stored).execute();
  return stored;
}

/**
 * A secret sealed under another key (the key file lost, a database restored without it) opens to
 * nothing: the code step then fails as a wrong code, and a recovery code still signs the person in.
 */
function openOrNull(box: SecretBox, sealed: string): string | null {
  try {
    return box.open(sealed);
  } catch {
    return null;
  }
}

/** True when `code` is the person's current TOTP code and its step had not been used; records the step. */
export async function acceptTotp(db: Db, box: SecretBox, user: UserRow, code: string, now: Date): Promise<boolean> {
  const secret = await totpSecretOf(db, box, user);
  if (!secret) return false;
  const step = await totpStep(secret, code, now, user.totp_last_step);
  if (step === null) return false;
  // tenancy: users are global (no site_id). Only a step later than every accepted one is taken.
  const r = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', user.id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

const RECOVERY_ROUNDS = 20;

/** True when `code` is one of the person's unused recovery codes; it is then used up. */
export async function consumeRecoveryCode(db: Db, userId: number, code: string): Promise<boolean> {
  const h = sha256(code.trim().toLowerCase().replace(/\s+/g, ''));
  for (let round = 0; round < RECOVERY_ROUNDS; round++) {
    // tenancy: users are global (no site_id); the person signing in uses up one of their own codes.
    const row = await db.selectFrom('users').select('recovery_codes').where('id', '=', userId).executeTakeFirst();
    const hashes = row ? (JSON.parse(row.recovery_codes) as string[]) : [];
    if (!hashes.includes(h)) return false;
    // tenancy: users are global (no site_id); only if the list is still the one read (compare-and-set).
    const r = await db
      .updateTable('users')
      .set({ recovery_codes: JSON.stringify(hashes.filter((x) => x !== h)) })
      .where('id', '=', userId)
      .where('recovery_codes', '=', row!.recovery_codes)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 1) return true;
  }
  return false;
}
