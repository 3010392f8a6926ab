import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { commandContext } from '../../../kernel/commands.js';
import { flash, redirectWithFlash, type FlashMessages } from '../../../kernel/http/flash.js';
import { Id, IdParams } from '../../../kernel/http/route-schemas.js';
import { feedbackCsv } from '../csv.js';
import { deadlineText, isOpen, CLOSED_TEXT } from '../deadline.js';
import { logExport, setFeedbackProcessed } from '../process-feedback.js';
import { findDraft, listAllDrafts, listFeedback, type DraftItem } from '../repo.js';
import { shortDay } from '../../documents/present.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { formatDateTime, formatNumber } from '../../../kernel/lib/format.js';
import { consultationPolicy } from '../../polls/policy.js';
import type { DraftFeedbackRow } from '../../../kernel/db/tables/polls.js';
import { draftPath } from '../../polls/paths.js';
import { actorOf, adminFrame, sendAdmin } from '../../../kernel/http/admin-scope.js';
import type { AdminFrame } from '../../../kernel/views/admin/layout.js';
import { Csrf } from '../../../kernel/views/admin/forms.js';
import { CONSULT_ADMIN, PollsFrame } from '../../polls/admin/views.js';

/**
 * Góp ý dự thảo in the back office: the drafts (documents with status 'du-thao', made in Văn bản)
 * with their feedback counts; per draft, the feedback with the senders' contact details, a CSV
 * export for Excel and "đã xử lý" marks.
 */
const NOTICES: FlashMessages = { 'da-xu-ly': 'Đã đánh dấu góp ý là đã xử lý.', 'bo-xu-ly': 'Đã bỏ đánh dấu đã xử lý.' };

function guard(request: FastifyRequest): void {
  if (!consultationPolicy.manage(actorOf(request), request.site.id)) throw new AppError('forbidden');
}

function DraftsScreen({ frame, drafts, now }: { frame: AdminFrame; drafts: (DraftItem & { unprocessed: number; published: number })[]; now: Date }) {
  return (
    <PollsFrame frame={frame} title="Góp ý dự thảo">
      <p class="muted">Dự thảo là văn bản có trạng thái “Dự thảo lấy ý kiến” và hạn góp ý, tạo ở mục <a href="/quan-tri/van-ban">Văn bản</a>.</p>
      {drafts.length ? (
        <table class="data-table">
          <caption class="visually-hidden">Các dự thảo lấy ý kiến và số góp ý</caption>
          <thead><tr><th scope="col">Dự thảo</th><th scope="col">Hạn góp ý</th><th scope="col">Góp ý</th><th scope="col">Chưa xử lý</th></tr></thead>
          <tbody>
            {drafts.map((d) => (
              <tr>
                <th scope="row"><a href={`${CONSULT_ADMIN}/${d.id}`}>{d.number}: {d.title}</a>{!d.published && ' (chưa đăng)'}</th>
                <td>{isOpen(d.consultation_until, now) ? deadlineText(d.consultation_until, now) : `${CLOSED_TEXT} (${shortDay(d.consultation_until)})`}</td>
                <td>{formatNumber(d.feedback)}</td>
                <td>{formatNumber(d.unprocessed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="empty">Chưa có dự thảo nào lấy ý kiến.</p>
      )}
    </PollsFrame>
  );
}

function FeedbackScreen({ frame, draft, rows, notice }: { frame: AdminFrame; draft: DraftItem; rows: DraftFeedbackRow[]; notice?: string }) {
  const base = `${CONSULT_ADMIN}/${draft.id}`;
  return (
    <PollsFrame frame={frame} title={`Góp ý: ${draft.number}`} notice={notice}>
      <p><strong>{draft.title}</strong></p>
      <p>
        {formatNumber(rows.length)} góp ý, {formatNumber(rows.filter((r) => !r.processed).length)} chưa xử lý. <a class="button" href={`${base}/csv`} download>Tải CSV (Excel)</a>
        {' '}· <a href={draftPath(draft.id)}>Xem trang góp ý</a> · <a href={CONSULT_ADMIN}>Các dự thảo</a>
      </p>
      {rows.length ? (
        <table class="data-table">
          <caption class="visually-hidden">Các góp ý, cũ nhất trước</caption>
          <thead><tr><th scope="col">Thời gian</th><th scope="col">Người góp ý</th><th scope="col">Nội dung</th><th scope="col">Trạng thái</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td>{formatDateTime(r.created_at)}</td>
                <th scope="row">{r.name}<br /><span class="muted">{r.contact}</span>{r.organisation && <><br />{r.organisation}</>}</th>
                <td>{r.content.split(/\n+/).map((line) => <p>{line}</p>)}</td>
                <td class="workflow">
                  {r.processed ? 'Đã xử lý' : 'Chưa xử lý'}
                  <form method="post" action={`${base}/${r.id}/${r.processed ? 'bo-xu-ly' : 'xu-ly'}`}>
                    <Csrf token={frame.csrf} />
                    <button type="submit" aria-label={`${r.processed ? 'Bỏ đánh dấu' : 'Đánh dấu đã xử lý'}: góp ý của ${r.name}`}>{r.processed ? 'Bỏ đánh dấu' : 'Đánh dấu đã xử lý'}</button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="empty">Chưa có góp ý nào.</p>
      )}
    </PollsFrame>
  );
}

/** A draft's feedback: /quan-tri/…/<draft id>/<feedback id>/xu-ly. */
const FeedbackParams = Type.Object({ id: Id, fid: Id });

export async function consultationAdminRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;

  async function draftOf(request: FastifyRequest, id: string): Promise<DraftItem> {
    const d = await findDraft(ctx.db, request.site.id, Number(id), false);
    if (!d) throw new AppError('not_found');
    return d;
  }

  app.get(CONSULT_ADMIN, async (request, reply) => {
    guard(request);
    return sendAdmin(reply, <DraftsScreen frame={adminFrame(app, request, reply)} drafts={await listAllDrafts(ctx.db, request.site.id)} now={ctx.now()} />);
  });

  app.get(`${CONSULT_ADMIN}/:id`, { schema: { params: IdParams } }, async (request, reply) => {
    guard(request);
    const draft = await draftOf(request, request.params.id);
    const rows = await listFeedback(ctx.db, request.site.id, draft.id);
    return sendAdmin(reply, <FeedbackScreen frame={adminFrame(app, request, reply)} draft={draft} rows={rows} notice={flash(request, NOTICES)} />);
  });

  app.get(`${CONSULT_ADMIN}/:id/csv`, { schema: { params: IdParams } }, async (request, reply) => {
    guard(request);
    const draft = await draftOf(request, request.params.id);
    const rows = await listFeedback(ctx.db, request.site.id, draft.id);
    await logExport(commandContext(request), draft.id, rows.length);
    const name = `gop-y-${draft.number.replace(/[^A-Za-z0-9]+/g, '-')}.csv`;
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('cache-control', 'no-store')
      .send(feedbackCsv(rows));
  });

  for (const [suffix, processed] of [['xu-ly', true], ['bo-xu-ly', false]] as const) {
    app.post(`${CONSULT_ADMIN}/:id/:fid/${suffix}`, { schema: { params: FeedbackParams } }, async (request, reply) => {
      guard(request);
      const draft = await draftOf(request, request.params.id);
      await setFeedbackProcessed(commandContext(request), draft.id, Number(request.params.fid), processed);
      return redirectWithFlash(reply, `${CONSULT_ADMIN}/${draft.id}`, processed ? 'da-xu-ly' : 'bo-xu-ly');
    });
  }
}
