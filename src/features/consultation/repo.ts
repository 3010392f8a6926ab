import type { Db } from '../../kernel/db/connection.js';
import { localIsoDate } from '../../kernel/lib/format.js';
import type { DraftFeedbackRow } from '../../kernel/db/tables/polls.js';

/**
 * Drafts open for comment are documents of the library with status 'du-thao' and a last day
 * (src/kernel/db/tables/documents.ts); their feedback is ours. Every query is scoped by the site.
 */
export interface DraftItem {
  id: number;
  slug: string;
  number: string;
  title: string;
  issuer: string;
  type_name: string;
  consultation_until: string;
  updated_at: string;
  feedback: number;
}

function drafts(db: Db, siteId: number) {
  return db
    .selectFrom('documents')
    .innerJoin('document_types', 'document_types.id', 'documents.type_id')
    .select(['documents.id', 'documents.slug', 'documents.number', 'documents.title', 'documents.issuer', 'documents.updated_at', 'document_types.name as type_name'])
    .select('documents.consultation_until')
    .select((eb) => eb.selectFrom('draft_feedback').select((e) => e.fn.countAll<number>().as('n')).whereRef('draft_feedback.document_id', '=', 'documents.id').as('feedback'))
    .where('documents.site_id', '=', siteId)
    .where('documents.status', '=', 'du-thao')
    .where('documents.consultation_until', 'is not', null);
}

function normalise(rows: { consultation_until: string | null; feedback: number | string | bigint | null }[]): DraftItem[] {
  return rows.map((r) => ({ ...(r as DraftItem), feedback: Number(r.feedback ?? 0) }));
}

/** Published drafts with a last day: open ones (soonest deadline first) and closed ones (latest first). */
export async function listPublicDrafts(db: Db, siteId: number, now: Date): Promise<{ open: DraftItem[]; closed: DraftItem[] }> {
  const today = localIsoDate(now);
  const base = () => drafts(db, siteId).where('documents.published', '=', 1);
  const [open, closed] = await Promise.all([
    base().where('documents.consultation_until', '>=', today).orderBy('documents.consultation_until').orderBy('documents.id').limit(100).execute(),
    base().where('documents.consultation_until', '<', today).orderBy('documents.consultation_until', 'desc').orderBy('documents.id', 'desc').limit(100).execute(),
  ]);
  return { open: normalise(open), closed: normalise(closed) };
}

/** One draft (published only for the public side). */
export async function findDraft(db: Db, siteId: number, id: number, publishedOnly = true): Promise<DraftItem | null> {
  let q = drafts(db, siteId).where('documents.id', '=', id);
  if (publishedOnly) q = q.where('documents.published', '=', 1);
  const r = await q.executeTakeFirst();
  return r ? normalise([r])[0]! : null;
}

/** Every draft of the site for the back office, with feedback counts. */
export async function listAllDrafts(db: Db, siteId: number): Promise<(DraftItem & { unprocessed: number; published: number })[]> {
  const rows = await drafts(db, siteId)
    .select('documents.published')
    .select((eb) =>
      eb.selectFrom('draft_feedback').select((e) => e.fn.countAll<number>().as('n')).whereRef('draft_feedback.document_id', '=', 'documents.id').where('draft_feedback.processed', '=', 0).as('unprocessed'),
    )
    .orderBy('documents.consultation_until', 'desc')
    .limit(500)
    .execute();
  return normalise(rows).map((r, i) => ({ ...r, unprocessed: Number(rows[i]!.unprocessed ?? 0), published: rows[i]!.published }));
}

export async function listFeedback(db: Db, siteId: number, documentId: number): Promise<DraftFeedbackRow[]> {
  return db.selectFrom('draft_feedback').selectAll().where('site_id', '=', siteId).where('document_id', '=', documentId).orderBy('created_at').orderBy('id').limit(10_000).execute();
}

export async function isDuplicateFeedback(db: Db, siteId: number, documentId: number, hash: string): Promise<boolean> {
  const r = await db.selectFrom('draft_feedback').select('id').where('site_id', '=', siteId).where('document_id', '=', documentId).where('content_hash', '=', hash).limit(1).executeTakeFirst();
  return !!r;
}
