import { sql } from 'kysely';
import type { Db } from '../../kernel/db/connection.js';
import { searchFold } from '../../kernel/lib/text.js';
import type { QuestionRow, QuestionStatus, QuestionTopicRow } from '../../kernel/db/tables/questions.js';

/**
 * Queries of Hỏi đáp, every one scoped by site. The public ones select only PUBLIC_COLUMNS:
 * the asker's name, phone, email and address never leave the back office.
 */
export const DEFAULT_OVERDUE_DAYS = 15;

export const PUBLIC_COLUMNS = ['id', 'site_id', 'topic_id', 'kind', 'title', 'body', 'answer', 'slug', 'created_at', 'answered_at', 'published_at', 'updated_at'] as const;
export type PublicQuestion = Pick<QuestionRow, (typeof PUBLIC_COLUMNS)[number]>;

/** The stored search column: folded words between single spaces, one at each end. */
export function searchTextOf(...parts: string[]): string {
  return ` ${searchFold(parts.join(' '))} `;
}

export function listTopics(db: Db, siteId: number): Promise<QuestionTopicRow[]> {
  return db.selectFrom('question_topics').selectAll().where('site_id', '=', siteId).orderBy('position').orderBy('id').execute();
}

export async function findTopicBySlug(db: Db, siteId: number, slug: string): Promise<QuestionTopicRow | undefined> {
  return db.selectFrom('question_topics').selectAll().where('site_id', '=', siteId).where('slug', '=', slug).executeTakeFirst();
}

export async function overdueDays(db: Db, siteId: number): Promise<number> {
  const r = await db.selectFrom('question_settings').select('overdue_days').where('site_id', '=', siteId).executeTakeFirst();
  return r?.overdue_days ?? DEFAULT_OVERDUE_DAYS;
}

/** The words of a search, folded (see src/kernel/search/query.ts): every clause must occur. */
export type Clauses = string[][];

function published(db: Db, siteId: number, topicId: number | null, clauses: Clauses) {
  let q = db.selectFrom('questions').where('site_id', '=', siteId).where('published', '=', 1).where('status', '=', 'answered');
  if (topicId !== null) q = q.where('topic_id', '=', topicId);
  // The folded text holds only letters, digits and single spaces (padded with one at each end),
  // so no LIKE wildcard can come in and every clause matches whole words.
  for (const c of clauses) q = q.where('search_text', 'like', `% ${c.join(' ')} %`);
  return q;
}

export interface PublishedListOptions {
  topicId?: number | null;
  clauses?: Clauses;
  limit: number;
  offset?: number;
  /** Answered at or after this ISO time. */
  since?: string;
  /** Answered before this ISO time. */
  before?: string;
  /** Only those after this one in the list's order (newest answer first): keyset paging. */
  after?: { answeredAt: string; id: number };
}

export async function listPublished(db: Db, siteId: number, o: PublishedListOptions): Promise<PublicQuestion[]> {
  let q = published(db, siteId, o.topicId ?? null, o.clauses ?? []);
  if (o.since) q = q.where('answered_at', '>=', o.since);
  if (o.before) q = q.where('answered_at', '<', o.before);
  const after = o.after;
  if (after) q = q.where((eb) => eb.or([eb('answered_at', '<', after.answeredAt), eb.and([eb('answered_at', '=', after.answeredAt), eb('id', '<', after.id)])]));
  return q
    .select([...PUBLIC_COLUMNS])
    .orderBy('answered_at', 'desc')
    .orderBy('id', 'desc')
    .limit(o.limit)
    .offset(o.offset ?? 0)
    .execute();
}

