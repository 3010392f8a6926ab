import type { OldAddressRow } from '../../../kernel/db/tables/moves.js';
import { formatDateTime } from '../../../kernel/lib/format.js';
import type { AdminFrame } from '../../../kernel/views/admin/layout.js';
import { Csrf, Field, Notice, type FieldErrors } from '../../../kernel/views/admin/forms.js';
import { SitePage } from '../../sites/admin/shared.js';
import type { OldAddressForm } from '../commands/add-old-address.js';
import type { TryResult } from './try-address.js';

export const SOURCE_NAMES: Record<string, string> = { manual: 'Thêm tay', import: 'Nhập dữ liệu', merge: 'Gộp trang', demo: 'Dữ liệu mẫu' };

export interface OldAddressesData {
  rows: OldAddressRow[];
  /** Site id → name, for targets and owners that are other sites. */
  siteNames: Map<number, string>;
  siteId: number;
  hosts: string[];
  moves: { from_path: string; to_path: string; created_at: string }[];
  filter: string;
  nextHref: string | null;
}

function TryPanel({ path, typed, result }: { path: string; typed: string; result: TryResult | null }) {
  return (
    <section class="status-panel" aria-labelledby="thu-dia-chi">
      <h2 id="thu-dia-chi">Thử một địa chỉ cũ</h2>
      <form method="get" action={path}>
        <Field name="thu" label="Địa chỉ cần thử" value={typed} errors={result?.kind === 'invalid' ? { thu: result.message } : {}} maxLength={2000} hint="Địa chỉ đầy đủ (https://tên-miền-cũ/…) hoặc đường dẫn trên trang này (/?p=12). Trả lời đúng như người đọc nhận được." />
        <button type="submit">Thử</button>
      </form>
      {result && result.kind !== 'invalid' && <TryAnswer result={result} />}
    </section>
  );
}

function TryAnswer({ result }: { result: Exclude<TryResult, { kind: 'invalid' }> }) {
  switch (result.kind) {
    case 'redirect':
      return <Notice kind="ok"><p class="break">{`${result.asked} dẫn tới `}<a href={result.location}>{result.location}</a>{` (mã ${result.status}).`}</p></Notice>;
    case 'page':
      return <Notice kind="info"><p class="break">{`${result.asked} là một trang đang có của trang web: không chuyển đi đâu.`}</p></Notice>;
    case 'none':
      return <Notice kind="error"><p class="break">{`Không có địa chỉ cũ nào khớp với ${result.asked}: người đọc thấy trang "Không tìm thấy".`}</p></Notice>;
    case 'foreign':
      return <Notice kind="error"><p>{`Tên miền ${result.host} không thuộc trang nào trên máy chủ này: địa chỉ đó chưa được trả lời ở đây.`}</p></Notice>;
    default:
      return <Notice kind="info"><p>{`${result.asked} được trả lời với mã ${result.status}.`}</p></Notice>;
  }
}

function AddPanel({ path, csrf, hosts, form, errors }: { path: string; csrf: string; hosts: string[]; form: OldAddressForm; errors: FieldErrors }) {
  return (
    <section class="status-panel" aria-labelledby="them-dia-chi">
      <h2 id="them-dia-chi">Thêm địa chỉ cũ</h2>
      <form method="post" action={path} novalidate>
        <Csrf token={csrf} />
        <Field name="from_url" label="Địa chỉ cũ" value={form.from_url} errors={errors} required maxLength={2000} hint="Đường dẫn như /portal/pages/2019-05-05/Tin-123456.aspx hoặc /?p=12, hoặc địa chỉ đầy đủ trên tên miền cũ (khi đó tên miền lấy từ địa chỉ)." />
        <Field name="host" label="Tên miền cũ" errors={errors} hint="Dùng khi địa chỉ cũ là đường dẫn.">
          <select id="f-host" name="host" aria-invalid={errors.host ? 'true' : undefined} aria-describedby={['f-host-hint', errors.host ? 'f-host-error' : ''].filter(Boolean).join(' ')}>
            <option value="">Mọi tên miền của trang</option>
            {hosts.map((h) => <option value={h} selected={form.host === h}>{h}</option>)}
          </select>
        </Field>
        <Field name="to_path" label="Dẫn tới" value={form.to_path} errors={errors} required maxLength={1000} hint="Đường dẫn trên trang này, bắt đầu bằng /, ví dụ /bai-viet/le-hoi-12." />
        <button type="submit" class="primary">Thêm địa chỉ cũ</button>
      </form>
    </section>
  );
}

