import { formatLongDate } from '../../../kernel/lib/format.js';
import type { Frame } from '../../../kernel/views/public/frame.js';
import { Layout } from '../../../kernel/views/public/layout.js';
import { qaUrls, STATUS_LABELS } from '../labels.js';
import type { QuestionStatus } from '../../../kernel/db/tables/questions.js';
import { PlainText } from './text.js';

/** The status of one question, as its sender sees it with the tracking code. */
export interface LookupResult {
  title: string;
  status: QuestionStatus;
  reject_reason: string;
  answer: string;
  answered_at: string | null;
  created_at: string;
  /** The public page, when the board published the question. */
  publicHref: string | null;
}

export function LookupPage({ frame, code, error, result }: { frame: Frame; code: string; error?: string; result?: LookupResult }) {
  return (
    <Layout
      frame={frame}
      meta={{ title: 'Tra cứu câu hỏi', canonicalPath: qaUrls.lookup(), noindex: !!(result || error), current: 'hoi-dap', styles: ['interact.css'] }}
      crumbs={[{ name: 'Trang chủ', href: '/' }, { name: 'Hỏi đáp', href: qaUrls.list() }, { name: 'Tra cứu', href: qaUrls.lookup() }]}
    >
      <h1 class="page-title">Tra cứu câu hỏi</h1>
      <form method="post" action={qaUrls.lookup()} class="qa-lookup" novalidate>
        <div class="field">
          <label for="hd-ma">Mã tra cứu</label>
          <p class="hint" id="hd-ma-goi-y">Mã bạn nhận được khi gửi câu hỏi, ví dụ HD-7KQ2-9MXD (không phân biệt chữ hoa, chữ thường).</p>
          {error && <p class="field-error" id="hd-ma-loi" role="alert">{error}</p>}
          <input
            id="hd-ma"
            name="ma"
            type="text"
            value={code}
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            required
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'hd-ma-goi-y hd-ma-loi' : 'hd-ma-goi-y'}
          />
        </div>
        <button type="submit" class="primary">Tra cứu</button>
      </form>
      {result && (
        <section class="qa-result" aria-labelledby="hd-ket-qua">
          <h2 id="hd-ket-qua">{result.title}</h2>
          <p>Gửi {formatLongDate(result.created_at)}</p>
          <p class="qa-status">
            Tình trạng: <strong class={`qa-badge qa-${result.status}`}>{STATUS_LABELS[result.status]}</strong>
          </p>
          {result.status === 'rejected' && result.reject_reason && (
            <div>
              <h3>Lý do không tiếp nhận</h3>
              <PlainText text={result.reject_reason} />
            </div>
          )}
          {result.status === 'answered' && (
            <div class="qa-answer">
              <h3>Trả lời{result.answered_at ? ` (${formatLongDate(result.answered_at)})` : ''}</h3>
              <PlainText text={result.answer} />
            </div>
          )}
          {result.publicHref && <p><a href={result.publicHref}>Xem trên trang Hỏi đáp</a></p>}
        </section>
      )}
    </Layout>
  );
}