export async function countPublished(db: Db, siteId: number, o: { topicId?: number | null; clauses?: Clauses } = {}): Promise<number> {
  const r = await published(db, siteId, o.topicId ?? null, o.clauses ?? []).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function findPublished(db: Db, siteId: number, id: number): Promise<PublicQuestion | undefined> {
  return published(db, siteId, null, []).select([...PUBLIC_COLUMNS]).where('id', '=', id).executeTakeFirst();
}

/** Newest change among the published questions (Last-Modified of the list and feed). */
export async function lastPublishedChange(db: Db, siteId: number): Promise<string | null> {
  const r = await published(db, siteId, null, []).select((eb) => eb.fn.max('updated_at').as('t')).executeTakeFirst();
  return (r?.t as string | null | undefined) ?? null;
}

/** What the citizen sees with their code: status, reason, answer — never the stored contact. */
export async function findByTrackingHash(db: Db, siteId: number, hash: string) {
  return db
    .selectFrom('questions')
    .select(['id', 'title', 'status', 'reject_reason', 'answer', 'answered_at', 'created_at', 'published', 'slug'])
    .where('site_id', '=', siteId)
    .where('tracking_hash', '=', hash)
    .executeTakeFirst();
}

export async function isDuplicate(db: Db, siteId: number, bodyHash: string): Promise<boolean> {
  const r = await db.selectFrom('questions').select('id').where('site_id', '=', siteId).where('body_hash', '=', bodyHash).executeTakeFirst();
  return !!r;
}

export interface QueueFilter {
  status?: QuestionStatus;
  topicId?: number;
  /** A user id, or 0 for "not assigned". */
  assigneeId?: number;
  limit: number;
  offset: number;
}

export type QueueRow = QuestionRow & { assignee_name: string | null; topic_name: string | null };

function queue(db: Db, siteId: number, f: Omit<QueueFilter, 'limit' | 'offset'>) {
  let q = db.selectFrom('questions').where('questions.site_id', '=', siteId);
  if (f.status) q = q.where('questions.status', '=', f.status);
  if (f.topicId) q = q.where('questions.topic_id', '=', f.topicId);
  if (f.assigneeId === 0) q = q.where('questions.assignee_id', 'is', null);
  else if (f.assigneeId) q = q.where('questions.assignee_id', '=', f.assigneeId);
  return q;
}

export async function listQueue(db: Db, siteId: number, f: QueueFilter): Promise<QueueRow[]> {
  return queue(db, siteId, f)
    .leftJoin('users', 'users.id', 'questions.assignee_id')
    .leftJoin('question_topics', 'question_topics.id', 'questions.topic_id')
    .selectAll('questions')
    .select(['users.display_name as assignee_name', 'question_topics.name as topic_name'])
    // Open questions first, oldest first: the ones closest to their deadline lead the queue.
    .orderBy(sql`case when questions.status in ('received', 'processing') then 0 else 1 end`)
    .orderBy('questions.created_at', 'asc')
    .orderBy('questions.id', 'asc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
}

export async function countQueue(db: Db, siteId: number, f: Omit<QueueFilter, 'limit' | 'offset'>): Promise<number> {
  const r = await queue(db, siteId, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function countByStatus(db: Db, siteId: number): Promise<Record<QuestionStatus, number>> {
  const rows = await db.selectFrom('questions').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).where('site_id', '=', siteId).groupBy('status').execute();
  const out: Record<QuestionStatus, number> = { received: 0, processing: 0, answered: 0, rejected: 0 };
  for (const r of rows) out[r.status] = Number(r.n);
  return out;
}

export async function findQuestion(db: Db, siteId: number, id: number): Promise<QueueRow | undefined> {
  return db
    .selectFrom('questions')
    .leftJoin('users', 'users.id', 'questions.assignee_id')
    .leftJoin('question_topics', 'question_topics.id', 'questions.topic_id')
    .selectAll('questions')
    .select(['users.display_name as assignee_name', 'question_topics.name as topic_name'])
    .where('questions.site_id', '=', siteId)
    .where('questions.id', '=', id)
    .executeTakeFirst();
}

/** People of the site who may handle questions (the assignee list). */
export async function listStaff(db: Db, siteId: number): Promise<{ id: number; display_name: string }[]> {
  return db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.id', 'users.display_name'])
    .where('user_roles.site_id', '=', siteId)
    .where('user_roles.role', 'in', ['site_admin', 'approver', 'editor', 'moderator'])
    .where('users.disabled', '=', 0)
    .groupBy(['users.id', 'users.display_name'])
    .orderBy('users.display_name')
    .execute();
}

/** Creation and answer times of the questions answered since `sinceIso`. */
export async function answeredSince(db: Db, siteId: number, sinceIso: string): Promise<{ created_at: string; answered_at: string }[]> {
  const rows = await db
    .selectFrom('questions')
    .select(['created_at', 'answered_at'])
    .where('site_id', '=', siteId)
    .where('status', '=', 'answered')
    .where('answered_at', '>=', sinceIso)
    .execute();
  return rows.filter((r): r is { created_at: string; answered_at: string } => r.answered_at !== null);
}

/** Open questions (received or processing) created before `beforeIso`, oldest first. */
export async function listOverdue(db: Db, siteId: number, beforeIso: string): Promise<QueueRow[]> {
  return db
    .selectFrom('questions')
    .leftJoin('users', 'users.id', 'questions.assignee_id')
    .leftJoin('question_topics', 'question_topics.id', 'questions.topic_id')
    .selectAll('questions')
    .select(['users.display_name as assignee_name', 'question_topics.name as topic_name'])
    .where('questions.site_id', '=', siteId)
    .where('questions.status', 'in', ['received', 'processing'])
    .where('questions.created_at', '<', beforeIso)
    .orderBy('questions.created_at')
    .limit(200)
    .execute();
}

