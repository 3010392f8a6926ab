import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../kernel/lib/errors.js';
import { deletePerson } from '../commands/delete-person.js';
import { moveRecord } from '../commands/move-record.js';
import { EMPTY_PERSON, savePerson, type PersonForm } from '../commands/save-person.js';
import { personEnglish } from '../english.js';
import { buildTree, findPerson, flattenTree, listPeople, listPortraitChoices, listUnits, type PersonView } from '../repo.js';
import type { OrgPersonRow, OrgUnitRow } from '../../../kernel/db/tables/organisation.js';
import { RowActions } from '../../sites/admin/shared.js';
import { adminFrame, sendAdmin } from '../../../kernel/http/admin-scope.js';
import { Csrf, Field, type FieldErrors } from '../../../kernel/views/admin/forms.js';
import type { AdminFrame } from '../../../kernel/views/admin/layout.js';
import { EnglishWarning, formOf, guard, LangField, OrgAdminPage, PATHS, ReviewedBox, Stamp, STALE_MESSAGE } from './shared.js';
import { commandContext } from '../../../kernel/commands.js';
import { flash, redirectWithFlash, type FlashMessages } from '../../../kernel/http/flash.js';
import { IdParams, MoveParams, DIRECTIONS } from '../../../kernel/http/route-schemas.js';

const PATH = PATHS.people;
const NOTICES: FlashMessages = {
  'da-them': 'Đã thêm cán bộ.',
  'da-luu': 'Đã lưu thông tin cán bộ.',
  'da-xoa': 'Đã xoá cán bộ.',
  'da-sap-xep': 'Đã đổi thứ tự cán bộ.',
};

interface Choices {
  units: { unit: OrgUnitRow; depth: number }[];
  photos: { id: number; title: string; original_name: string }[];
}

