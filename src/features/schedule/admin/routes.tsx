import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { commandContext as cx } from '../../../kernel/commands.js';
import { flash, redirectWithFlash, type FlashMessages } from '../../../kernel/http/flash.js';
import { IdParams, QueryText } from '../../../kernel/http/route-schemas.js';
import { parseId } from '../../../kernel/lib/ids.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { deleteEntry } from '../commands/delete-entry.js';
import { EMPTY_ENTRY, parseDay, type EntryForm } from '../commands/entry-input.js';
import { publishWeek } from '../commands/publish-week.js';
import { saveEntry } from '../commands/save-entry.js';
import { schedulePolicy } from '../policy.js';
import { findEntry, listEntries } from '../repo.js';
import type { ScheduleEntryRow } from '../../../kernel/db/tables/schedule.js';
import { addDays, currentWeek, parseWeek, weekOfDate } from '../week.js';
import { actorOf, adminFrame, bodyField, sendAdmin } from '../../../kernel/http/admin-scope.js';
import type { FieldErrors } from '../../../kernel/views/admin/forms.js';
import { EntryScreen, PATH, weekUrl, WeekScreen } from './views.js';

const NOTICES: FlashMessages = {
  'da-them': 'Đã thêm lịch công tác.',
  'da-luu': 'Đã lưu lịch công tác.',
  'da-xoa': 'Đã xoá lịch công tác.',
  'da-cong-bo': 'Đã công bố lịch tuần; người dân đã xem được.',
  'da-an': 'Đã ẩn lịch tuần khỏi trang công khai.',
};

function guard(request: FastifyRequest): void {
  if (!schedulePolicy.manage(actorOf(request), request.site.id)) throw new AppError('forbidden');
}

const byId = { schema: { params: IdParams } };

function formOf(request: FastifyRequest): EntryForm {
  const out = { ...EMPTY_ENTRY };
  for (const k of Object.keys(out) as (keyof EntryForm)[]) out[k] = bodyField(request, k) ?? '';
  return out;
}

function formFromRow(e: ScheduleEntryRow, day = e.day): EntryForm {
  return {
    day,
    start: e.start_time,
    end: e.end_time,
    content: e.content,
    participants: e.participants,
    place: e.place,
    leader: e.leader,
    note: e.note,
    published: e.published ? '1' : '',
  };
}

/** Back-office screens of Lịch công tác (leaders' weekly work schedule). */
export async function scheduleAdminRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;
  const backTo = (reply: FastifyReply, day: string, notice: string) => redirectWithFlash(reply, weekUrl(weekOfDate(day)), notice);
  const entryScreen = (request: FastifyRequest, reply: FastifyReply, action: string, heading: string, form: EntryForm, errors: FieldErrors, status = 200) => {
    const day = parseDay(form.day);
    const back = day ? weekUrl(weekOfDate(day)) : PATH;
    return sendAdmin(reply, <EntryScreen frame={adminFrame(app, request, reply)} action={action} heading={heading} form={form} errors={errors} back={back} />, status);
  };

  app.get(PATH, { schema: { querystring: Type.Object({ tuan: QueryText }) } }, async (request, reply) => {
    guard(request);
    const week = parseWeek(request.query.tuan) ?? currentWeek(ctx.now());
    const entries = await listEntries(ctx.db, request.site.id, week.days[0]!, week.days[6]!, { drafts: true });
    return sendAdmin(reply, <WeekScreen frame={adminFrame(app, request, reply)} week={week} entries={entries} notice={flash(request, NOTICES)} />);
  });

  /** ?ngay=<day> preselects the day; ?tu=<entry id> copies an entry (an unknown one is a 404). */
  app.get(`${PATH}/moi`, { schema: { querystring: Type.Object({ ngay: QueryText, tu: QueryText }) } }, async (request, reply) => {
    guard(request);
    const q = request.query;
    let form: EntryForm = { ...EMPTY_ENTRY, day: parseDay(q.ngay ?? '') ?? '' };
    if (q.tu !== undefined) {
      // Copy: the same entry a week later, as a draft (weekly meetings repeat).
      const fromId = parseId(q.tu);
      const from = fromId === null ? undefined : await findEntry(ctx.db, request.site.id, fromId);
      if (!from) throw new AppError('not_found');
      form = { ...formFromRow(from, addDays(from.day, 7)), published: '' };
      return entryScreen(request, reply, `${PATH}/moi`, 'Sao chép lịch công tác', form, {});
    }
    return entryScreen(request, reply, `${PATH}/moi`, 'Thêm lịch công tác', form, {});
  });

  app.post(`${PATH}/moi`, async (request, reply) => {
    guard(request);
    const form = formOf(request);
    const r = await saveEntry(cx(request), null, form);
    if (!r.ok) return entryScreen(request, reply, `${PATH}/moi`, 'Thêm lịch công tác', form, r.errors, 422);
    return backTo(reply, parseDay(form.day)!, 'da-them');
  });

  app.post(`${PATH}/cong-bo`, async (request, reply) => {
    guard(request);
    const week = parseWeek(bodyField(request, 'tuan'));
    if (!week) throw new AppError('bad_request');
    await publishWeek(cx(request), week, true);
    return redirectWithFlash(reply, weekUrl(week), 'da-cong-bo');
  });

  app.post(`${PATH}/an`, async (request, reply) => {
    guard(request);
    const week = parseWeek(bodyField(request, 'tuan'));
    if (!week) throw new AppError('bad_request');
    await publishWeek(cx(request), week, false);
    return redirectWithFlash(reply, weekUrl(week), 'da-an');
  });

  app.get(`${PATH}/:id`, byId, async (request, reply) => {
    guard(request);
    const id = Number(request.params.id);
    const entry = await findEntry(ctx.db, request.site.id, id);
    if (!entry) throw new AppError('not_found');
    return entryScreen(request, reply, `${PATH}/${id}`, 'Sửa lịch công tác', formFromRow(entry), {});
  });

  app.post(`${PATH}/:id`, byId, async (request, reply) => {
    guard(request);
    const id = Number(request.params.id);
    if (!(await findEntry(ctx.db, request.site.id, id))) throw new AppError('not_found');
    const form = formOf(request);
    const r = await saveEntry(cx(request), id, form);
    if (!r.ok) return entryScreen(request, reply, `${PATH}/${id}`, 'Sửa lịch công tác', form, r.errors, 422);
    return backTo(reply, parseDay(form.day)!, 'da-luu');
  });

  app.post(`${PATH}/:id/xoa`, byId, async (request, reply) => {
    guard(request);
    const day = await deleteEntry(cx(request), Number(request.params.id));
    return backTo(reply, day, 'da-xoa');
  });
}
