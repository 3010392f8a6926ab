import { writeAudit } from '../../../kernel/audit.js';
import type { Db } from '../../../kernel/db/connection.js';
import type { ArticleRow } from '../../../kernel/db/schema.js';
import type { CommandContext, CommandResult } from '../../../kernel/commands.js';
import { findPendingEdit, recordEditor } from '../review-repo.js';
import { snapshotOf, type Snapshot } from '../snapshot.js';
import { CONFLICT_MESSAGE } from './conflict.js';

/**
 * Saving a published article while the two-person rule is on (called by saveArticle, inside its
 * transaction): the text goes into the article's pending edit, never into the article, so the
 * public page keeps the approved text until someone who changed none of it approves. The saver
 * joins the editors; nothing is purged, since nothing public changed.
 */
export async function savePendingEdit(tx: Db, cx: CommandContext, article: ArticleRow, snapshot: Snapshot, expectedVersion: string | undefined): Promise<CommandResult> {
  const { site, actor, now } = cx;
  const stamp = now.toISOString();
  const pending = await findPendingEdit(tx, site.id, article.id);
  // The edit form carries the version of what it showed: the pending edit's, or the article's.
  const current = pending ? pending.updated_at : article.updated_at;
  if (expectedVersion && expectedVersion !== current) return { ok: false, errors: { _form: CONFLICT_MESSAGE } };
  const json = JSON.stringify(snapshotOf(snapshot));
  if (pending) {
    const r = await tx
      .updateTable('article_pending_edits')
      .set({ snapshot: json, updated_by: actor.userId, updated_at: stamp, status: pending.status === 'returned' ? 'editing' : pending.status })
      .where('site_id', '=', site.id)
      .where('id', '=', pending.id)
      .where('updated_at', '=', pending.updated_at)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return { ok: false, errors: { _form: CONFLICT_MESSAGE } };
  } else {
    const r = await tx
      .insertInto('article_pending_edits')
      .values({ site_id: site.id, article_id: article.id, snapshot: json, status: 'editing', updated_by: actor.userId, created_at: stamp, updated_at: stamp })
      .onConflict((oc) => oc.column('article_id').doNothing())
      .executeTakeFirst();
    // Someone else started the pending edit in between.
    if (Number(r.numInsertedOrUpdatedRows ?? 0n) !== 1) return { ok: false, errors: { _form: CONFLICT_MESSAGE } };
  }
  await recordEditor(tx, site.id, article.id, actor.userId, stamp);
  const before = pending ? (JSON.parse(pending.snapshot) as Snapshot) : snapshotOf(article);
  await writeAudit(tx, { siteId: site.id, userId: actor.userId, action: 'article.edit_pending', entityType: 'article', entityId: article.id, before, after: snapshotOf(snapshot) }, now);
  return { ok: true, value: article.id };
}
