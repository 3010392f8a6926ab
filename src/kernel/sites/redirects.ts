import type { Db } from '../db/connection.js';

/**
 * Records that a public address moved. The new address is live again if it had been an old one;
 * earlier addresses that led to the old one now lead straight to the new one (no chains).
 */
export async function recordMove(tx: Db, siteId: number, from: string, to: string, now: Date): Promise<void> {
  if (from === to) return;
  await tx.deleteFrom('redirects').where('site_id', '=', siteId).where('from_path', 'in', [to, from]).execute();
  await tx.updateTable('redirects').set({ to_path: to }).where('site_id', '=', siteId).where('to_path', '=', from).execute();
  await tx.insertInto('redirects').values({ site_id: siteId, from_path: from, to_path: to, created_at: now.toISOString() }).execute();
}

/**
 * Where an unknown path of a site moved, if it did: the path itself, or a path under a moved
 * address ("/chuyen-muc/cu/trang-2" → "/chuyen-muc/moi/trang-2").
 */
export async function findMove(db: Db, siteId: number, path: string): Promise<string | null> {
  const parts = path.split('/');
  const candidates = [path];
  if (parts.length > 3) candidates.push(parts.slice(0, 3).join('/'));
  const rows = await db.selectFrom('redirects').select(['from_path', 'to_path']).where('site_id', '=', siteId).where('from_path', 'in', candidates).execute();
  const exact = rows.find((r) => r.from_path === path);
  if (exact) return exact.to_path;
  const prefix = rows[0];
  return prefix ? prefix.to_path + path.slice(prefix.from_path.length) : null;
}
