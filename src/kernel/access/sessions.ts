import type { Redis } from 'ioredis';
import type { Db } from '../db/connection.js';
import type { SessionRow } from '../db/schema.js';
import { randomToken, sha256 } from '../lib/tokens.js';
import type { RedisClients } from '../redis.js';

/**
 * Server-side sessions. The cookie holds a random token; the store holds only its hash, so a
 * leaked database (or Redis dump) does not leak usable sessions. In the database by default, in
 * Redis when REDIS_URL is set (every instance sees the same sessions, and the database takes no
 * write per signed-in click).
 */
export const IDLE_MS = 60 * 60_000; // an hour without activity
export const ABSOLUTE_MS = 12 * 60 * 60_000; // a working day at most
/** Touching last_seen_at on every request would write on every click; once a minute is enough. */
const TOUCH_EVERY_MS = 60_000;

export interface NewSession {
  token: string;
  row: SessionRow;
}

export interface SessionStore {
  create(userId: number, mfaPending: boolean, now: Date): Promise<NewSession>;
  /** The live session for a cookie token, or null when unknown, idle too long or past its end. */
  load(token: string, now: Date): Promise<SessionRow | null>;
  /** True when this call ended the session (of parallel calls, one only): a pending session is claimed so. */
  destroy(sessionId: string): Promise<boolean>;
  /** Ends every session of a person but `keep` ("Đăng xuất khỏi mọi thiết bị", a new password). */
  destroyForUser(userId: number, keep?: string): Promise<number>;
}

function newRow(userId: number, mfaPending: boolean, now: Date): NewSession {
  const token = randomToken();
  const row: SessionRow = {
    id: sha256(token),
    user_id: userId,
    csrf_token: randomToken(24),
    mfa_pending: mfaPending ? 1 : 0,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: new Date(now.getTime() + ABSOLUTE_MS).toISOString(),
  };
  return { token, row };
}

const expired = (row: SessionRow, t: number) => Date.parse(row.expires_at) <= t || Date.parse(row.last_seen_at) + IDLE_MS <= t;
const stale = (row: SessionRow, t: number) => t - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS;

export class DbSessionStore implements SessionStore {
  constructor(private readonly db: Db) {}

  async create(userId: number, mfaPending: boolean, now: Date): Promise<NewSession> {
    const s = newRow(userId, mfaPending, now);
    await this.db.insertInto('sessions').values(s.row).execute();
    return s;
  }

  async load(token: string, now: Date): Promise<SessionRow | null> {
    const row = await this.db.selectFrom('sessions').selectAll().where('id', '=', sha256(token)).executeTakeFirst();
    if (!row) return null;
    const t = now.getTime();
    if (expired(row, t)) {
      await this.destroy(row.id);
      return null;
    }
    // tenancy: back-office sessions belong to a (global) user, not to a site; the id is the hash of the cookie token.
    if (stale(row, t)) await this.db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', row.id).execute();
    return row;
  }

  async destroy(sessionId: string): Promise<boolean> {
    // tenancy: back-office sessions belong to a (global) user, not to a site; the id is the hash of the cookie token.
    const r = await this.db.deleteFrom('sessions').where('id', '=', sessionId).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async destroyForUser(userId: number, keep?: string): Promise<number> {
    let q = this.db.deleteFrom('sessions').where('user_id', '=', userId);
    if (keep) q = q.where('id', '!=', keep);
    return Number((await q.executeTakeFirst()).numDeletedRows);
  }
}

/**
 * Housekeeping: deletes the database's sessions past their absolute or idle end (in Redis they
 * expire by themselves; the table is purged even then, of rows left from before Redis was set).
 */
export async function purgeExpiredSessions(db: Db, now: Date): Promise<number> {
  // tenancy: back-office sessions belong to a (global) user, not to a site; a retention rule for all.
  const r = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now.toISOString()), eb('last_seen_at', '<=', new Date(now.getTime() - IDLE_MS).toISOString())]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/**
 * Redis: "<prefix>session:<hash>" holds the row as JSON and disappears at its absolute end (the
 * idle end is checked on reading, as in the database);
 * "<prefix>session-user:<id>" lists a person's session hashes for "log out everywhere".
 */
export class RedisSessionStore implements SessionStore {
  /** On the process's shared connection, which this store does not close. */
  constructor(readonly redis: Redis, private readonly prefix: string) {}

  private key = (id: string) => `${this.prefix}session:${id}`;
  private userKey = (userId: number) => `${this.prefix}session-user:${userId}`;

  /** An update keeps the key's time to live, set once at creation (relative, so the app's and Redis's clocks need not agree). */
  private async update(row: SessionRow): Promise<void> {
    await this.redis.set(this.key(row.id), JSON.stringify(row), 'KEEPTTL', 'XX');
  }

  async create(userId: number, mfaPending: boolean, now: Date): Promise<NewSession> {
    const s = newRow(userId, mfaPending, now);
    await this.redis.set(this.key(s.row.id), JSON.stringify(s.row), 'PX', ABSOLUTE_MS);
    await this.redis.multi().sadd(this.userKey(userId), s.row.id).pexpire(this.userKey(userId), ABSOLUTE_MS).exec();
    return s;
  }

  private async read(id: string): Promise<SessionRow | null> {
    const json = await this.redis.get(this.key(id));
    return json ? (JSON.parse(json) as SessionRow) : null;
  }

  async load(token: string, now: Date): Promise<SessionRow | null> {
    const row = await this.read(sha256(token));
    if (!row) return null;
    const t = now.getTime();
    if (expired(row, t)) {
      await this.destroy(row.id, row.user_id);
      return null;
    }
    if (stale(row, t)) await this.update({ ...row, last_seen_at: now.toISOString() });
    return row;
  }

  async destroy(sessionId: string, userId?: number): Promise<boolean> {
    const owner = userId ?? (await this.read(sessionId))?.user_id;
    const m = this.redis.multi().del(this.key(sessionId));
    if (owner !== undefined) m.srem(this.userKey(owner), sessionId);
    const replies = (await m.exec()) ?? [];
    return replies[0]?.[1] === 1;
  }

  async destroyForUser(userId: number, keep?: string): Promise<number> {
    const ids = (await this.redis.smembers(this.userKey(userId))).filter((id) => id !== keep);
    if (!ids.length) return 0;
    const m = this.redis.multi();
    for (const id of ids) m.del(this.key(id)).srem(this.userKey(userId), id);
    const replies = (await m.exec()) ?? [];
    // Each id gives a DEL reply then an SREM reply: count the sessions that still existed.
    return replies.filter((r, i) => i % 2 === 0 && r[1] === 1).length;
  }
}

/** In Redis when the process has its connections (REDIS_URL), otherwise in the database. */
export function sessionStoreFor(redis: RedisClients | null, db: Db): SessionStore {
  return redis ? new RedisSessionStore(redis.client, redis.prefix) : new DbSessionStore(db);
}
