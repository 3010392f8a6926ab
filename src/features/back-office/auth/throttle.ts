import type { Db } from '../../../kernel/db/connection.js';

/**
 * Login throttling per account identifier and per client address (hashed). The first five
 * failures are free; after that each failure doubles the wait (2 s, 4 s, … up to 15 min).
 * Unknown accounts are throttled exactly like known ones, so the answer reveals nothing.
 */
export const FREE_FAILURES = 5;
const MAX_DELAY_MS = 15 * 60_000;

export function delayAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** (failures - FREE_FAILURES + 1));
}

/** Milliseconds the caller must still wait before trying any of these keys, 0 when free. */
export async function waitFor(db: Db, keys: string[], now: Date): Promise<number> {
  const rows = await db.selectFrom('login_throttle').selectAll().where('key', 'in', keys).execute();
  let wait = 0;
  for (const r of rows) {
    if (r.locked_until) wait = Math.max(wait, Date.parse(r.locked_until) - now.getTime());
  }
  return Math.max(0, wait);
}

export async function recordFailure(db: Db, keys: string[], now: Date): Promise<void> {
  for (const key of keys) {
    await db.transaction().execute(async (tx) => {
      const row = await tx.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
      const failures = (row?.failures ?? 0) + 1;
      const delay = delayAfter(failures);
      const values = {
        failures,
        locked_until: delay ? new Date(now.getTime() + delay).toISOString() : null,
        updated_at: now.toISOString(),
      };
      if (row) await tx.updateTable('login_throttle').set(values).where('key', '=', key).execute();
      else await tx.insertInto('login_throttle').values({ key, ...values }).execute();
    });
  }
}

export async function clearFailures(db: Db, keys: string[]): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', 'in', keys).execute();
}
