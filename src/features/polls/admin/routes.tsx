import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CommandContext } from '../../../kernel/commands.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { deletePoll, setPollOpen } from '../commands/poll-state.js';
import { emptyPollForm, formOfPoll, localInput, type PollForm } from '../commands/poll-input.js';
import { savePoll } from '../commands/save-poll.js';
import { pollPolicy } from '../policy.js';
import { listAllPolls, loadPoll } from '../repo.js';
import { actorOf, adminFrame, bodyField, bodyFields, sendAdmin } from '../../../kernel/http/admin-scope.js';
import { idParam, noticeOf, redirect } from '../../sites/admin/shared.js';
import type { FieldErrors } from '../../../kernel/views/admin/forms.js';
import { PollDeleteScreen, PollEditScreen, PollListScreen, PollResultsScreen, POLLS_ADMIN } from './views.js';

const NOTICES: Record<string, string> = {
  'da-tao': 'Đã tạo cuộc thăm dò.',
  'da-luu': 'Đã lưu cuộc thăm dò.',
  'da-mo': 'Đã mở cuộc thăm dò.',
  'da-dong': 'Đã đóng cuộc thăm dò.',
  'da-xoa': 'Đã xoá cuộc thăm dò.',
};

export function guardPolls(request: FastifyRequest): void {
  if (!pollPolicy.manage(actorOf(request), request.site.id)) throw new AppError('forbidden');
}

export function commandContext(app: FastifyInstance, request: FastifyRequest): CommandContext {
  const ctx = app.cong;
  return { db: ctx.db, site: request.site, actor: actorOf(request), now: ctx.now(), cache: ctx.pageCache };
}

function pollFormOf(request: FastifyRequest): PollForm {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const existing = Object.keys(body)
    .map((k) => /^pa_(\d{1,12})$/.exec(k))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => ({ id: Number(m[1]), label: bodyField(request, m[0]) ?? '' }));
  const f = (name: string) => bodyField(request, name) ?? '';
  return {
    question: f('cau_hoi'), multiple: f('kieu'), max_choices: f('toi_da'), opens_at: f('bat_dau'), closes_at: f('ket_thuc'),
    results: f('ket_qua'), published: f('dang'), existing, added: bodyFields(request, 'pa_moi').slice(0, 20).map((s) => s.normalize('NFC')),
  };
}

/** Thăm dò ý kiến in the back office (and, from here, Góp ý dự thảo). */
export async function pollAdminRoutes(app: FastifyInstance): Promise<void> {
  const ctx = app.cong;

  async function edit(request: FastifyRequest, reply: FastifyReply, id: number | null, form: PollForm, errors: FieldErrors, status = 200) {
    const votes = new Map<number, number>();
    if (id) {
      const p = await loadPoll(ctx.db, request.site.id, id);
      if (!p) throw new AppError('not_found');
      for (const o of p.options) votes.set(o.id, Number(o.votes));
      // Only this poll's options may be edited: ids from elsewhere are dropped.
      form = { ...form, existing: form.existing.filter((o) => votes.has(o.id)) };
    }
    return sendAdmin(reply, <PollEditScreen frame={adminFrame(app, request, reply)} id={id} form={form} errors={errors} votes={votes} />, status);
  }

  async function loaded(request: FastifyRequest) {
    const p = await loadPoll(ctx.db, request.site.id, idParam(request));
    if (!p) throw new AppError('not_found');
    return p;
  }

  app.get(POLLS_ADMIN, async (request, reply) => {
    guardPolls(request);
    const polls = await listAllPolls(ctx.db, request.site.id);
    return sendAdmin(reply, <PollListScreen frame={adminFrame(app, request, reply)} polls={polls} now={ctx.now()} notice={noticeOf(request, NOTICES)} />);
  });

  app.get(`${POLLS_ADMIN}/moi`, async (request, reply) => {
    guardPolls(request);
    return edit(request, reply, null, emptyPollForm(localInput(ctx.now().toISOString())), {});
  });

  app.post(POLLS_ADMIN, async (request, reply) => {
    guardPolls(request);
    const form = pollFormOf(request);
    const r = await savePoll(commandContext(app, request), null, { ...form, existing: [] });
    if (!r.ok) return edit(request, reply, null, { ...form, existing: [] }, r.errors, 422);
    return redirect(reply, POLLS_ADMIN, 'da-tao');
  });

  app.get(`${POLLS_ADMIN}/:id`, async (request, reply) => {
    guardPolls(request);
    const { poll, options } = await loaded(request);
    return edit(request, reply, poll.id, formOfPoll(poll, options), {});
  });

  app.post(`${POLLS_ADMIN}/:id`, async (request, reply) => {
    guardPolls(request);
    const { poll, options } = await loaded(request);
    const typed = pollFormOf(request);
    const known = new Map(typed.existing.map((o) => [o.id, o.label]));
    // An option missing from the post counts as emptied (removed), as if its box were cleared.
    const form = { ...typed, existing: options.map((o) => ({ id: o.id, label: known.get(o.id) ?? '' })) };
    const r = await savePoll(commandContext(app, request), poll.id, form);
    if (!r.ok) return edit(request, reply, poll.id, form, r.errors, 422);
    return redirect(reply, POLLS_ADMIN, 'da-luu');
  });

  app.get(`${POLLS_ADMIN}/:id/ket-qua`, async (request, reply) => {
    guardPolls(request);
    const { poll, options } = await loaded(request);
    return sendAdmin(reply, <PollResultsScreen frame={adminFrame(app, request, reply)} poll={poll} options={options} now={ctx.now()} />);
  });

  for (const [suffix, open] of [['mo', true], ['dong', false]] as const) {
    app.post(`${POLLS_ADMIN}/:id/${suffix}`, async (request, reply) => {
      guardPolls(request);
      await setPollOpen(commandContext(app, request), idParam(request), open);
      return redirect(reply, POLLS_ADMIN, open ? 'da-mo' : 'da-dong');
    });
  }

  app.get(`${POLLS_ADMIN}/:id/xoa`, async (request, reply) => {
    guardPolls(request);
    const { poll } = await loaded(request);
    return sendAdmin(reply, <PollDeleteScreen frame={adminFrame(app, request, reply)} poll={poll} />);
  });

  app.post(`${POLLS_ADMIN}/:id/xoa`, async (request, reply) => {
    guardPolls(request);
    await deletePoll(commandContext(app, request), idParam(request));
    return redirect(reply, POLLS_ADMIN, 'da-xoa');
  });

}
