import type { Db } from '../../../kernel/db/connection.js';
import type { Verification } from '../../../kernel/citizen/verification.js';
import { slugify } from '../../../kernel/lib/text.js';
import { fail, type FieldErrors } from '../../../kernel/forms.js';
import { contentHash, FORM, Q, validateQuestion, VERIFY, WRONG_CODE, type QuestionForm } from '../input.js';
import type { QuestionLimiter } from '../limits.js';
import { isDuplicate, listTopics, searchTextOf } from '../repo.js';
import { newTrackingCode, trackingHash } from '../tracking.js';

/**
 * A citizen sends a question or a report. The order is that of the comments (src/features/comments):
 * fields, duplicate, the address's limit, then the verification step (which uses the proof up),
 * then the site's budget shared by everyone, then one insert — so a person fixing a typo need not
 * solve the verification again, junk proofs cannot close the form to everyone (issue 16), and
 * nothing is stored when any check fails. Answers to the fallback question draw on a smaller part
 * of the site's budget; like every question they wait for staff (nothing here is published).
 * A filled honeypot gets a code that leads nowhere.
 */
export interface SubmitContext {
  db: Db;
  verification: Verification;
  limiter: QuestionLimiter;
  siteId: number;
  ip: string;
  /** Salted daily visitor hash of the sender. */
  visitor: string;
  now: Date;
}

export type SubmitResult = { ok: true; code: string } | { ok: false; errors: FieldErrors };

export const DUPLICATE = 'Câu hỏi với nội dung này đã được gửi trước đó. Vui lòng tra cứu bằng mã đã nhận.';

export async function submitQuestion(cx: SubmitContext, form: QuestionForm): Promise<SubmitResult> {
  if (form.honeypot.trim()) return { ok: true, code: newTrackingCode() };

  const topics = await listTopics(cx.db, cx.siteId);
  const { value, errors } = validateQuestion(form, topics.map((t) => t.id));
  if (!form.altcha && !(form.token && form.answer.trim())) errors[VERIFY] = WRONG_CODE;
  if (Object.keys(errors).length) return fail(errors);

  const bodyHash = contentHash(value.body);
  if (await isDuplicate(cx.db, cx.siteId, bodyHash)) return fail({ [Q.body]: DUPLICATE });
  const limited = await cx.limiter.takeAddress(cx.ip, cx.now.getTime());
  if (limited) return fail({ [FORM]: limited });

  const fallback = !form.altcha;
  const verified = fallback ? await cx.verification.verifyAnswer(cx.siteId, form.token, form.answer) : await cx.verification.verifyAltcha(form.altcha);
  if (!verified) return fail({ [VERIFY]: WRONG_CODE });
  const busy = await cx.limiter.takeSite(cx.siteId, cx.now.getTime(), fallback);
  if (busy) return fail({ [FORM]: busy });

  const at = cx.now.toISOString();
  const slug = slugify(value.title, 80);
  // A fresh code until its hash is free on the site (a clash is a one-in-10^11 event).
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = newTrackingCode();
    const hash = trackingHash(cx.siteId, code);
    const r = await cx.db
      .insertInto('questions')
      .values({
        site_id: cx.siteId,
        topic_id: value.topicId,
        kind: value.kind,
        title: value.title,
        body: value.body,
        body_hash: bodyHash,
        asker_name: value.name,
        asker_phone: value.phone,
        asker_email: value.email,
        asker_address: value.address,
        tracking_hash: hash,
        status: 'received',
        reject_reason: '',
        answer: '',
        answered_at: null,
        answered_by: null,
        assignee_id: null,
        published: 0,
        published_at: null,
        // "trang" alone would read as a page number of the list (/hoi-dap/trang-<n>).
        slug: !slug || slug === 'trang' ? 'hoi-dap' : slug,
        search_text: searchTextOf(value.title, value.body),
        visitor: cx.visitor,
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) => oc.columns(['site_id', 'tracking_hash']).doNothing())
      .executeTakeFirst();
    if (Number(r.numInsertedOrUpdatedRows ?? 0) === 1) return { ok: true, code };
  }
  throw new Error('could not allocate a tracking code');
}
