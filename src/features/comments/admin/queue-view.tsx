import type { QueueRow } from '../repo.js';
import type { CommentRow, CommentStatus } from '../../../kernel/db/tables/interact.js';
import { MODES } from '../settings.js';
import { formatDateTime, formatNumber } from '../../../kernel/lib/format.js';
import type { CommentModeration } from '../../../kernel/sites/settings.js';
import { Csrf, Notice } from '../../../kernel/views/admin/forms.js';
import { AdminLayout, type AdminFrame } from '../../../kernel/views/admin/layout.js';

/** The moderation queue: tabs with counts per status, one table with per-row and bulk actions. */
export const BASE = '/quan-tri/binh-luan';

export const TABS: { status: CommentStatus; slug: string; label: string; badge: string }[] = [
  { status: 'pending', slug: 'cho-duyet', label: 'Chờ duyệt', badge: 'status-submitted' },
  { status: 'published', slug: 'da-dang', label: 'Đã đăng', badge: 'status-published' },
  { status: 'rejected', slug: 'tu-choi', label: 'Bị từ chối', badge: 'status-returned' },
  { status: 'spam', slug: 'rac', label: 'Thư rác', badge: 'status-unpublished' },
];

const HOLD: Record<string, string> = {
  moderation: 'Trang duyệt mọi bình luận',
  new_author: 'Người gửi mới',
  links: 'Có nhiều liên kết',
  fallback: 'Gửi qua câu hỏi xác thực (không có JavaScript)',
};

const ACTIONS: { slug: string; label: string; hideFor: CommentStatus }[] = [
  { slug: 'duyet', label: 'Duyệt', hideFor: 'published' },
  { slug: 'tu-choi', label: 'Từ chối', hideFor: 'rejected' },
  { slug: 'rac', label: 'Đánh dấu thư rác', hideFor: 'spam' },
];

export interface QueueProps {
  frame: AdminFrame;
  status: CommentStatus;
  counts: Record<CommentStatus, number>;
  rows: QueueRow[];
  replies: Map<number, CommentRow[]>;
  article: { id: number; title: string; closed: boolean } | null;
  settings: { mode: CommentModeration; closed: boolean; canConfigure: boolean };
  notice?: string;
  errors?: Record<string, string>;
  /** This page's address (actions come back to it). */
  self: string;
  nextHref: string | null;
}

