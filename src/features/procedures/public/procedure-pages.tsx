import type { Frame } from '../../../kernel/views/public/frame.js';
import { Layout } from '../../../kernel/views/public/layout.js';
import { fieldSlug, LIST_PATH, ONLINE_LEVELS, PROCEDURE_FIELDS, procedureUrl } from '../fields.js';
import type { ProcedureRow } from '../../../kernel/db/tables/procedures.js';

const CRUMB = { name: 'Thủ tục hành chính', href: LIST_PATH };

function Lines({ text }: { text: string }) {
  return <>{text.split('\n').map((l, i) => (i ? <><br />{l}</> : l))}</>;
}

export interface ProcedureListData {
  rows: ProcedureRow[];
  /** The lĩnh vực filter in force, if any. */
  field?: string;
  /** The search as typed, if any. */
  q?: string;
  /** Fields that have at least one published procedure, for the filter. */
  fields: string[];
  message?: string;
}

export function ProcedureListPage({ frame, data }: { frame: Frame; data: ProcedureListData }) {
  const { rows, field, q, fields, message } = data;
  const groups = PROCEDURE_FIELDS.map((f) => ({ field: f, items: rows.filter((r) => r.field === f) })).filter((g) => g.items.length);
  const title = field ? `Thủ tục hành chính – ${field}` : 'Thủ tục hành chính';
  return (
    <Layout
      frame={frame}
      meta={{ title, canonicalPath: field ? `${LIST_PATH}?linh-vuc=${fieldSlug(field)}` : LIST_PATH, current: 'sec:thu-tuc', noindex: !!q, description: `Danh sách thủ tục hành chính cấp xã tại ${frame.site.name}, với liên kết nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia.` }}
      crumbs={field ? [{ name: 'Trang chủ', href: '/' }, CRUMB, { name: field, href: `${LIST_PATH}?linh-vuc=${fieldSlug(field)}` }] : [{ name: 'Trang chủ', href: '/' }, CRUMB]}
    >
      <div class="procedures">
        <h1 class="page-title">{title}</h1>
        <form method="get" action={LIST_PATH} class="procedure-search" role="search">
          <div class="procedure-search-field">
            <label for="tim-thu-tuc">Tìm thủ tục</label>
            <input id="tim-thu-tuc" name="q" type="search" value={q ?? ''} maxLength={200} aria-describedby="tim-thu-tuc-goi-y" />
            <p id="tim-thu-tuc-goi-y" class="hint">Gõ có dấu hoặc không dấu, ví dụ: khai sinh, ket hon, 1.001193.</p>
          </div>
          <div class="procedure-search-field">
            <label for="linh-vuc">Lĩnh vực</label>
            <select id="linh-vuc" name="linh-vuc">
              <option value="">Tất cả lĩnh vực</option>
              {fields.map((f) => <option value={fieldSlug(f)} selected={f === field}>{f}</option>)}
            </select>
          </div>
          <button type="submit">Tìm</button>
        </form>
        {message && <p class="schedule-notice" role="status">{message}</p>}
        {q && <p class="search-count" role="status">Tìm thấy {rows.length} thủ tục cho “{q}”.</p>}
        {!field && !q && (
          <nav class="procedure-fields" aria-label="Lĩnh vực">
            <ul>
              {fields.map((f) => <li><a href={`${LIST_PATH}?linh-vuc=${fieldSlug(f)}`}>{f}</a></li>)}
            </ul>
          </nav>
        )}
        {groups.length === 0 ? (
          <p class="schedule-empty">Không có thủ tục nào phù hợp. <a href={LIST_PATH}>Xem tất cả thủ tục</a>.</p>
        ) : (
          groups.map((g) => (
            <section class="procedure-group" aria-labelledby={`lv-${fieldSlug(g.field)}`}>
              <h2 id={`lv-${fieldSlug(g.field)}`}>{g.field} <span class="muted">({g.items.length})</span></h2>
              <ul class="procedure-list">
                {g.items.map((p) => (
                  <li>
                    <a href={procedureUrl(p)}>{p.title}</a>
                    {p.code && <span class="procedure-code"> Mã {p.code}</span>}
                  </li>
                ))}
              </ul>
            </section>
          ))
        )}
      </div>
    </Layout>
  );
}

export function ProcedurePage({ frame, p }: { frame: Frame; p: ProcedureRow }) {
  return (
    <Layout
      frame={frame}
      meta={{ title: p.title, canonicalPath: procedureUrl(p), current: 'sec:thu-tuc', description: `Thủ tục ${p.title}${p.code ? ` (mã ${p.code})` : ''}: hồ sơ, thời hạn, phí và nộp hồ sơ trực tuyến.` }}
      crumbs={[{ name: 'Trang chủ', href: '/' }, CRUMB, { name: p.field, href: `${LIST_PATH}?linh-vuc=${fieldSlug(p.field)}` }, { name: p.title, href: procedureUrl(p) }]}
    >
      <article class="procedure">
        <h1 class="page-title">{p.title}</h1>
        {p.portal_url && (
          <p class="procedure-portal">
            <a class="external-link" href={p.portal_url} rel="noopener external">
              Nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia<span class="visually-hidden"> (liên kết ngoài)</span>
              <span aria-hidden="true"> ↗</span>
            </a>
          </p>
        )}
        <dl class="procedure-facts">
          {p.code && <><dt>Mã thủ tục</dt><dd>{p.code}</dd></>}
          <dt>Lĩnh vực</dt><dd>{p.field}</dd>
          {p.level && <><dt>Cấp thực hiện</dt><dd>{p.level}</dd></>}
          {p.duration && <><dt>Thời hạn giải quyết</dt><dd><Lines text={p.duration} /></dd></>}
          {p.fee && <><dt>Phí, lệ phí</dt><dd><Lines text={p.fee} /></dd></>}
          <dt>Dịch vụ công trực tuyến</dt><dd>{ONLINE_LEVELS[p.online_level] ?? ONLINE_LEVELS['']}</dd>
        </dl>
        {p.dossier && (
          <section aria-labelledby="ho-so">
            <h2 id="ho-so">Thành phần hồ sơ</h2>
            <ul class="procedure-lines">{p.dossier.split('\n').map((l) => <li>{l}</li>)}</ul>
          </section>
        )}
        {p.method && (
          <section aria-labelledby="cach-thuc">
            <h2 id="cach-thuc">Cách thức thực hiện</h2>
            <p><Lines text={p.method} /></p>
          </section>
        )}
        <p><a href={LIST_PATH}>« Danh sách thủ tục hành chính</a></p>
      </article>
    </Layout>
  );
}
