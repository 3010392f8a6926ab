import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { commandContext as cx } from '../../../kernel/commands.js';
import type { ClipKind } from '../../../kernel/db/tables/gallery.js';
import { actorOf, adminFrame, bodyField, sendAdmin } from '../../../kernel/http/admin-scope.js';
import { flash, redirectWithFlash, type FlashMessages } from '../../../kernel/http/flash.js';
import { IdParams } from '../../../kernel/http/route-schemas.js';
import { AppError } from '../../../kernel/lib/errors.js';
import type { FieldErrors } from '../../../kernel/views/admin/forms.js';
import { listMedia } from '../../media/repo.js';
import { deleteClip } from '../commands/delete-clip.js';
import { saveClip } from '../commands/save-clip.js';
import { EMPTY_CLIP, type ClipForm } from '../input.js';
import { ADMIN_PATH } from '../paths.js';
import { videoPolicy } from '../policy.js';
import { findClip, listClips, type Clip } from '../repo.js';
import { ClipListScreen, ClipScreen } from './views.js';

const NOTICES: FlashMessages = { 'da-luu': 'Đã lưu.', 'da-xoa': 'Đã xóa.' };
const NEW_HEADING: Record<ClipKind, string> = { video: 'Thêm video', audio: 'Thêm bản tin phát thanh' };

function guard(request: FastifyRequest): void {
  if (!videoPolicy.manage(actorOf(request), request.site.id)) throw new AppError('forbidden');
}

function formOf(request: FastifyRequest): ClipForm {
  const out = { ...EMPTY_CLIP };
  for (const k of Object.keys(out) as (keyof ClipForm)[]) out[k] = bodyField(request, k) ?? '';
  return out;
}

const formFromClip = (c: Clip): ClipForm => ({
  title: c.title,
  recorded_on: c.recorded_on.split('-').reverse().join('/'),
  summary: c.summary,
  youtube: c.youtube_id ? `https://www.youtube.com/watch?v=${c.youtube_id}` : '',
  media_id: c.media_id === null ? '' : String(c.media_id),
  poster_media_id: c.poster_media_id === null ? '' : String(c.poster_media_id),
  published: c.published ? '1' : '',
});

const byId = { schema: { params: IdParams } };

/** Back-office screens of Video (/quan-tri/video) and Bản tin phát thanh (/quan-tri/phat-thanh). */
export async function videoAdminRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;

  for (const kind of ['video', 'audio'] as ClipKind[]) {
    const PATH = ADMIN_PATH[kind];
    const screen = async (request: FastifyRequest, reply: FastifyReply, o: { heading: string; action: string; form: ClipForm; errors?: FieldErrors; clip?: Clip; status?: number }) => {
      const [files, images] = await Promise.all([
        listMedia(ctx.db, request.site.id, { kind, limit: 8 }),
        listMedia(ctx.db, request.site.id, { kind: 'image', limit: 6 }),
      ]);
      return sendAdmin(reply, <ClipScreen frame={adminFrame(app, request, reply)} kind={kind} heading={o.heading} action={o.action} form={o.form} errors={o.errors ?? {}} clip={o.clip} recent={[...files, ...images]} />, o.status ?? 200);
    };
    const load = async (request: FastifyRequest, id: number) => {
      const clip = await findClip(ctx.db, request.site.id, kind, id, { drafts: true });
      if (!clip) throw new AppError('not_found');
      return clip;
    };

    app.get(PATH, async (request, reply) => {
      guard(request);
      const clips = await listClips(ctx.db, request.site.id, kind, { drafts: true, limit: 500 });
      return sendAdmin(reply, <ClipListScreen frame={adminFrame(app, request, reply)} kind={kind} clips={clips} notice={flash(request, NOTICES)} />);
    });

    app.get(`${PATH}/moi`, async (request, reply) => {
      guard(request);
      return screen(request, reply, { heading: NEW_HEADING[kind], action: `${PATH}/moi`, form: EMPTY_CLIP });
    });

    app.post(`${PATH}/moi`, async (request, reply) => {
      guard(request);
      const form = formOf(request);
      const r = await saveClip(cx(request), kind, null, form);
      if (!r.ok) return screen(request, reply, { heading: NEW_HEADING[kind], action: `${PATH}/moi`, form, errors: r.errors, status: 422 });
      return redirectWithFlash(reply, PATH, 'da-luu');
    });

    app.get(`${PATH}/:id`, byId, async (request, reply) => {
      guard(request);
      const clip = await load(request, Number(request.params.id));
      return screen(request, reply, { heading: `Sửa: ${clip.title}`, action: `${PATH}/${clip.id}`, form: formFromClip(clip), clip });
    });

    app.post(`${PATH}/:id`, byId, async (request, reply) => {
      guard(request);
      const clip = await load(request, Number(request.params.id));
      const form = formOf(request);
      const r = await saveClip(cx(request), kind, clip.id, form);
      if (!r.ok) return screen(request, reply, { heading: `Sửa: ${clip.title}`, action: `${PATH}/${clip.id}`, form, errors: r.errors, clip, status: 422 });
      return redirectWithFlash(reply, PATH, 'da-luu');
    });

    app.post(`${PATH}/:id/xoa`, byId, async (request, reply) => {
      guard(request);
      await deleteClip(cx(request), kind, Number(request.params.id));
      return redirectWithFlash(reply, PATH, 'da-xoa');
    });
  }
}
