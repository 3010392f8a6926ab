import type { Db } from '../db/connection.js';

/**
 * Makes a site a read-only archive whose work is now carried by `successorIds` (after a merge, or
 * a unit that was abolished), or makes it live again with `successorIds` null. What archive mode
 * means for readers and editors (banner, closed forms, no new content) is the sites feature's.
 */
export async function markArchived(tx: Db, siteId: number, successorIds: number[] | null, now: Date): Promise<void> {
  // tenancy: the site row itself, by its id.
  await tx
    .updateTable('sites')
    .set(successorIds ? { archived_at: now.toISOString(), successors: JSON.stringify(successorIds) } : { archived_at: null, successors: '[]' })
    .where('id', '=', siteId)
    .execute();
}
