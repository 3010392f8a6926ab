import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../db/connection.js';

/**
 * The feature's HMAC keys, derived from one random master secret that the first instance to
 * start writes to the database (every instance then reads the same one). Nothing secret lives in
 * the repository or the configuration.
 */
export interface InteractSecrets {
  /** Signs ALTCHA challenges. */
  altcha: string;
  /** Signs the derived keys of deterministic ALTCHA challenges (fast server-side checks). */
  altchaKey: string;
  /** Signs the fallback question tokens of people without JavaScript. */
  question: string;
  /** Keys the rate-limit buckets, so that no IP address is kept even in memory or Redis. */
  limiter: string;
}

const NAME = 'interact-master';

export async function loadSecrets(db: Db, now: Date): Promise<InteractSecrets> {
  await db
    .insertInto('interact_secrets')
    .values({ name: NAME, value: randomBytes(32).toString('base64url'), created_at: now.toISOString() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('interact_secrets').select('value').where('name', '=', NAME).executeTakeFirstOrThrow();
  const derive = (label: string) => createHmac('sha256', row.value).update(label).digest('hex');
  return { altcha: derive('altcha-challenge'), altchaKey: derive('altcha-key'), question: derive('fallback-question'), limiter: derive('rate-limit') };
}