function Select({ name, label, value, errors, empty, options, hint }: { name: string; label: string; value: string; errors: FieldErrors; empty: string; options: [string, string][]; hint?: string }) {
  const err = errors[name];
  const described = [hint ? `f-${name}-hint` : '', err ? `f-${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <Field name={name} label={label} errors={errors} hint={hint}>
      <select id={`f-${name}`} name={name} aria-invalid={err ? 'true' : undefined} aria-describedby={described}>
        <option value="">{empty}</option>
        {options.map(([v, text]) => <option value={v} selected={value === v}>{text}</option>)}
      </select>
    </Field>
  );
}

function PersonFields({ form, errors, choices }: { form: PersonForm; errors: FieldErrors; choices: Choices }) {
  return (
    <>
      <div class="form-grid">
        <LangField name="full_name" label="Họ và tên" value={form.full_name} errors={errors} required maxLength={120} />
        <Select name="unit_id" label="Đơn vị" value={form.unit_id} errors={errors} empty="— Lãnh đạo cơ quan (không thuộc đơn vị) —"
          options={choices.units.map((u) => [String(u.unit.id), `${'— '.repeat(u.depth)}${u.unit.name}`])} />
        <LangField name="phone" label="Điện thoại" value={form.phone} errors={errors} type="tel" maxLength={40} />
        <LangField name="email" label="Thư điện tử công vụ" value={form.email} errors={errors} type="email" maxLength={200} />
      </div>
      <div class="form-grid">
        <fieldset>
          <legend>Tiếng Việt</legend>
          <LangField name="post" label="Chức vụ" value={form.post} errors={errors} required maxLength={200} />
        </fieldset>
        <fieldset>
          <legend>Tiếng Anh (English)</legend>
          <LangField name="post_en" label="Chức vụ (tiếng Anh)" value={form.post_en} errors={errors} lang="en" maxLength={200} />
        </fieldset>
      </div>
      <Select name="photo_media_id" label="Ảnh chân dung" value={form.photo_media_id} errors={errors} empty="— Không có ảnh —"
        hint="Chọn một ảnh đã tải lên Thư viện tệp; không chọn thì trang hiện hình đại diện chung."
        options={choices.photos.map((p) => [String(p.id), p.title || p.original_name])} />
      <div class="checkbox">
        <label><input type="checkbox" name="is_leader" value="1" checked={form.is_leader === '1'} /> Hiện trên trang Lãnh đạo</label>
      </div>
    </>
  );
}

function PeoplePage({ frame, people, units, choices, form, errors, notice }: { frame: AdminFrame; people: PersonView[]; units: Map<number, OrgUnitRow>; choices: Choices; form: PersonForm; errors: FieldErrors; notice?: string }) {
  return (
    <OrgAdminPage frame={frame} title="Cán bộ, lãnh đạo" notice={notice} errors={errors}>
      {people.length ? (
        <table class="data-table">
          <caption class="visually-hidden">Cán bộ theo thứ tự hiển thị</caption>
          <thead><tr><th scope="col">Họ và tên</th><th scope="col">Chức vụ</th><th scope="col">Đơn vị</th><th scope="col">Thao tác</th></tr></thead>
          <tbody>
            {people.map((p, i) => {
              const state = personEnglish(p);
              return (
                <tr>
                  <th scope="row">{p.full_name}{p.is_leader === 1 && <> <span class="status">Lãnh đạo</span></>}</th>
                  <td>
                    {p.post}
                    {p.post_en ? <><br /><span class="muted" lang="en">{p.post_en}</span></> : <><br /><span class="muted">Chưa có bản tiếng Anh</span></>}
                    {state.stale && <><br /><span class="status status-returned">{STALE_MESSAGE}</span></>}
                  </td>
                  <td>{p.unit_id === null ? 'Lãnh đạo cơ quan' : units.get(p.unit_id)?.name ?? ''}</td>
                  <RowActions path={PATH} id={p.id} name={p.full_name} csrf={frame.csrf} first={i === 0} last={i === people.length - 1} />
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p class="empty">Chưa có cán bộ nào.</p>
      )}
      <section class="status-panel" aria-labelledby="them-can-bo">
        <h2 id="them-can-bo">Thêm cán bộ</h2>
        <form method="post" action={PATH} novalidate>
          <Csrf token={frame.csrf} />
          <PersonFields form={form} errors={errors} choices={choices} />
          <button type="submit" class="primary">Thêm cán bộ</button>
        </form>
      </section>
    </OrgAdminPage>
  );
}

function PersonEditPage({ frame, person, choices, form, errors }: { frame: AdminFrame; person: OrgPersonRow; choices: Choices; form: PersonForm; errors: FieldErrors }) {
  return (
    <OrgAdminPage frame={frame} title={`Sửa thông tin: ${person.full_name}`} errors={errors}>
      <EnglishWarning state={personEnglish(person)} />
      <Stamp label="Bản tiếng Việt cập nhật lần cuối" at={person.vi_updated_at} />
      <Stamp label="Bản tiếng Anh cập nhật lần cuối" at={person.en_updated_at} />
      <form method="post" action={`${PATH}/${person.id}`} novalidate>
        <Csrf token={frame.csrf} />
        <PersonFields form={form} errors={errors} choices={choices} />
        <ReviewedBox checked={form.en_reviewed === '1'} />
        <div class="form-actions">
          <button type="submit" class="primary">Lưu thông tin</button>
          <a href={PATH}>Quay lại danh sách</a>
        </div>
      </form>
    </OrgAdminPage>
  );
}

const formOfPerson = (p: OrgPersonRow): PersonForm => ({
  full_name: p.full_name, post: p.post, post_en: p.post_en, unit_id: p.unit_id === null ? '' : String(p.unit_id), phone: p.phone, email: p.email,
  photo_media_id: p.photo_media_id === null ? '' : String(p.photo_media_id), is_leader: p.is_leader ? '1' : '', en_reviewed: '',
});

/** People of the organisation and its leaders: add, edit, order, delete, choose a portrait. */
export async function peopleRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;
  const choicesOf = async (siteId: number): Promise<Choices> => {
    const [units, people, photos] = await Promise.all([listUnits(ctx.db, siteId), listPeople(ctx.db, siteId), listPortraitChoices(ctx.db, siteId)]);
    return { units: flattenTree(buildTree(units, people)), photos };
  };
  const list = async (request: FastifyRequest, reply: FastifyReply, form: PersonForm, errors: FieldErrors, status = 200) => {
    const siteId = request.site.id;
    const [people, units, choices] = await Promise.all([listPeople(ctx.db, siteId), listUnits(ctx.db, siteId), choicesOf(siteId)]);
    return sendAdmin(reply, <PeoplePage frame={adminFrame(app, request, reply)} people={people} units={new Map(units.map((u) => [u.id, u]))} choices={choices} form={form} errors={errors} notice={status === 200 ? flash(request, NOTICES) : undefined} />, status);
  };
  const edit = async (request: FastifyRequest, reply: FastifyReply, person: OrgPersonRow, form: PersonForm, errors: FieldErrors, status = 200) =>
    sendAdmin(reply, <PersonEditPage frame={adminFrame(app, request, reply)} person={person} choices={await choicesOf(request.site.id)} form={form} errors={errors} />, status);
  const load = async (request: FastifyRequest, id: string) => {
    const person = await findPerson(ctx.db, request.site.id, Number(id));
    if (!person) throw new AppError('not_found');
    return person;
  };

  app.get(PATH, async (request, reply) => {
    guard(request);
    return list(request, reply, EMPTY_PERSON, {});
  });

  app.post(PATH, async (request, reply) => {
    guard(request);
    const form = formOf(request, EMPTY_PERSON);
    const r = await savePerson(commandContext(request), null, form);
    if (!r.ok) return list(request, reply, form, r.errors, 422);
    return redirectWithFlash(reply, PATH, 'da-them');
  });

  app.get(`${PATH}/:id`, { schema: { params: IdParams } }, async (request, reply) => {
    guard(request);
    const person = await load(request, request.params.id);
    return edit(request, reply, person, formOfPerson(person), {});
  });

  app.post(`${PATH}/:id`, { schema: { params: IdParams } }, async (request, reply) => {
    guard(request);
    const person = await load(request, request.params.id);
    const form = formOf(request, EMPTY_PERSON);
    const r = await savePerson(commandContext(request), person.id, form);
    if (!r.ok) return edit(request, reply, person, form, r.errors, 422);
    return redirectWithFlash(reply, PATH, 'da-luu');
  });

  app.post(`${PATH}/:id/xoa`, { schema: { params: IdParams } }, async (request, reply) => {
    guard(request);
    await deletePerson(commandContext(request), Number(request.params.id));
    return redirectWithFlash(reply, PATH, 'da-xoa');
  });

  app.post(`${PATH}/:id/:dir`, { schema: { params: MoveParams } }, async (request, reply) => {
    guard(request);
    await moveRecord(commandContext(request), 'org_people', Number(request.params.id), DIRECTIONS[request.params.dir]);
    return redirectWithFlash(reply, PATH, 'da-sap-xep');
  });
}
