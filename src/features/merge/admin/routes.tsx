import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf, adminFrame, bodyField, bodyFields, sendAdmin } from '../../../kernel/http/admin-scope.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { mergeSites, type MergeRequest, type SiteOutcome } from '../commands/merge-sites.js';
import { mergePolicy } from '../policy.js';
import { MERGE_PATH, MergePage, PREVIEW_PATH, type MergeForm } from './view.js';

/** The system admins' screen for `cong merge-sites`: choose, see the plan ("Xem trước"), then merge ("Hợp nhất"). */
export async function mergeAdminRoutes(app: FastifyInstance): Promise<void> {
  const ctx = app.cong;
  const guard = (request: FastifyRequest) => {
    if (!mergePolicy.merge(actorOf(request))) throw new AppError('forbidden');
  };
  const formOf = (request: FastifyRequest): MergeForm => ({ into: bodyField(request, 'into') ?? '', olds: bodyFields(request, 'olds').map((c) => c.normalize('NFC')), mode: bodyField(request, 'mode') ?? 'subtree' });
  const page = async (request: FastifyRequest, reply: FastifyReply, form: MergeForm, extra: { errors?: Record<string, string>; plan?: SiteOutcome[]; done?: SiteOutcome[] }, status = 200) => {
    const sites = (await ctx.db.selectFrom('sites').select(['code', 'name', 'archived_at']).orderBy('id').execute()).map((s) => ({ code: s.code, name: s.name, archived: s.archived_at !== null }));
    return sendAdmin(reply, <MergePage frame={adminFrame(app, request, reply)} sites={sites} form={form} errors={extra.errors ?? {}} plan={extra.plan} done={extra.done} />, status);
  };
  const run = (request: FastifyRequest, form: MergeForm, dryRun: boolean) => {
    const r: MergeRequest = { into: form.into, olds: form.olds, mode: form.mode as MergeRequest['mode'], dryRun };
    return mergeSites({
      db: ctx.db,
      media: ctx.media,
      now: ctx.now(),
      actorId: actorOf(request).userId,
      afterCommit: async (ids) => {
        for (const id of ids) ctx.pageCache.purgeSite(id);
        await ctx.sites.reload();
      },
    }, r);
  };

  app.get(MERGE_PATH, async (request, reply) => {
    guard(request);
    return page(request, reply, { into: '', olds: [], mode: 'subtree' }, {});
  });

  app.post(PREVIEW_PATH, async (request, reply) => {
    guard(request);
    const form = formOf(request);
    const r = await run(request, form, true);
    if (!r.ok) return page(request, reply, form, { errors: 'fields' in r ? r.fields : { _form: r.errors.join(' ') } }, 422);
    return page(request, reply, form, { plan: r.sites });
  });

  app.post(MERGE_PATH, async (request, reply) => {
    guard(request);
    const form = formOf(request);
    const r = await run(request, form, false);
    if (r.ok) return page(request, reply, { into: '', olds: [], mode: 'subtree' }, { done: r.sites });
    if ('fields' in r) return page(request, reply, form, { errors: r.fields }, 422);
    return page(request, reply, form, { errors: { _form: r.errors.join(' ') }, done: r.merged }, 500);
  });
}
