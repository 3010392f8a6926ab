import { formatDate, formatNumber } from '../../../kernel/lib/format.js';
import type { Frame } from '../../../kernel/views/public/frame.js';
import { Pagination } from '../../articles/public/article-list.js';
import { Layout, type Crumb } from '../../../kernel/views/public/layout.js';
import { qaUrls } from '../labels.js';
import type { PublicQuestion } from '../repo.js';
import type { QuestionTopicRow } from '../../../kernel/db/tables/questions.js';

/** /hoi-dap: published questions with their answers, newest answer first; by topic; searchable without JS. */
export interface ListData {
  items: PublicQuestion[];
  topics: QuestionTopicRow[];
  topic: QuestionTopicRow | null;
  query: string;
  queryError?: string;
  page: number;
  pages: number;
  total: number;
  href: (n: number) => string;
  canonicalPath: string;
}

export function ListPage({ frame, d }: { frame: Frame; d: ListData }) {
  const names = new Map(d.topics.map((t) => [t.id, t.name]));
  const title = d.topic ? `Hỏi đáp: ${d.topic.name}` : 'Hỏi đáp';
  const crumbs: Crumb[] = [{ name: 'Trang chủ', href: '/' }, { name: 'Hỏi đáp', href: qaUrls.list() }];
  if (d.topic) crumbs.push({ name: d.topic.name, href: qaUrls.topic(d.topic.slug) });
  return (
    <Layout frame={frame} meta={{ title, description: 'Câu hỏi của người dân và trả lời của cơ quan', canonicalPath: d.canonicalPath, noindex: !!d.query, current: 'hoi-dap' }} crumbs={crumbs}>
      <h1 class="page-title">{title}</h1>
      <p class="qa-actions">
        <a class="button primary" href={qaUrls.ask()}>Gửi câu hỏi</a> <a class="button" href={qaUrls.lookup()}>Tra cứu bằng mã</a>
      </p>
      <form role="search" method="get" action={d.topic ? qaUrls.topic(d.topic.slug) : qaUrls.list()} class="qa-search" aria-label="Tìm trong hỏi đáp">
        <div class="field">
          <label for="hd-tim">Tìm câu hỏi</label>
          {d.queryError && <p class="field-error" id="hd-tim-loi">{d.queryError}</p>}
          <input id="hd-tim" name="q" type="search" value={d.query} aria-invalid={d.queryError ? 'true' : undefined} aria-describedby={d.queryError ? 'hd-tim-loi' : undefined} />
        </div>
        <button type="submit">Tìm</button>
      </form>
      {d.topics.length > 0 && (
        <nav class="qa-topics" aria-label="Chủ đề">
          <ul>
            <li>{d.topic ? <a href={qaUrls.list()}>Tất cả</a> : <span aria-current="page">Tất cả</span>}</li>
            {d.topics.map((t) => (
              <li>{d.topic?.id === t.id ? <span aria-current="page">{t.name}</span> : <a href={qaUrls.topic(t.slug)}>{t.name}</a>}</li>
            ))}
          </ul>
        </nav>
      )}
      {d.query && !d.queryError && <p class="muted">Tìm thấy {formatNumber(d.total)} câu hỏi cho “{d.query}”.</p>}
      {d.items.length ? (
        <ul class="qa-list">
          {d.items.map((q) => (
            <li>
              <h2><a href={qaUrls.item(q)}>{q.title}</a></h2>
              <p class="qa-meta">
                {q.topic_id && names.get(q.topic_id) ? <span>{names.get(q.topic_id)} · </span> : null}
                {q.answered_at && <span>Trả lời ngày <time dateTime={q.answered_at}>{formatDate(q.answered_at)}</time></span>}
              </p>
              <p>{q.body.length > 220 ? `${q.body.slice(0, 220).replace(/\s+\S*$/, '')}…` : q.body}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{d.query ? 'Không có câu hỏi nào phù hợp.' : 'Chưa có câu hỏi nào được trả lời công khai.'}</p>
      )}
      <Pagination page={d.page} pages={d.pages} href={d.href} />
      <p><a href={qaUrls.feed()}>RSS hỏi đáp</a></p>
    </Layout>
  );
}
