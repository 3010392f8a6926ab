import { formatDate, formatNumber } from '../../../kernel/lib/format.js';
import { STATUS_LABELS, STATUS_SLUGS, slugOfStatus } from '../labels.js';
import type { QueueRow } from '../repo.js';
import type { QuestionStatus, QuestionTopicRow } from '../../../kernel/db/tables/questions.js';
import { isOverdue } from '../stats.js';
import { Notice } from '../../../kernel/views/admin/forms.js';
import { AdminLayout, type AdminFrame } from '../../../kernel/views/admin/layout.js';

/** The queue of citizens' questions: counts per status, filters, one table; overdue rows highlighted. */
export const BASE = '/quan-tri/hoi-dap';

const BADGES: Record<QuestionStatus, string> = {
  received: 'status-submitted',
  processing: 'status-draft',
  answered: 'status-published',
  rejected: 'status-returned',
};

export function StatusBadge({ status }: { status: QuestionStatus }) {
  return <span class={`badge ${BADGES[status]}`}>{STATUS_LABELS[status]}</span>;
}

export function SubNav({ current }: { current: string }) {
  const items = [
    { href: BASE, label: 'Hàng đợi' },
    { href: `${BASE}/thong-ke`, label: 'Thống kê' },
    { href: `${BASE}/chu-de`, label: 'Chủ đề' },
  ];
  return (
    <nav aria-label="Hỏi đáp">
      <ul class="tabs">
        {items.map((i) => <li><a href={i.href} aria-current={i.href === current ? 'page' : undefined}>{i.label}</a></li>)}
      </ul>
    </nav>
  );
}

export interface QueueProps {
  frame: AdminFrame;
  counts: Record<QuestionStatus, number>;
  rows: QueueRow[];
  topics: QuestionTopicRow[];
  staff: { id: number; display_name: string }[];
  filter: { status?: QuestionStatus; topicId?: number; assigneeId?: number };
  overdueDays: number;
  now: Date;
  notice?: string;
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
}

export function QueuePage(p: QueueProps) {
  const total = Object.values(p.counts).reduce((a, b) => a + b, 0);
  return (
    <AdminLayout frame={p.frame} title="Hỏi đáp">
      <h1>Hỏi đáp</h1>
      <SubNav current={BASE} />
      {p.notice && <Notice kind="ok">{p.notice}</Notice>}
      <ul class="qa-counts">
        <li><a href={BASE}>Tất cả: {formatNumber(total)}</a></li>
        {(Object.keys(STATUS_LABELS) as QuestionStatus[]).map((s) => (
          <li><a href={`${BASE}?trang_thai=${slugOfStatus(s)}`} aria-current={p.filter.status === s ? 'page' : undefined}>{STATUS_LABELS[s]}: {formatNumber(p.counts[s])}</a></li>
        ))}
      </ul>
      <form method="get" action={BASE} class="filters">
        <div class="field">
          <label for="loc-trang-thai">Trạng thái</label>
          <select id="loc-trang-thai" name="trang_thai">
            <option value="">Tất cả</option>
            {Object.entries(STATUS_SLUGS).map(([slug, s]) => <option value={slug} selected={p.filter.status === s}>{STATUS_LABELS[s]}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="loc-chu-de">Chủ đề</label>
          <select id="loc-chu-de" name="chu_de">
            <option value="">Tất cả</option>
            {p.topics.map((t) => <option value={String(t.id)} selected={p.filter.topicId === t.id}>{t.name}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="loc-nguoi">Người xử lý</label>
          <select id="loc-nguoi" name="nguoi_xu_ly">
            <option value="">Tất cả</option>
            <option value="0" selected={p.filter.assigneeId === 0}>Chưa giao</option>
            {p.staff.map((u) => <option value={String(u.id)} selected={p.filter.assigneeId === u.id}>{u.display_name}</option>)}
          </select>
        </div>
        <button type="submit">Lọc</button>
      </form>
      {p.rows.length === 0 ? (
        <p class="empty">Không có câu hỏi nào.</p>
      ) : (
        <table class="data-table">
          <caption class="visually-hidden">Câu hỏi của người dân: câu chưa trả lời trước, cũ nhất trước</caption>
          <thead>
            <tr><th scope="col">Câu hỏi</th><th scope="col">Chủ đề</th><th scope="col">Ngày gửi</th><th scope="col">Trạng thái</th><th scope="col">Người xử lý</th></tr>
          </thead>
          <tbody>
            {p.rows.map((q) => {
              const late = isOverdue(q, p.overdueDays, p.now);
              return (
                <tr class={late ? 'qa-overdue' : undefined}>
                  <th scope="row">
                    <a href={`${BASE}/${q.id}`}>{q.title}</a>
                    {q.kind === 'feedback' && <span class="muted"> (phản ánh, kiến nghị)</span>}
                    {late && <strong class="qa-late"> Quá hạn</strong>}
                  </th>
                  <td>{q.topic_name ?? '—'}</td>
                  <td>{formatDate(q.created_at)}</td>
                  <td><StatusBadge status={q.status} />{q.published ? <span class="muted"> · công khai</span> : null}</td>
                  <td>{q.assignee_name ?? 'Chưa giao'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {p.pages > 1 && (
        <nav class="pagination" aria-label="Phân trang">
          <ul>
            {p.page > 1 && <li><a href={p.hrefFor(p.page - 1)} rel="prev">« Trước</a></li>}
            <li><span aria-current="page">Trang {p.page}/{p.pages}</span></li>
            {p.page < p.pages && <li><a href={p.hrefFor(p.page + 1)} rel="next">Sau »</a></li>}
          </ul>
        </nav>
      )}
    </AdminLayout>
  );
}
