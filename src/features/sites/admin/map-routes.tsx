import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../kernel/lib/errors.js';
import { listOffices } from '../widgets-repo.js';
import { findOffice } from '../admin-repo.js';
import { deleteOffice } from '../commands/delete-office.js';
import { mapFormOf, saveMapSettings, type MapForm } from '../commands/save-map-settings.js';
import { EMPTY_OFFICE, saveOffice, type OfficeForm } from '../commands/save-office.js';
import { adminFrame, sendAdmin } from '../../../kernel/http/admin-scope.js';
import type { FieldErrors } from '../../../kernel/views/admin/forms.js';
import { MAP_PATH, MapAdminPage, OfficeEditPage, OFFICES_PATH } from './map-view.js';
import { formOf, guardSiteAdmin, moveRoutes } from './shared.js';
import { siteCommandContext } from '../commands/context.js';
import { flash, redirectWithFlash, type FlashMessages } from '../../../kernel/http/flash.js';
import { IdParams } from '../../../kernel/http/route-schemas.js';

const NOTICES: FlashMessages = {
  'da-luu': 'Đã lưu cài đặt bản đồ.',
  'da-them': 'Đã thêm địa điểm.',
  'da-luu-dia-diem': 'Đã lưu địa điểm.',
  'da-xoa': 'Đã xoá địa điểm.',
  'da-sap-xep': 'Đã đổi thứ tự các địa điểm.',
};
const EMPTY_MAP: MapForm = { title: '', tile_url: '', center_lat: '', center_lng: '', zoom: '', attribution: '' };

/** The map widget: its settings and its markers (map_offices). */
export async function mapRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;

  async function page(request: FastifyRequest, reply: FastifyReply, o: { mapForm?: MapForm; mapErrors?: FieldErrors; officeForm?: OfficeForm; officeErrors?: FieldErrors; status?: number } = {}) {
    const status = o.status ?? 200;
    return sendAdmin(
      reply,
      <MapAdminPage
        frame={adminFrame(app, request, reply)}
        offices={await listOffices(ctx.db, request.site.id)}
        mapForm={o.mapForm ?? mapFormOf(request.site.settings.map)}
        mapErrors={o.mapErrors ?? {}}
        officeForm={o.officeForm ?? EMPTY_OFFICE}
        officeErrors={o.officeErrors ?? {}}
        notice={status === 200 ? flash(request, NOTICES) : undefined}
      />,
      status,
    );
  }
  const edit = (request: FastifyRequest, reply: FastifyReply, id: number, form: OfficeForm, errors: FieldErrors, status = 200) =>
    sendAdmin(reply, <OfficeEditPage frame={adminFrame(app, request, reply)} id={id} form={form} errors={errors} />, status);

  app.get(MAP_PATH, async (request, reply) => {
    guardSiteAdmin(request);
    return page(request, reply);
  });

  app.post(MAP_PATH, async (request, reply) => {
    guardSiteAdmin(request);
    const mapForm = formOf(request, EMPTY_MAP);
    const r = await saveMapSettings(siteCommandContext(request), mapForm);
    if (!r.ok) return page(request, reply, { mapForm, mapErrors: r.errors, status: r.errors._form ? 409 : 422 });
    return redirectWithFlash(reply, MAP_PATH, 'da-luu');
  });

  app.post(OFFICES_PATH, async (request, reply) => {
    guardSiteAdmin(request);
    const officeForm = formOf(request, EMPTY_OFFICE);
    const r = await saveOffice(siteCommandContext(request), null, officeForm);
    if (!r.ok) return page(request, reply, { officeForm, officeErrors: r.errors, status: 422 });
    return redirectWithFlash(reply, MAP_PATH, 'da-them');
  });

  app.get(`${OFFICES_PATH}/:id`, { schema: { params: IdParams } }, async (request, reply) => {
    guardSiteAdmin(request);
    const id = Number(request.params.id);
    const o = await findOffice(ctx.db, request.site.id, id);
    if (!o) throw new AppError('not_found');
    return edit(request, reply, id, { name: o.name, address: o.address, phone: o.phone, lat: String(o.lat), lng: String(o.lng) }, {});
  });

  app.post(`${OFFICES_PATH}/:id`, { schema: { params: IdParams } }, async (request, reply) => {
    guardSiteAdmin(request);
    const id = Number(request.params.id);
    const form = formOf(request, EMPTY_OFFICE);
    const r = await saveOffice(siteCommandContext(request), id, form);
    if (!r.ok) return edit(request, reply, id, form, r.errors, 422);
    return redirectWithFlash(reply, MAP_PATH, 'da-luu-dia-diem');
  });

  app.post(`${OFFICES_PATH}/:id/xoa`, { schema: { params: IdParams } }, async (request, reply) => {
    guardSiteAdmin(request);
    await deleteOffice(siteCommandContext(request), Number(request.params.id));
    return redirectWithFlash(reply, MAP_PATH, 'da-xoa');
  });

  moveRoutes(app, OFFICES_PATH, 'map_offices', MAP_PATH);
}
