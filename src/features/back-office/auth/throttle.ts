import type { Db } from '../../../kernel/db/connection.js';
import type { LoginThrottleRow } from '../../../kernel/db/schema.js';
import { limitKeyOf } from '../../../kernel/http/client-address.js';
import { sha256 } from '../../../kernel/lib/tokens.js';

/**
 * Throttling of every password or second-step check, per account and per client address (both
 * hashed: a password typed into the login field must not sit in the table).
 *
 * An attempt is counted *before* the secret is checked: `beginAttempt` adds one to every key in
 * a compare-and-set update, and only then may the caller verify. So the attempts in flight count
 * as failures until they succeed, and 25 parallel guesses check no more passwords than the free
 * allowance, whatever the number of instances. From the allowance on, each counted attempt locks
 * the key for a doubling delay (2 s, 4 s, … up to 15 min), and a locked key refuses without
 * counting (the lock is not prolonged by knocking on it). Failures decay, one per quarter of an
 * hour, so a counter left by an outsider fades by itself.
 *
 * On success the account's counter is cleared and the address gives back only the one attempt it
 * lent (`succeeded`): one good sign-in must not wipe the guesses an address made at other accounts.
 */
export interface ThrottleRule {
  /** Attempts counted before the delays start. */
  free: number;
}

/** Per account: five wrong passwords, then delays. */
export const ACCOUNT: ThrottleRule = { free: 5 };
/** Per address: a ward office shares one, so a little more room, but password spraying stops. */
export const ADDRESS: ThrottleRule = { free: 10 };
/** Per person at the second step (TOTP or recovery code). */
export const SECOND_STEP: ThrottleRule = { free: 5 };

export const DECAY_MS = 15 * 60_000;
const MAX_DELAY_MS = 15 * 60_000;
/** The delay is at its maximum long before this; a cap keeps the decay of any row under a day. */
const MAX_COUNT = 60;
/** Compare-and-set rounds before an attempt is refused as if locked (only under a storm of them). */
const MAX_ROUNDS = 50;

export interface ThrottleKey {
  key: string;
  rule: ThrottleRule;
  /** Deleted when the attempt succeeds (the account); otherwise only the attempt is given back. */
  clearOnSuccess: boolean;
}

/** The milliseconds the n-th counted attempt locks its key for. */
export function delayAfter(count: number, rule: ThrottleRule): number {
  if (count < rule.free) return 0;
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** (count - rule.free + 1));
}

const hashed = (kind: string, value: string) => `${kind}:${sha256(`cong-login:${value}`).slice(0, 32)}`;

/** The key of an account: the person when the login names one, otherwise what was typed (hashed). */
export function accountKey(userId: number | null, login: string): ThrottleKey {
  return { key: userId === null ? hashed('account', login.trim().toLowerCase()) : `user:${userId}`, rule: ACCOUNT, clearOnSuccess: true };
}

/** The key of a client address (an IPv6 client by its /64, as every rate limit). */
export function addressKey(ip: string): ThrottleKey {
  return { key: hashed('ip', limitKeyOf(ip)), rule: ADDRESS, clearOnSuccess: false };
}

export function secondStepKey(userId: number): ThrottleKey {
  return { key: `totp:${userId}`, rule: SECOND_STEP, clearOnSuccess: true };
}

/** What a person who must wait is told. */
export function tooMany(ms: number): string {
  const s = Math.ceil(ms / 1000);
  const wait = s >= 60 ? `${Math.ceil(s / 60)} phút` : `${s} giây`;
  return `Bạn đã nhập sai quá nhiều lần. Vui lòng thử lại sau ${wait}.`;
}

/** The login as the audit log keeps it: hashed, never readable (people type passwords there by mistake). */
export function loginDigest(login: string): string {
  return sha256(`cong-login:${login.trim().toLowerCase()}`).slice(0, 16);
}

/** A counted attempt, allowed to check one secret. */
export class Attempt {
  readonly ok = true;
  constructor(
    private readonly db: Db,
    readonly keys: ThrottleKey[],
    /** The keys this attempt locked, with the lock's length (what a failure then reports) and end. */
    readonly locks: Lock[],
  ) {}

  /** The longest lock this attempt started (0: none). */
  get lockMs(): number {
    return Math.max(0, ...this.locks.map((l) => l.ms));
  }

  /** The secret was right: clear the account, give the address back the attempt it lent. */
  async succeeded(now: Date): Promise<void> {
    for (const k of this.keys) {
      if (k.clearOnSuccess) await this.db.deleteFrom('login_throttle').where('key', '=', k.key).execute();
      else await release(this.db, k.key, now, this.locks.find((l) => l.key === k)?.until ?? null);
    }
  }
}

