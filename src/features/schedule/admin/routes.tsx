import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CommandContext } from '../../../kernel/commands.js';
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

const NOTICES: Record<string, string> = {
  'da-them': 'Đã thêm lịch công tác.',
  'da-luu': 'Đã lưu lịch công tác.',
  'da-xoa': 'Đã xoá lịch công tác.',
  'da-cong-bo': 'Đã công bố lịch tuần; người dân đã xem được.',
  'da-an': 'Đã ẩn lịch tuần khỏi trang công khai.',
};

function guard(request: FastifyRequest): void {
  if (!schedulePolicy.manage(actorOf(request), request.site.id)) throw new AppError('forbidden');
}

function idParam(request: FastifyRequest): number {
  const v = (request.params as { id?: string }).id ?? '';
  if (!/^\d{1,12}$/.test(v)) throw new AppError('not_found');
  return Number(v);
}

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
export async function scheduleAdminRoutes(app: FastifyInstance): Promise<void> {
  const ctx = app.cong;
  const cx = (request: FastifyRequest): CommandContext => ({ db: ctx.db, site: request.site, actor: actorOf(request), now: ctx.now(), cache: ctx.pageCache });
  const backTo = (reply: FastifyReply, day: string, notice: string) => reply.redirect(`${weekUrl(weekOfDate(day))}&tb=${notice}`, 303);
  const entryScreen = (request: FastifyRequest, reply: FastifyReply, action: string, heading: string, form: EntryForm, errors: FieldErrors, status = 200) => {
    const day = parseDay(form.day);
    const back = day ? weekUrl(weekOfDate(day)) : PATH;
    return sendAdmin(reply, <EntryScreen frame={adminFrame(app, request, reply)} action={action} heading={heading} form={form} errors={errors} back={back} />, status);
  };

  app.get(PATH, async (request, reply) => {
    guard(request);
    const q = request.query as { tuan?: string; tb?: string };
    const week = parseWeek(q.tuan) ?? currentWeek(ctx.now());
    const entries = await listEntries(ctx.db, request.site.id, week.days[0]!, week.days[6]!, { drafts: true });
    return sendAdmin(reply, <WeekScreen frame={adminFrame(app, request, reply)} week={week} entries={entries} notice={NOTICES[q.tb ?? '']} />);
  });

  app.get(`${PATH}/moi`, async (request, reply) => {
    guard(request);
    const q = request.query as { ngay?: string; tu?: string };
    let form: EntryForm = { ...EMPTY_ENTRY, day: parseDay(q.ngay ?? '') ?? '' };
    if (q.tu !== undefined) {
      // Copy: the same entry a week later, as a draft (weekly meetings repeat).
      const from = /^\d{1,12}$/.test(q.tu) ? await findEntry(ctx.db, request.site.id, Number(q.tu)) : undefined;
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
    return reply.redirect(`${weekUrl(week)}&tb=da-cong-bo`, 303);
  });

  app.post(`${PATH}/an`, async (request, reply) => {
    guard(request);
    const week = parseWeek(bodyField(request, 'tuan'));
    if (!week) throw new AppError('bad_request');
    await publishWeek(cx(request), week, false);
    return reply.redirect(`${weekUrl(week)}&tb=da-an`, 303);
  });

  app.get(`${PATH}/:id`, async (request, reply) => {
    guard(request);
    const id = idParam(request);
    const entry = await findEntry(ctx.db, request.site.id, id);
    if (!entry) throw new AppError('not_found');
    return entryScreen(request, reply, `${PATH}/${id}`, 'Sửa lịch công tác', formFromRow(entry), {});
  });

  app.post(`${PATH}/:id`, async (request, reply) => {
    guard(request);
    const id = idParam(request);
    if (!(await findEntry(ctx.db, request.site.id, id))) throw new AppError('not_found');
    const form = formOf(request);
    const r = await saveEntry(cx(request), id, form);
    if (!r.ok) return entryScreen(request, reply, `${PATH}/${id}`, 'Sửa lịch công tác', form, r.errors, 422);
    return backTo(reply, parseDay(form.day)!, 'da-luu');
  });

  app.post(`${PATH}/:id/xoa`, async (request, reply) => {
    guard(request);
    const day = await deleteEntry(cx(request), idParam(request));
    return backTo(reply, day, 'da-xoa');
  });
}
