import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { commandContext } from '../../../kernel/commands.js';
import { flash, redirectWithFlash, type FlashMessages } from '../../../kernel/http/flash.js';
import { IdParams } from '../../../kernel/http/route-schemas.js';
import { parseId } from '../../../kernel/lib/ids.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { deletePoll, setPollOpen } from '../commands/poll-state.js';
import { emptyPollForm, formOfPoll, localInput, type PollForm } from '../commands/poll-input.js';
import { savePoll } from '../commands/save-poll.js';
import { pollPolicy } from '../policy.js';
import { listAllPolls, loadPoll } from '../repo.js';
import { actorOf, adminFrame, bodyField, bodyFields, sendAdmin } from '../../../kernel/http/admin-scope.js';
import type { FieldErrors } from '../../../kernel/views/admin/forms.js';
import { PollDeleteScreen, PollEditScreen, PollListScreen, PollResultsScreen, POLLS_ADMIN } from './views.js';

const NOTICES: FlashMessages = {
  'da-tao': 'Đã tạo cuộc thăm dò.',
  'da-luu': 'Đã lưu cuộc thăm dò.',
  'da-mo': 'Đã mở cuộc thăm dò.',
  'da-dong': 'Đã đóng cuộc thăm dò.',
  'da-xoa': 'Đã xoá cuộc thăm dò.',
};

export function guardPolls(request: FastifyRequest): void {
  if (!pollPolicy.manage(actorOf(request), request.site.id)) throw new AppError('forbidden');
}

function pollFormOf(request: FastifyRequest): PollForm {
  const body = (request.body ?? {}) as Record<string, unknown>;
  // An existing option's box is named "pa_<option id>".
  const existing = Object.keys(body)
    .filter((k) => k.startsWith('pa_') && parseId(k.slice(3)) !== null)
    .map((k) => ({ id: Number(k.slice(3)), label: bodyField(request, k) ?? '' }));
  const f = (name: string) => bodyField(request, name) ?? '';
  return {
    question: f('cau_hoi'), multiple: f('kieu'), max_choices: f('toi_da'), opens_at: f('bat_dau'), closes_at: f('ket_thuc'),
    results: f('ket_qua'), published: f('dang'), existing, added: bodyFields(request, 'pa_moi').slice(0, 20).map((s) => s.normalize('NFC')),
  };
}

/** Thăm dò ý kiến in the back office (and, from here, Góp ý dự thảo). */
export async function pollAdminRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
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

  async function loaded(request: FastifyRequest, id: string) {
    const p = await loadPoll(ctx.db, request.site.id, Number(id));
    if (!p) throw new AppError('not_found');
    return p;
  }

  app.get(POLLS_ADMIN, async (request, reply) => {
    guardPolls(request);
    const polls = await listAllPolls(ctx.db, request.site.id);
    return sendAdmin(reply, <PollListScreen frame={adminFrame(app, request, reply)} polls={polls} now={ctx.now()} notice={flash(request, NOTICES)} />);
  });

  app.get(`${POLLS_ADMIN}/moi`, async (request, reply) => {
    guardPolls(request);
    return edit(request, reply, null, emptyPollForm(localInput(ctx.now().toISOString())), {});
  });

  app.post(POLLS_ADMIN, async (request, reply) => {
    guardPolls(request);
    const form = pollFormOf(request);
    const r = await savePoll(commandContext(request), null, { ...form, existing: [] });
    if (!r.ok) return edit(request, reply, null, { ...form, existing: [] }, r.errors, 422);
    return redirectWithFlash(reply, POLLS_ADMIN, 'da-tao');
  });

  app.get(`${POLLS_ADMIN}/:id`, { schema: { params: IdParams } }, async (request, reply) => {
    guardPolls(request);
    const { poll, options } = await loaded(request, request.params.id);
    return edit(request, reply, poll.id, formOfPoll(poll, options), {});
  });

  app.post(`${POLLS_ADMIN}/:id`, { schema: { params: IdParams } }, async (request, reply) => {
    guardPolls(request);
    const { poll, options } = await loaded(request, request.params.id);
    const typed = pollFormOf(request);
    const known = new Map(typed.existing.map((o) => [o.id, o.label]));
    // An option missing from the post counts as emptied (removed), as if its box were cleared.
    const form = { ...typed, existing: options.map((o) => ({ id: o.id, label: known.get(o.id) ?? '' })) };
    const r = await savePoll(commandContext(request), poll.id, form);
    if (!r.ok) return edit(request, reply, poll.id, form, r.errors, 422);
    return redirectWithFlash(reply, POLLS_ADMIN, 'da-luu');
  });

  app.get(`${POLLS_ADMIN}/:id/ket-qua`, { schema: { params: IdParams } }, async (request, reply) => {
    guardPolls(request);
    const { poll, options } = await loaded(request, request.params.id);
    return sendAdmin(reply, <PollResultsScreen frame={adminFrame(app, request, reply)} poll={poll} options={options} now={ctx.now()} />);
  });

  for (const [suffix, open] of [['mo', true], ['dong', false]] as const) {
    app.post(`${POLLS_ADMIN}/:id/${suffix}`, { schema: { params: IdParams } }, async (request, reply) => {
      guardPolls(request);
      await setPollOpen(commandContext(request), Number(request.params.id), open);
      return redirectWithFlash(reply, POLLS_ADMIN, open ? 'da-mo' : 'da-dong');
    });
  }

  app.get(`${POLLS_ADMIN}/:id/xoa`, { schema: { params: IdParams } }, async (request, reply) => {
    guardPolls(request);
    const { poll } = await loaded(request, request.params.id);
    return sendAdmin(reply, <PollDeleteScreen frame={adminFrame(app, request, reply)} poll={poll} />);
  });

  app.post(`${POLLS_ADMIN}/:id/xoa`, { schema: { params: IdParams } }, async (request, reply) => {
    guardPolls(request);
    await deletePoll(commandContext(request), Number(request.params.id));
    return redirectWithFlash(reply, POLLS_ADMIN, 'da-xoa');
  });

}
