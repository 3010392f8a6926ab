import type { Kysely } from 'kysely';
import type { Dialect } from '../connection.js';

/**
 * `users.totp_last_step` (issue 16): the 30-second TOTP time step last accepted from the person,
 * so that a code (or one of an older step) is refused the second time. Updated with a compare-
 * and-set, so of two parallel submissions of one code only one is accepted. Existing TOTP secrets
 * stay as they are here and are sealed on first use (src/features/back-office/auth/second-factor.ts),
 * since the key lives outside the database and migrations do not hold it.
 */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('users').addColumn('totp_last_step', 'bigint').execute();
}