interface Lock {
  key: ThrottleKey;
  ms: number;
  /** The locked_until written, to lift it again if the attempt was right. */
  until: string;
}

export interface Refusal {
  ok: false;
  /** Milliseconds until the key that refused opens again. */
  waitMs: number;
}

/**
 * Counts one attempt on every key, or refuses (counting nothing) when one of them is locked. Keys
 * are taken in order; when a later key refuses, the earlier ones get their attempt back.
 */
export async function beginAttempt(db: Db, keys: ThrottleKey[], now: Date): Promise<Attempt | Refusal> {
  const locks: Lock[] = [];
  for (const [i, k] of keys.entries()) {
    const r = await reserve(db, k, now);
    if (!r.ok) {
      for (const t of keys.slice(0, i)) await release(db, t.key, now, locks.find((l) => l.key === t)?.until ?? null);
      return r;
    }
    if (r.lock) locks.push({ key: k, ...r.lock });
  }
  return new Attempt(db, keys, locks);
}

const iso = (t: number) => new Date(t).toISOString();

/** The row's count after its decay, and the time the remaining count is counted from. */
function decayed(row: LoginThrottleRow | undefined, t: number): { count: number; since: number } {
  if (!row) return { count: 0, since: t };
  const from = Date.parse(row.updated_at);
  const steps = Math.max(0, Math.floor((t - from) / DECAY_MS));
  const count = Math.max(0, row.failures - steps);
  return count === 0 ? { count, since: t } : { count, since: from + steps * DECAY_MS };
}

function read(db: Db, key: string): Promise<LoginThrottleRow | undefined> {
  return db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
}

/** Writes `next` over `row` only if nobody changed the row since it was read (or inserts it if absent). */
async function compareAndSet(db: Db, key: string, row: LoginThrottleRow | undefined, next: Omit<LoginThrottleRow, 'key'>): Promise<boolean> {
  if (!row) {
    const r = await db.insertInto('login_throttle').values({ key, ...next }).onConflict((oc) => oc.column('key').doNothing()).executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const r = await db
    .updateTable('login_throttle')
    .set(next)
    .where('key', '=', key)
    .where('failures', '=', row.failures)
    .where('updated_at', '=', row.updated_at)
    .where((eb) => (row.locked_until === null ? eb('locked_until', 'is', null) : eb('locked_until', '=', row.locked_until)))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

async function reserve(db: Db, k: ThrottleKey, now: Date): Promise<{ ok: true; lock: { ms: number; until: string } | null } | Refusal> {
  const t = now.getTime();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const row = await read(db, k.key);
    const lockedFor = row?.locked_until ? Date.parse(row.locked_until) - t : 0;
    if (lockedFor > 0) return { ok: false, waitMs: lockedFor };
    const { count, since } = decayed(row, t);
    const n = Math.min(count + 1, MAX_COUNT);
    const ms = delayAfter(n, k.rule);
    const lock = ms ? { ms, until: iso(t + ms) } : null;
    if (await compareAndSet(db, k.key, row, { failures: n, locked_until: lock?.until ?? null, updated_at: iso(since) })) return { ok: true, lock };
  }
  return { ok: false, waitMs: 1000 };
}

/**
 * Gives one counted attempt back, and lifts the lock it set (`until`) unless another attempt has
 * locked the key since: the attempt that proved itself right must not lock the address for others.
 */
async function release(db: Db, key: string, now: Date, until: string | null): Promise<void> {
  const t = now.getTime();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const row = await read(db, key);
    if (!row) return;
    const { count, since } = decayed(row, t);
    if (await compareAndSet(db, key, row, { failures: Math.max(0, count - 1), locked_until: until !== null && row.locked_until === until ? null : row.locked_until, updated_at: iso(count > 1 ? since : t) })) return;
  }
}

/**
 * Housekeeping: rows whose lock has ended and whose count has fully decayed tell nothing any more.
 * MAX_COUNT decays within MAX_COUNT × DECAY_MS (15 h), so a row untouched for a day is such a row.
 */
export const THROTTLE_RETENTION_MS = 24 * 60 * 60_000;

export async function purgeOldThrottleRows(db: Db, now: Date): Promise<number> {
  const cutoff = iso(now.getTime() - THROTTLE_RETENTION_MS);
  const r = await db
    .deleteFrom('login_throttle')
    .where('updated_at', '<', cutoff)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now.toISOString())]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