export function QueuePage(p: QueueProps) {
  const tab = TABS.find((t) => t.status === p.status)!;
  const filter = p.article ? `&bai_viet=${p.article.id}` : '';
  return (
    <AdminLayout frame={p.frame} title="Bình luận">
      <h1>Bình luận</h1>
      {p.notice && <Notice kind="ok">{p.notice}</Notice>}
      {p.errors?._form && <Notice kind="error">{p.errors._form}</Notice>}
      <nav aria-label="Trạng thái bình luận">
        <ul class="tabs">
          {TABS.map((t) => (
            <li>
              <a href={`${BASE}?trang_thai=${t.slug}${filter}`} aria-current={t.status === p.status ? 'page' : undefined}>
                {t.label} ({formatNumber(p.counts[t.status])})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {p.article && <ArticleSwitch frame={p.frame} article={p.article} self={p.self} />}
      {p.rows.length === 0 ? (
        <p class="empty">Không có bình luận nào {tab.label.toLowerCase()}.</p>
      ) : (
        <form method="post" action={`${BASE}/hang-loat`}>
          <Csrf token={p.frame.csrf} />
          <input type="hidden" name="quay_lai" value={p.self} />
          <div class="filters">
            <div class="field">
              <label for="thao-tac">Với các bình luận đã chọn</label>
              <select id="thao-tac" name="thao_tac">
                {ACTIONS.filter((a) => a.hideFor !== p.status).map((a) => <option value={a.slug}>{a.label}</option>)}
              </select>
            </div>
            <button type="submit">Áp dụng</button>
          </div>
          <table class="data-table">
            <caption class="visually-hidden">Bình luận {tab.label.toLowerCase()}, mới nhất trước</caption>
            <thead><tr><th scope="col">Chọn</th><th scope="col">Bình luận</th><th scope="col">Bài viết</th><th scope="col">Thao tác</th></tr></thead>
            <tbody>{p.rows.map((r) => <Row row={r} replies={p.replies.get(r.id) ?? []} status={p.status} />)}</tbody>
          </table>
        </form>
      )}
      {p.nextHref && <p class="pager"><a href={p.nextHref}>Cũ hơn »</a></p>}
      <SettingsForm frame={p.frame} settings={p.settings} errors={p.errors ?? {}} />
    </AdminLayout>
  );
}

function Row({ row: r, replies, status }: { row: QueueRow; replies: CommentRow[]; status: CommentStatus }) {
  const who = `bình luận của ${r.author_name}`;
  return (
    <tr id={`bl-${r.id}`}>
      <td>
        <input type="checkbox" name="ids" value={String(r.id)} id={`chon-${r.id}`} />
        <label for={`chon-${r.id}`} class="visually-hidden">Chọn {who}</label>
      </td>
      <td>
        <p>
          <strong>{r.author_name}</strong> {r.author_email && <span class="muted">&lt;{r.author_email}&gt;</span>} ·{' '}
          <time dateTime={r.created_at}>{formatDateTime(r.created_at)}</time>
          {status === 'pending' && r.hold_reason && <span class="muted"> · Lý do chờ: {HOLD[r.hold_reason]}</span>}
        </p>
        {r.parent_author && <p class="muted">Trả lời {r.parent_author}: “{(r.parent_content ?? '').slice(0, 120)}”</p>}
        <p class="comment-content">{r.content}</p>
        {replies.map((o) => (
          <div class="notice notice-ok">
            <strong>Ban biên tập trả lời</strong> ({formatDateTime(o.created_at)}): {o.content}
          </div>
        ))}
      </td>
      <td>
        <a href={`/bai-viet/${r.article_slug}-${r.article_id}`}>{r.article_title}</a>
        <br />
        <a href={`${BASE}?bai_viet=${r.article_id}`} class="muted">Mọi bình luận của bài</a>
      </td>
      <td>
        {ACTIONS.filter((a) => a.hideFor !== status).map((a) => (
          <button type="submit" formaction={`${BASE}/${r.id}/${a.slug}`} class={a.slug === 'duyet' ? 'primary' : undefined}>
            {a.label}<span class="visually-hidden"> {who}</span>
          </button>
        ))}{' '}
        <a href={`${BASE}/${r.id}/sua`}>Sửa<span class="visually-hidden"> {who}</span></a>{' '}
        <a href={`${BASE}/${r.id}/tra-loi`}>Trả lời<span class="visually-hidden"> {who}</span></a>
      </td>
    </tr>
  );
}

function ArticleSwitch({ frame, article, self }: { frame: AdminFrame; article: { id: number; title: string; closed: boolean }; self: string }) {
  return (
    <div class="status-panel">
      <p>
        Bình luận của bài viết: <strong>{article.title}</strong> — {article.closed ? 'đang đóng' : 'đang mở'} bình luận. <a href={BASE}>Xem mọi bài</a>
      </p>
      <form method="post" action={`${BASE}/bai-viet/${article.id}/${article.closed ? 'mo' : 'dong'}`}>
        <Csrf token={frame.csrf} />
        <input type="hidden" name="quay_lai" value={self} />
        <button type="submit">{article.closed ? 'Mở lại bình luận cho bài này' : 'Đóng bình luận cho bài này'}</button>
      </form>
    </div>
  );
}

function SettingsForm({ frame, settings, errors }: { frame: AdminFrame; settings: QueueProps['settings']; errors: Record<string, string> }) {
  if (!settings.canConfigure) {
    return (
      <section aria-labelledby="cai-dat-bl">
        <h2 id="cai-dat-bl">Cài đặt bình luận của trang</h2>
        <p>{MODES[settings.mode]}{settings.closed ? '. Bình luận đang đóng trên toàn trang.' : '.'}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="cai-dat-bl">
      <h2 id="cai-dat-bl">Cài đặt bình luận của trang</h2>
      <form method="post" action={`${BASE}/cai-dat`}>
        <Csrf token={frame.csrf} />
        <fieldset>
          <legend>Cách duyệt bình luận mới</legend>
          {errors.che_do && <p class="field-error">{errors.che_do}</p>}
          {(Object.keys(MODES) as CommentModeration[]).map((m) => (
            <div>
              <input type="radio" name="che_do" id={`che-do-${m}`} value={m} checked={settings.mode === m} />
              <label for={`che-do-${m}`}>{MODES[m]}</label>
            </div>
          ))}
        </fieldset>
        <p>
          <input type="checkbox" name="dong_tat_ca" id="dong-tat-ca" value="1" checked={settings.closed} />
          <label for="dong-tat-ca">Đóng bình luận trên toàn trang (các bình luận đã đăng vẫn hiển thị)</label>
        </p>
        <button type="submit" class="primary">Lưu cài đặt bình luận</button>
      </form>
    </section>
  );
}
