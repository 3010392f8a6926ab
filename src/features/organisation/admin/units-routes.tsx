import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { deleteUnit } from '../commands/delete-unit.js';
import { moveRecord } from '../commands/move-record.js';
import { EMPTY_UNIT, saveUnit, type UnitForm } from '../commands/save-unit.js';
import { unitEnglish } from '../english.js';
import { buildTree, findUnit, flattenTree, listPeople, listUnits } from '../repo.js';
import type { OrgUnitRow } from '../../../kernel/db/tables/organisation.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { RowActions } from '../../sites/admin/shared.js';
import { adminFrame, sendAdmin } from '../../../kernel/http/admin-scope.js';
import { Csrf, Field, type FieldErrors } from '../../../kernel/views/admin/forms.js';
import type { AdminFrame } from '../../../kernel/views/admin/layout.js';
import { EnglishWarning, formOf, guard, LangField, OrgAdminPage, PATHS, ReviewedBox, Stamp, STALE_MESSAGE } from './shared.js';
import { commandContext } from '../../../kernel/commands.js';
import { flash, redirectWithFlash, type FlashMessages } from '../../../kernel/http/flash.js';
import { IdParams, MoveParams, DIRECTIONS } from '../../../kernel/http/route-schemas.js';

const PATH = PATHS.units;
const NOTICES: FlashMessages = {
  'da-them': 'Đã thêm đơn vị.',
  'da-luu': 'Đã lưu đơn vị.',
  'da-xoa': 'Đã xoá đơn vị.',
  'da-sap-xep': 'Đã đổi thứ tự đơn vị.',
};

type Flat = { unit: OrgUnitRow; depth: number }[];

function UnitFields({ form, errors, flat, selfId }: { form: UnitForm; errors: FieldErrors; flat: Flat; selfId?: number }) {
  return (
    <>
      <Field name="parent_id" label="Đơn vị cấp trên" errors={errors}>
        <select id="f-parent_id" name="parent_id" aria-invalid={errors.parent_id ? 'true' : undefined} aria-describedby={errors.parent_id ? 'f-parent_id-error' : undefined}>
          <option value="">— Trực thuộc cơ quan (cấp cao nhất) —</option>
          {flat.filter((f) => f.unit.id !== selfId).map((f) => (
            <option value={String(f.unit.id)} selected={form.parent_id === String(f.unit.id)}>{`${'— '.repeat(f.depth)}${f.unit.name}`}</option>
          ))}
        </select>
      </Field>
      <div class="form-grid">
        <LangField name="phone" label="Điện thoại" value={form.phone} errors={errors} type="tel" maxLength={40} />
        <LangField name="email" label="Thư điện tử" value={form.email} errors={errors} type="email" maxLength={200} />
      </div>
      <div class="form-grid">
        <fieldset>
          <legend>Tiếng Việt</legend>
          <LangField name="name" label="Tên đơn vị" value={form.name} errors={errors} required maxLength={200} />
          <LangField name="duties" label="Chức năng, nhiệm vụ" value={form.duties} errors={errors} rows={4} />
        </fieldset>
        <fieldset>
          <legend>Tiếng Anh (English)</legend>
          <LangField name="name_en" label="Tên đơn vị (tiếng Anh)" value={form.name_en} errors={errors} lang="en" maxLength={200} />
          <LangField name="duties_en" label="Chức năng, nhiệm vụ (tiếng Anh)" value={form.duties_en} errors={errors} lang="en" rows={4} />
        </fieldset>
      </div>
    </>
  );
}

