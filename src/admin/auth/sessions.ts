import type { Db } from '../../db/connection.js';
import type { SessionRow } from '../../db/schema.js';
import { randomToken, sha256 } from './tokens.js';

/**
 * Server-side sessions. The cookie holds a random token; the database holds only its hash, so
 * a leaked database does not leak usable sessions.
 */
export const IDLE_MS = 60 * 60_000; // an hour without activity
export const ABSOLUTE_MS = 12 * 60 * 60_000; // a working day at most
/** Touching last_seen_at on every request would write on every click; once a minute is enough. */
const TOUCH_EVERY_MS = 60_000;

export interface NewSession {
  token: string;
  row: SessionRow;
}

export async function createSession(db: Db, userId: number, mfaPending: boolean, now: Date): Promise<NewSession> {
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
  await db.insertInto('sessions').values(row).execute();
  return { token, row };
}

/** The live session for a cookie token, or null when unknown, idle too long or past its end. */
export async function loadSession(db: Db, token: string, now: Date): Promise<SessionRow | null> {
  const row = await db.selectFrom('sessions').selectAll().where('id', '=', sha256(token)).executeTakeFirst();
  if (!row) return null;
  const t = now.getTime();
  if (Date.parse(row.expires_at) <= t || Date.parse(row.last_seen_at) + IDLE_MS <= t) {
    await db.deleteFrom('sessions').where('id', '=', row.id).execute();
    return null;
  }
  if (t - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', row.id).execute();
  }
  return row;
}

export async function completeMfa(db: Db, sessionId: string): Promise<void> {
  await db.updateTable('sessions').set({ mfa_pending: 0 }).where('id', '=', sessionId).execute();
}

export async function destroySession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** "Đăng xuất khỏi mọi thiết bị", and what a password change does. */
export async function destroyUserSessions(db: Db, userId: number): Promise<number> {
  const r = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}
