import type { Db } from './db/connection.js';
import type { AuditRow } from './db/schema.js';

/**
 * The append-only audit log: every change made in the back office writes one row with who,
 * which site, what, when, and the record before and after. Nothing updates or deletes rows.
 */
export interface AuditEntry {
  siteId: number | null;
  userId: number | null;
  action: string; // e.g. "article.publish"
  entityType: string; // e.g. "article"
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** Fields never copied into the log. */
const SECRET_FIELDS = new Set(['password_hash', 'totp_secret', 'recovery_codes', 'csrf_token']);

function redact(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (k, v) => (SECRET_FIELDS.has(k) ? '[ẩn]' : v));
}

export async function writeAudit(db: Db, e: AuditEntry, now: Date): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      site_id: e.siteId,
      user_id: e.userId,
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId === undefined || e.entityId === null ? null : String(e.entityId),
      before_json: redact(e.before),
      after_json: redact(e.after),
      created_at: now.toISOString(),
    })
    .execute();
}

export interface AuditFilter {
  action?: string;
  userId?: number;
  entityType?: string;
  /** Keyset cursor: rows with id below this one. */
  beforeId?: number;
  limit: number;
}

export type AuditListRow = AuditRow & { user_name: string | null };

export async function listAudit(db: Db, siteId: number, f: AuditFilter): Promise<AuditListRow[]> {
  let q = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.user_id')
    .selectAll('audit_log')
    .select('users.display_name as user_name')
    .where('audit_log.site_id', '=', siteId);
  if (f.action) q = q.where('audit_log.action', '=', f.action);
  if (f.userId) q = q.where('audit_log.user_id', '=', f.userId);
  if (f.entityType) q = q.where('audit_log.entity_type', '=', f.entityType);
  if (f.beforeId) q = q.where('audit_log.id', '<', f.beforeId);
  return q.orderBy('audit_log.id', 'desc').limit(f.limit).execute();
}
