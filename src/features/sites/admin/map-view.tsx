import type { MapOfficeRow } from '../../../kernel/db/schema.js';
import { urls } from '../../../kernel/http/urls.js';
import type { MapForm } from '../commands/save-map-settings.js';
import type { OfficeForm } from '../commands/save-office.js';
import type { AdminFrame } from '../../../kernel/views/admin/layout.js';
import { Csrf, ErrorSummary, Field, type FieldErrors } from '../../../kernel/views/admin/forms.js';
import { BASE, RowActions, SitePage } from './shared.js';

export const MAP_PATH = `${BASE}/ban-do`;
export const OFFICES_PATH = `${MAP_PATH}/dia-diem`;
const DEGREE_HINT = 'Số thập phân, ví dụ 18.5395 (vĩ độ) hoặc 105.7105 (kinh độ).';

export function OfficeFields({ form, errors }: { form: OfficeForm; errors: FieldErrors }) {
  return (
    <>
      <Field name="name" label="Tên cơ quan, địa điểm" value={form.name} errors={errors} required maxLength={200} />
      <Field name="address" label="Địa chỉ" value={form.address} errors={errors} maxLength={300} />
      <Field name="phone" label="Điện thoại" type="tel" value={form.phone} errors={errors} maxLength={40} />
      <Field name="lat" label="Vĩ độ" value={form.lat} errors={errors} required inputMode="decimal" hint={DEGREE_HINT} />
      <Field name="lng" label="Kinh độ" value={form.lng} errors={errors} required inputMode="decimal" />
    </>
  );
}

/** Settings form and marker form sit on one page: each keeps its own typed values and errors. */
export function MapAdminPage({ frame, offices, mapForm, mapErrors, officeForm, officeErrors, notice }: {
  frame: AdminFrame; offices: MapOfficeRow[]; mapForm: MapForm; mapErrors: FieldErrors; officeForm: OfficeForm; officeErrors: FieldErrors; notice?: string;
}) {
  return (
    <SitePage frame={frame} title="Bản đồ" notice={notice} errors={mapErrors._form ? { _form: mapErrors._form } : undefined}>
      <p><a href={urls.map()}>Xem trang bản đồ công khai</a>. Ảnh bản đồ tĩnh (khi không tải được bản đồ nền) được vẽ tự động từ các địa điểm dưới đây.</p>
      <section class="status-panel" aria-labelledby="cai-dat-ban-do">
        <h2 id="cai-dat-ban-do">Cài đặt bản đồ</h2>
        <ErrorSummary errors={Object.fromEntries(Object.entries(mapErrors).filter(([k]) => k !== '_form'))} />
        <form method="post" action={MAP_PATH} novalidate>
          <Csrf token={frame.csrf} />
          <Field name="title" label="Tiêu đề" value={mapForm.title} errors={mapErrors} required maxLength={120} />
          <Field name="tile_url" label="Nguồn bản đồ nền (mẫu địa chỉ ô bản đồ)" type="url" value={mapForm.tile_url} errors={mapErrors} required hint="Phải bắt đầu bằng https:// và chứa {z}, {x}, {y}, ví dụ https://tile.openstreetmap.org/{z}/{x}/{y}.png" />
          <Field name="center_lat" label="Vĩ độ trung tâm" value={mapForm.center_lat} errors={mapErrors} required inputMode="decimal" hint={DEGREE_HINT} />
          <Field name="center_lng" label="Kinh độ trung tâm" value={mapForm.center_lng} errors={mapErrors} required inputMode="decimal" />
          <Field name="zoom" label="Mức phóng to (1–19)" type="number" value={mapForm.zoom} errors={mapErrors} required inputMode="numeric" />
          <Field name="attribution" label="Ghi công nguồn bản đồ" value={mapForm.attribution} errors={mapErrors} required maxLength={200} hint="Ví dụ © OpenStreetMap" />
          <button type="submit" class="primary">Lưu cài đặt bản đồ</button>
        </form>
      </section>
      <h2>Địa điểm trên bản đồ</h2>
      {offices.length ? (
        <table class="data-table">
          <caption class="visually-hidden">Các địa điểm đánh dấu trên bản đồ, theo thứ tự đánh số</caption>
          <thead><tr><th scope="col">Số</th><th scope="col">Tên</th><th scope="col">Địa chỉ</th><th scope="col">Toạ độ</th><th scope="col">Thao tác</th></tr></thead>
          <tbody>
            {offices.map((o, i) => (
              <tr>
                <td>{i + 1}</td>
                <th scope="row">{o.name}</th>
                <td>{o.address}{o.phone && <><br />{o.phone}</>}</td>
                <td>{`${o.lat}, ${o.lng}`}</td>
                <RowActions path={OFFICES_PATH} id={o.id} name={o.name} csrf={frame.csrf} first={i === 0} last={i === offices.length - 1} />
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="empty">Chưa có địa điểm nào.</p>
      )}
      <section class="status-panel" aria-labelledby="them-dia-diem">
        <h2 id="them-dia-diem">Thêm địa điểm</h2>
        <ErrorSummary errors={officeErrors} />
        <form method="post" action={OFFICES_PATH} novalidate>
          <Csrf token={frame.csrf} />
          <OfficeFields form={officeForm} errors={officeErrors} />
          <button type="submit" class="primary">Thêm địa điểm</button>
        </form>
      </section>
    </SitePage>
  );
}

export function OfficeEditPage({ frame, id, form, errors }: { frame: AdminFrame; id: number; form: OfficeForm; errors: FieldErrors }) {
  return (
    <SitePage frame={frame} title="Sửa địa điểm" errors={errors}>
      <form method="post" action={`${OFFICES_PATH}/${id}`} novalidate>
        <Csrf token={frame.csrf} />
        <OfficeFields form={form} errors={errors} />
        <div class="form-actions">
          <button type="submit" class="primary">Lưu địa điểm</button>
          <a href={MAP_PATH}>Quay lại bản đồ</a>
        </div>
      </form>
    </SitePage>
  );
}
