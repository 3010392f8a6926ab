import { formatNumber } from '../../../kernel/lib/format.js';
import { STATUS_LABELS } from '../labels.js';
import type { QuestionStatus, QuestionTopicRow } from '../../../kernel/db/tables/questions.js';
import type { QuestionStats } from '../stats.js';
import { formatDate } from '../../../kernel/lib/format.js';
import { Csrf, ErrorSummary, Field, Notice, type FieldErrors } from '../../../kernel/views/admin/forms.js';
import { AdminLayout, type AdminFrame } from '../../../kernel/views/admin/layout.js';
import { BASE, SubNav } from './queue-view.js';

/** Statistics of answer times (and the overdue limit), and the topic list. */
const days = (n: number | null) => (n === null ? '—' : `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(n)} ngày`);

export function StatsPage({ frame, s, canConfigure, errors, typedDays, notice }: { frame: AdminFrame; s: QuestionStats; canConfigure: boolean; errors: FieldErrors; typedDays: string; notice?: string }) {
  return (
    <AdminLayout frame={frame} title="Thống kê hỏi đáp">
      <h1>Thống kê hỏi đáp</h1>
      <SubNav current={`${BASE}/thong-ke`} />
      {notice && <Notice kind="ok">{notice}</Notice>}
      <ErrorSummary errors={errors} />
      <ul class="qa-counts">
        {(Object.keys(STATUS_LABELS) as QuestionStatus[]).map((k) => <li>{STATUS_LABELS[k]}: <strong>{formatNumber(s.counts[k])}</strong></li>)}
      </ul>
      <table class="data-table qa-stats">
        <caption>Thời gian trả lời (từ khi nhận đến khi trả lời)</caption>
        <thead><tr><th scope="col">Khoảng thời gian</th><th scope="col">Số câu đã trả lời</th><th scope="col">Trung vị</th><th scope="col">90% trả lời trong vòng</th></tr></thead>
        <tbody>
          {s.periods.map((p) => (
            <tr><th scope="row">{p.days} ngày qua</th><td>{formatNumber(p.answered)}</td><td>{days(p.medianDays)}</td><td>{days(p.p90Days)}</td></tr>
          ))}
        </tbody>
      </table>
      <h2>Quá hạn (chưa trả lời sau {s.overdueDays} ngày): {formatNumber(s.overdue.length)}</h2>
      {s.overdue.length ? (
        <ul class="qa-overdue-list">
          {s.overdue.map((q) => <li class="qa-overdue"><a href={`${BASE}/${q.id}`}>{q.title}</a> — gửi {formatDate(q.created_at)}{q.assignee_name ? `, ${q.assignee_name}` : ', chưa giao'}</li>)}
        </ul>
      ) : <p class="empty">Không có câu hỏi quá hạn.</p>}
      {canConfigure && (
        <section class="status-panel" aria-labelledby="thoi-han">
          <h2 id="thoi-han">Thời hạn trả lời</h2>
          <form method="post" action={`${BASE}/thong-ke`} novalidate>
            <Csrf token={frame.csrf} />
            <Field name="so_ngay" label="Số ngày" value={typedDays} errors={errors} inputMode="numeric" hint="Câu hỏi chưa trả lời sau số ngày này được đánh dấu quá hạn (mặc định 15 ngày)." />
            <button type="submit">Lưu</button>
          </form>
        </section>
      )}
    </AdminLayout>
  );
}

export function TopicsPage({ frame, topics, canConfigure, errors, typed, notice }: { frame: AdminFrame; topics: QuestionTopicRow[]; canConfigure: boolean; errors: FieldErrors; typed: string; notice?: string }) {
  return (
    <AdminLayout frame={frame} title="Chủ đề hỏi đáp">
      <h1>Chủ đề hỏi đáp</h1>
      <SubNav current={`${BASE}/chu-de`} />
      {notice && <Notice kind="ok">{notice}</Notice>}
      <ErrorSummary errors={errors} />
      {topics.length ? (
        <table class="data-table">
          <caption class="visually-hidden">Chủ đề của biểu mẫu gửi câu hỏi</caption>
          <thead><tr><th scope="col">Tên chủ đề</th><th scope="col">Đường dẫn</th>{canConfigure && <th scope="col">Thao tác</th>}</tr></thead>
          <tbody>
            {topics.map((t) => (
              <tr>
                <th scope="row">{t.name}</th>
                <td>/hoi-dap/chu-de/{t.slug}</td>
                {canConfigure && (
                  <td class="workflow">
                    <form method="post" action={`${BASE}/chu-de/${t.id}`} class="inline-form">
                      <Csrf token={frame.csrf} />
                      <label for={`ten-${t.id}`} class="visually-hidden">Tên mới cho {t.name}</label>
                      <input id={`ten-${t.id}`} name="ten" type="text" value={t.name} />
                      <button type="submit">Đổi tên</button>
                    </form>
                    <form method="post" action={`${BASE}/chu-de/${t.id}/xoa`}>
                      <Csrf token={frame.csrf} />
                      <button type="submit" class="danger" aria-label={`Xoá: ${t.name}`}>Xoá</button>
                    </form>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ) : <p class="empty">Chưa có chủ đề; biểu mẫu gửi câu hỏi không hỏi chủ đề.</p>}
      {canConfigure && (
        <section class="status-panel" aria-labelledby="them-chu-de">
          <h2 id="them-chu-de">Thêm chủ đề</h2>
          <form method="post" action={`${BASE}/chu-de`} novalidate>
            <Csrf token={frame.csrf} />
            <Field name="ten" label="Tên chủ đề" value={typed} errors={errors} required />
            <button type="submit" class="primary">Thêm</button>
          </form>
        </section>
      )}
    </AdminLayout>
  );
}