function AddressRow({ row, data, path, csrf }: { row: OldAddressRow; data: OldAddressesData; path: string; csrf: string }) {
  const owned = row.owner_site_id === data.siteId;
  const elsewhere = row.to_site_id !== data.siteId ? data.siteNames.get(row.to_site_id) : undefined;
  return (
    <tr>
      <td>{row.host || <span class="muted">Mọi tên miền của trang</span>}</td>
      <th scope="row" class="break">{row.from_url}</th>
      <td class="break">{elsewhere ? `${elsewhere}: ${row.to_path}` : row.to_path}</td>
      <td>{SOURCE_NAMES[row.source] ?? row.source}</td>
      <td>{formatDateTime(row.created_at)}</td>
      <td class="workflow">
        {owned ? (
          <form method="post" action={`${path}/${row.id}/xoa`}>
            <Csrf token={csrf} />
            <button type="submit" class="danger" aria-label={`Xoá địa chỉ cũ: ${row.from_url}`}>Xoá</button>
          </form>
        ) : (
          <span class="muted">{`Thuộc trang ${data.siteNames.get(row.owner_site_id) ?? row.owner_site_id}`}</span>
        )}
      </td>
    </tr>
  );
}

export function OldAddressesPage({ frame, path, data, form, errors, notice, typed, result }: {
  frame: AdminFrame; path: string; data: OldAddressesData; form: OldAddressForm; errors: FieldErrors; notice?: string; typed: string; result: TryResult | null;
}) {
  return (
    <SitePage frame={frame} title="Địa chỉ cũ" notice={notice} errors={errors}>
      <p>Địa chỉ của cổng thông tin cũ (trước khi chuyển sang hoặc gộp trang) được trả lời bằng chuyển hướng 301 tới trang mới, để liên kết và kết quả tìm kiếm cũ vẫn dùng được.</p>
      <TryPanel path={path} typed={typed} result={result} />
      <AddPanel path={path} csrf={frame.csrf} hosts={data.hosts} form={form} errors={errors} />
      <h2 id="danh-sach">Danh sách địa chỉ cũ</h2>
      <form method="get" action={path} class="filters" role="search" aria-label="Lọc địa chỉ cũ">
        <div class="field">
          <label for="loc">Có chứa</label>
          <input id="loc" name="loc" type="search" value={data.filter} maxLength={200} />
        </div>
        <button type="submit">Lọc</button>
      </form>
      {data.rows.length ? (
        <table class="data-table">
          <caption class="visually-hidden">Địa chỉ cũ của trang và nơi chúng dẫn tới, mới thêm trước</caption>
          <thead><tr><th scope="col">Tên miền cũ</th><th scope="col">Địa chỉ cũ</th><th scope="col">Dẫn tới</th><th scope="col">Nguồn</th><th scope="col">Ngày thêm</th><th scope="col">Thao tác</th></tr></thead>
          <tbody>{data.rows.map((row) => <AddressRow row={row} data={data} path={path} csrf={frame.csrf} />)}</tbody>
        </table>
      ) : (
        <p class="empty">{data.filter ? 'Không có địa chỉ cũ nào khớp.' : 'Chưa có địa chỉ cũ nào.'}</p>
      )}
      {data.nextHref && <nav class="pager" aria-label="Phân trang"><a href={data.nextHref}>Cũ hơn »</a></nav>}
      <h2 id="doi-duong-dan">Đường dẫn đã đổi trên trang</h2>
      <p class="muted">Khi một chuyên mục hay trang tĩnh được đổi đường dẫn, đường dẫn trước vẫn dẫn tới đường dẫn mới. Danh sách này chỉ để xem.</p>
      {data.moves.length ? (
        <table class="data-table">
          <caption class="visually-hidden">Đường dẫn đã đổi trên trang, mới nhất trước</caption>
          <thead><tr><th scope="col">Đường dẫn trước</th><th scope="col">Đường dẫn mới</th><th scope="col">Ngày đổi</th></tr></thead>
          <tbody>{data.moves.map((m) => <tr><th scope="row" class="break">{m.from_path}</th><td class="break">{m.to_path}</td><td>{formatDateTime(m.created_at)}</td></tr>)}</tbody>
        </table>
      ) : (
        <p class="empty">Chưa có đường dẫn nào được đổi.</p>
      )}
    </SitePage>
  );
}
