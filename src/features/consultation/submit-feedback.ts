import type { Db } from '../../kernel/db/connection.js';
import { contentHash, FORM, VERIFY, WRONG_CODE } from '../comments/input.js';
import { fail, type FieldErrors } from '../../kernel/forms.js';
import { clientBucket, type Counter } from '../../kernel/citizen/limits.js';
import type { Verification } from '../../kernel/citizen/verification.js';
import type { PageCache } from '../../kernel/http/page-cache.js';
import { DRAFTS_PATH } from '../polls/paths.js';
import { CLOSED_TEXT, isOpen } from './deadline.js';
import { FB, validateFeedback, type FeedbackForm } from './input.js';
import { isDuplicateFeedback, type DraftItem } from './repo.js';

/**
 * Sending feedback on a draft: the deadline, the fields, duplicates and the address's limit, then
 * the verification step (which uses the proof up), then the draft's budget shared by everyone,
 * then store — the order of comments (src/features/comments/post-comment.ts), so nothing is
 * stored when any check fails, a person fixing a typo does not solve the verification again, and
 * junk proofs spend nobody's budget but their sender's (issue 16). Answers to the fallback
 * question draw on a smaller part of the draft's budget; feedback is never published (the
 * drafting office reads it in the back office).
 */
export interface FeedbackContext {
  db: Db;
  cache: PageCache;
  verification: Verification;
  counter: Counter;
  /** Keys the rate-limit buckets (no IP address kept, even in memory). */
  limiterSecret: string;
  siteId: number;
  ip: string;
  visitor: string;
  now: Date;
}

/** perDraftFallback: the part of perDraft that answers to the fallback question may use. */
export const FEEDBACK_LIMITS = { perIp: 5, perDraft: 60, perDraftFallback: 15, windowMs: 10 * 60_000 };
export const DUPLICATE = 'Góp ý này đã được gửi trước đó.';
export const SENT = 'Cảm ơn bạn đã góp ý. Ý kiến của bạn đã được gửi đến cơ quan soạn thảo.';

export type FeedbackResult = { ok: true; id: number | null } | { ok: false; errors: FieldErrors; verificationUsed: boolean; status: number };

export async function submitFeedback(cx: FeedbackContext, draft: DraftItem, form: FeedbackForm): Promise<FeedbackResult> {
  const refuse = (errors: FieldErrors, status = 422, verificationUsed = false): FeedbackResult => ({ ...fail(errors), verificationUsed, status });
  if (!isOpen(draft.consultation_until, cx.now)) return refuse({ [FORM]: `${CLOSED_TEXT}: dự thảo này không nhận thêm ý kiến.` }, 409);
  // A filled honeypot is a robot: it is thanked and nothing is kept.
  if (form.honeypot.trim()) return { ok: true, id: null };

  const { value, errors } = validateFeedback(form);
  if (!form.altcha && !(form.token && form.answer.trim())) errors[VERIFY] = WRONG_CODE;
  if (Object.keys(errors).length) return refuse(errors);

  const hash = contentHash(value.content);
  if (await isDuplicateFeedback(cx.db, cx.siteId, draft.id, hash)) return refuse({ [FB.content]: DUPLICATE });
  const limited = await takeAddress(cx);
  if (limited) return refuse({ [FORM]: limited }, 429);

  const fallback = !form.altcha;
  const verified = fallback ? await cx.verification.verifyAnswer(cx.siteId, form.token, form.answer) : await cx.verification.verifyAltcha(form.altcha);
  if (!verified) return refuse({ [VERIFY]: WRONG_CODE }, 422, true);
  const busy = await takeDraft(cx, draft.id, fallback);
  if (busy) return refuse({ [FORM]: busy }, 429, true);

  const row = await cx.db
    .insertInto('draft_feedback')
    .values({
      site_id: cx.siteId, document_id: draft.id, name: value.name, contact: value.contact, organisation: value.organisation, content: value.content,
      content_hash: hash, visitor: cx.visitor, processed: 0, processed_by: null, processed_at: null, created_at: cx.now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // The public pages show how many people sent feedback.
  cx.cache.purgePaths(cx.siteId, [DRAFTS_PATH]);
  return { ok: true, id: row.id };
}

async function takeAddress(cx: FeedbackContext): Promise<string | null> {
  const { perIp, windowMs } = FEEDBACK_LIMITS;
  const ok = await cx.counter.take(`fb-ip:${clientBucket(cx.limiterSecret, cx.ip)}`, perIp, windowMs, cx.now.getTime());
  return ok ? null : 'Bạn đã gửi nhiều góp ý trong thời gian ngắn. Vui lòng thử lại sau ít phút.';
}

async function takeDraft(cx: FeedbackContext, draftId: number, fallback: boolean): Promise<string | null> {
  const { perDraft, perDraftFallback, windowMs } = FEEDBACK_LIMITS;
  const t = cx.now.getTime();
  const busy = 'Dự thảo đang nhận quá nhiều góp ý. Vui lòng thử lại sau ít phút.';
  if (fallback && !(await cx.counter.take(`fb-dfb:${cx.siteId}:${draftId}`, perDraftFallback, windowMs, t))) return busy;
  return (await cx.counter.take(`fb-d:${cx.siteId}:${draftId}`, perDraft, windowMs, t)) ? null : busy;
}