function UnitsPage({ frame, flat, form, errors, notice }: { frame: AdminFrame; flat: Flat; form: UnitForm; errors: FieldErrors; notice?: string }) {
  const siblings = (u: OrgUnitRow) => flat.filter((f) => f.unit.parent_id === u.parent_id).map((f) => f.unit.id);
  return (
    <OrgAdminPage frame={frame} title="Đơn vị, bộ phận" notice={notice} errors={errors}>
      {flat.length ? (
        <table class="data-table">
          <caption class="visually-hidden">Các đơn vị theo sơ đồ tổ chức, đơn vị cấp dưới thụt vào sau đơn vị cấp trên</caption>
          <thead><tr><th scope="col">Tên đơn vị</th><th scope="col">Tên tiếng Anh</th><th scope="col">Thao tác</th></tr></thead>
          <tbody>
            {flat.map(({ unit, depth }) => {
              const sib = siblings(unit);
              const state = unitEnglish(unit);
              return (
                <tr>
                  <th scope="row">{depth > 0 && <span aria-hidden="true">{'— '.repeat(depth)}</span>}{unit.name}</th>
                  <td lang={unit.name_en ? 'en' : undefined}>
                    {unit.name_en || <span class="muted" lang="vi">Chưa có</span>}
                    {state.stale && <><br /><span class="status status-returned" lang="vi">{STALE_MESSAGE}</span></>}
                  </td>
                  <RowActions path={PATH} id={unit.id} name={unit.name} csrf={frame.csrf} first={sib[0] === unit.id} last={sib[sib.length - 1] === unit.id} />
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p class="empty">Chưa có đơn vị nào.</p>
      )}
      <section class="status-panel" aria-labelledby="them-don-vi">
        <h2 id="them-don-vi">Thêm đơn vị</h2>
        <form method="post" action={PATH} novalidate>
          <Csrf token={frame.csrf} />
          <UnitFields form={form} errors={errors} flat={flat} />
          <button type="submit" class="primary">Thêm đơn vị</button>
        </form>
      </section>
    </OrgAdminPage>
  );
}

function UnitEditPage({ frame, unit, flat, form, errors }: { frame: AdminFrame; unit: OrgUnitRow; flat: Flat; form: UnitForm; errors: FieldErrors }) {
  return (
    <OrgAdminPage frame={frame} title={`Sửa đơn vị: ${unit.name}`} errors={errors}>
      <EnglishWarning state={unitEnglish(unit)} />
      <Stamp label="Bản tiếng Việt cập nhật lần cuối" at={unit.vi_updated_at} />
      <Stamp label="Bản tiếng Anh cập nhật lần cuối" at={unit.en_updated_at} />
      <form method="post" action={`${PATH}/${unit.id}`} novalidate>
        <Csrf token={frame.csrf} />
        <UnitFields form={form} errors={errors} flat={flat} selfId={unit.id} />
        <ReviewedBox checked={form.en_reviewed === '1'} />
        <div class="form-actions">
          <button type="submit" class="primary">Lưu đơn vị</button>
          <a href={PATH}>Quay lại danh sách</a>
        </div>
      </form>
    </OrgAdminPage>
  );
}

const formOfUnit = (u: OrgUnitRow): UnitForm => ({
  name: u.name, name_en: u.name_en, parent_id: u.parent_id === null ? '' : String(u.parent_id), duties: u.duties, duties_en: u.duties_en, phone: u.phone, email: u.email, en_reviewed: '',
});

/** Units of the organisation chart: add, edit, move under another unit, order, delete when empty. */
export async function unitRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;
  const flatOf = async (siteId: number) => flattenTree(buildTree(await listUnits(ctx.db, siteId), await listPeople(ctx.db, siteId)));
  const list = async (request: FastifyRequest, reply: FastifyReply, form: UnitForm, errors: FieldErrors, status = 200) =>
    sendAdmin(reply, <UnitsPage frame={adminFrame(app, request, reply)} flat={await flatOf(request.site.id)} form={form} errors={errors} notice={status === 200 ? flash(request, NOTICES) : undefined} />, status);
  const edit = async (request: FastifyRequest, reply: FastifyReply, unit: OrgUnitRow, form: UnitForm, errors: FieldErrors, status = 200) =>
    sendAdmin(reply, <UnitEditPage frame={adminFrame(app, request, reply)} unit={unit} flat={await flatOf(request.site.id)} form={form} errors={errors} />, status);
  const load = async (request: FastifyRequest, id: string) => {
    const unit = await findUnit(ctx.db, request.site.id, Number(id));
    if (!unit) throw new AppError('not_found');
    return unit;
  };

  app.get(PATH, async (request, reply) => {
    guard(request);
    return list(request, reply, EMPTY_UNIT, {});
  });

  app.post(PATH, async (request, reply) => {
    guard(request);
    const form = formOf(request, EMPTY_UNIT);
    const r = await saveUnit(commandContext(request), null, form);
    if (!r.ok) return list(request, reply, form, r.errors, 422);
    return redirectWithFlash(reply, PATH, 'da-them');
  });

  app.get(`${PATH}/:id`, { schema: { params: IdParams } }, async (request, reply) => {
    guard(request);
    const unit = await load(request, request.params.id);
    return edit(request, reply, unit, formOfUnit(unit), {});
  });

  app.post(`${PATH}/:id`, { schema: { params: IdParams } }, async (request, reply) => {
    guard(request);
    const unit = await load(request, request.params.id);
    const form = formOf(request, EMPTY_UNIT);
    const r = await saveUnit(commandContext(request), unit.id, form);
    if (!r.ok) return edit(request, reply, unit, form, r.errors, 422);
    return redirectWithFlash(reply, PATH, 'da-luu');
  });

  app.post(`${PATH}/:id/xoa`, { schema: { params: IdParams } }, async (request, reply) => {
    guard(request);
    const r = await deleteUnit(commandContext(request), Number(request.params.id));
    if (!r.ok) return list(request, reply, EMPTY_UNIT, r.errors, 409);
    return redirectWithFlash(reply, PATH, 'da-xoa');
  });

  app.post(`${PATH}/:id/:dir`, { schema: { params: MoveParams } }, async (request, reply) => {
    guard(request);
    await moveRecord(commandContext(request), 'org_units', Number(request.params.id), DIRECTIONS[request.params.dir]);
    return redirectWithFlash(reply, PATH, 'da-sap-xep');
  });
}
