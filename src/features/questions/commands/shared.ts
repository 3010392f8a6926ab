import type { CommandContext, CommandResult } from '../../../kernel/commands.js';
import type { Db } from '../../../kernel/db/connection.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { questionPolicy } from '../policy.js';
import type { QuestionRow } from '../../../kernel/db/tables/questions.js';

export type { CommandContext, CommandResult };

export const SECTION_PATH = '/hoi-dap';

export function assertHandle(cx: CommandContext): void {
  if (!questionPolicy.handle(cx.actor, cx.site.id)) throw new AppError('forbidden');
}

export function assertConfigure(cx: CommandContext): void {
  if (!questionPolicy.configure(cx.actor, cx.site.id)) throw new AppError('forbidden');
}

/** The site's question, or 404 (another site's id is simply not found). */
export async function loadQuestion(db: Db, siteId: number, id: number): Promise<QuestionRow> {
  const q = await db.selectFrom('questions').selectAll().where('site_id', '=', siteId).where('id', '=', id).executeTakeFirst();
  if (!q) throw new AppError('not_found');
  return q;
}

/** What the audit log keeps of a question: its state, never the asker's details. */
export function auditView(q: Pick<QuestionRow, 'status' | 'assignee_id' | 'published' | 'answer' | 'reject_reason' | 'topic_id'>) {
  return { status: q.status, assignee_id: q.assignee_id, published: q.published, answer: q.answer, reject_reason: q.reject_reason, topic_id: q.topic_id };
}

/** Every public page of the section (list, topics, Q&A pages, feed) and the sitemap. */
export function purgeSection(cx: CommandContext): void {
  cx.cache.purgePrefix(cx.site.id, SECTION_PATH);
  cx.cache.purgePaths(cx.site.id, ['/sitemap.xml']);
}
