import type { FastifyInstance } from 'fastify';
import { countByStatus, listArticlesAdmin, type AdminListRow } from '../articles/admin-repo.js';
import { articlePolicy } from '../articles/policy.js';
import { formatDateTime, formatNumber } from '../../kernel/lib/format.js';
import { actorOf, ADMIN, adminFrame, sendAdmin } from '../../kernel/http/admin-scope.js';
import { STATUS_NAMES, STATUSES } from '../articles/admin/status.js';
import { AdminLayout, type AdminFrame } from '../../kernel/views/admin/layout.js';
import { listMyInvitations } from './invitations/repo.js';
import { listSubmittedEdits } from '../articles/review-repo.js';

type SubmittedEdit = Awaited<ReturnType<typeof listSubmittedEdits>>[number];

function DashboardPage({ frame, counts, mine, waiting, edits, invitations }: { frame: AdminFrame; counts: Record<string, number> | null; mine: AdminListRow[]; waiting: AdminListRow[]; edits: SubmittedEdit[]; invitations: number }) {
  return (
    <AdminLayout frame={frame} title="Tổng quan">
      <h1>Xin chào, {frame.actor?.displayName}</h1>
      {invitations > 0 && (
        <p class="notice" role="status">
          Bạn có {formatNumber(invitations)} lời mời tham gia trang khác. <a href="/quan-tri/loi-moi">Xem và trả lời lời mời</a>
        </p>
      )}
      {counts && (
        <section aria-labelledby="so-lieu">
          <h2 id="so-lieu">Bài viết theo trạng thái</h2>
          <div class="cards">
            {STATUSES.map((s) => (
              <a class="card" href={`/quan-tri/bai-viet?trang_thai=${s}`}>
                <span class="n">{formatNumber(counts[s] ?? 0)}</span> {STATUS_NAMES[s]}
              </a>
            ))}
          </div>
        </section>
      )}
      {waiting.length > 0 && (
        <section aria-labelledby="cho-duyet">
          <h2 id="cho-duyet">Bài chờ duyệt</h2>
          <ul>{waiting.map((a) => <li><a href={`/quan-tri/bai-viet/${a.id}`}>{a.title}</a> <span class="muted">({a.author_name ?? '—'}, {formatDateTime(a.updated_at)})</span></li>)}</ul>
        </section>
      )}
      {edits.length > 0 && (
        <section aria-labelledby="ban-sua-cho-duyet">
          <h2 id="ban-sua-cho-duyet">Bản sửa chờ duyệt</h2>
          <ul>{edits.map((e) => <li><a href={`/quan-tri/bai-viet/${e.article_id}`}>{e.title}</a> <span class="muted">({formatDateTime(e.updated_at)})</span></li>)}</ul>
        </section>
      )}
      <section aria-labelledby="bai-cua-toi">
        <h2 id="bai-cua-toi">Bài viết gần đây của tôi</h2>
        {mine.length ? (
          <ul>{mine.map((a) => <li><a href={`/quan-tri/bai-viet/${a.id}`}>{a.title}</a> <span class={`status status-${a.status}`}>{STATUS_NAMES[a.status]}</span></li>)}</ul>
        ) : (
          <p class="muted">Bạn chưa có bài viết nào.</p>
        )}
      </section>
    </AdminLayout>
  );
}

export async function dashboardRoutes(app: FastifyInstance): Promise<void> {
  const ctx = app.cong;
  app.get(ADMIN, async (request, reply) => {
    const actor = actorOf(request);
    const siteId = request.site.id;
    const writer = articlePolicy.list(actor, siteId);
    const editorView = articlePolicy.view(actor, { site_id: siteId, status: 'published', created_by: -1, updated_by: -1 });
    const [counts, mine, waiting, edits, invitations] = await Promise.all([
      editorView ? countByStatus(ctx.db, siteId) : null,
      writer ? listArticlesAdmin(ctx.db, siteId, { authorId: actor.userId, sort: 'updated', limit: 10 }) : [],
      editorView ? listArticlesAdmin(ctx.db, siteId, { status: 'submitted', sort: 'updated', limit: 10 }) : [],
      editorView ? listSubmittedEdits(ctx.db, siteId, 10) : [],
      listMyInvitations(ctx.db, actor.userId, ctx.now()),
    ]);
    return sendAdmin(reply, <DashboardPage frame={adminFrame(app, request, reply)} counts={counts} mine={mine} waiting={waiting} edits={edits} invitations={invitations.length} />);
  });
}
