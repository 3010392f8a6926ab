import type { FastifyInstance } from 'fastify';
import { generate } from 'otplib';
import { totpSecretOf } from '../../src/features/back-office/auth/second-factor.js';

/** The enrolment secret shown on the set-up page (for manual entry). */
export function secretOnSetupPage(html: string): string {
  const m = /<code>([A-Z2-7]+)<\/code>/.exec(html);
  if (!m) throw new Error('the set-up page shows the secret');
  return m[1]!;
}

/** The code an authenticator app shows for `secret` at the app's clock. */
export function codeAt(secret: string, now: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
}

/**
 * A code for the enrolled person, as their phone would show it. Tests sign one person in several
 * times within 30 seconds, which a real person cannot (a step is accepted once): so the helper
 * forgets the last accepted step first. Test-only: it writes the database directly.
 */
export async function freshCodeFor(app: FastifyInstance, login: string): Promise<string> {
  const { db, secrets } = app.cong;
  const l = login.trim().toLowerCase();
  const user = await db.selectFrom('users').selectAll().where((eb) => eb.or([eb('email', '=', l), eb('username', '=', l)])).executeTakeFirstOrThrow();
  const secret = await totpSecretOf(db, secrets, user);
  if (!secret) throw new Error(`${login} has no TOTP secret`);
  await db.updateTable('users').set({ totp_last_step: null }).where('id', '=', user.id).execute();
  return codeAt(secret, app.cong.now());
}
