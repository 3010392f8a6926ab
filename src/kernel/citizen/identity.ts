import * as crypto from 'node:crypto';
import type { Db } from '../db/connection.js';
import { addDays, dayOf, dayStartMs } from '../lib/calendar.js';

/**
 * Visitor identity without storing who the visitor is (DESIGN.md, Privacy): a hash of the day's
 * random salt, the site, the IP address and the user agent. Salts live in the database so every
 * instance computes the same hash; the previous day's salt is kept to join a visit across
 * midnight, and older salts are deleted (src/features/stats/housekeeping.ts), after which yesterday's
 * hashes can no longer be tied to anyone.
 */
export function visitorHash(salt: string, siteId: number, ip: string, ua: string): string {
  // One-shot hashing (several times cheaper than createHash on the hot path); 128 bits, as a
  // flat 22-character string (a slice of a longer one would keep that one alive).
  const input = `${salt}\n${siteId}\n${ip}\n${ua}`;
  const digest = typeof crypto.hash === 'function' ? crypto.hash('sha256', input, 'buffer') : crypto.createHash('sha256').update(input).digest(); // hash(): Node ≥ 20.12
  return digest.toString('base64url', 0, 16);
}

/** How long after midnight a visitor is still recognised under yesterday's salt. */
export const BOUNDARY_MS = 30 * 60_000;

export interface DaySalts {
  day: string;
  current: string;
  /** Yesterday's salt, only in the first half hour of the day. */
  previous: string | null;
}

export class SaltBook {
  private cached: { day: string; from: number; to: number; salts: Promise<DaySalts>; late?: DaySalts } | null = null;

  constructor(private readonly db: Db) {}

  /** Salts for the instant; one database round trip per day and instance. */
  async saltsAt(ms: number): Promise<DaySalts> {
    let c = this.cached;
    if (!c || ms < c.from || ms >= c.to) {
      const day = dayOf(ms);
      const salts = this.load(day);
      this.cached = c = { day, from: dayStartMs(day), to: dayStartMs(addDays(day, 1)), salts };
      salts.catch(() => {
        if (this.cached?.salts === salts) this.cached = null;
      });
    }
    const s = await c.salts;
    if (ms - c.from < BOUNDARY_MS || s.previous === null) return s;
    return (c.late ??= { ...s, previous: null });
  }

  private async load(day: string): Promise<DaySalts> {
    return { day, current: await ensureSalt(this.db, day), previous: (await findSalt(this.db, addDays(day, -1))) ?? null };
  }
}

/** The day's salt, created by whichever instance asks first (the others read the same row). */
export async function ensureSalt(db: Db, day: string): Promise<string> {
  await db
    .insertInto('stats_salts')
    .values({ day, salt: crypto.randomBytes(32).toString('base64url'), created_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('day').doNothing())
    .execute();
  return (await findSalt(db, day))!;
}

async function findSalt(db: Db, day: string): Promise<string | undefined> {
  return (await db.selectFrom('stats_salts').select('salt').where('day', '=', day).executeTakeFirst())?.salt;
}
