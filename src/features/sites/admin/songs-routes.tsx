import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../kernel/lib/errors.js';
import { findSong, listSongs } from '../widgets-repo.js';
import { addSong, EMPTY_SONG, type SongForm } from '../commands/add-song.js';
import { deleteSong } from '../commands/delete-song.js';
import { updateSong } from '../commands/update-song.js';
import { adminFrame, sendAdmin } from '../../../kernel/http/admin-scope.js';
import type { FieldErrors } from '../../../kernel/views/admin/forms.js';
import { formOf, guardSiteAdmin, moveRoutes } from './shared.js';
import { siteCommandContext } from '../commands/context.js';
import { flash, redirectWithFlash, type FlashMessages } from '../../../kernel/http/flash.js';
import { IdParams } from '../../../kernel/http/route-schemas.js';
import { songUploadScope } from './song-upload.js';
import { SongEditPage, SongsPage, SONGS_PATH as PATH } from './songs-view.js';
import { perMinute } from '../../../kernel/http/limits.js';

const NOTICES: FlashMessages = {
  'da-tai-len': 'Đã tải lên bài hát.',
  'da-luu': 'Đã lưu bài hát.',
  'da-xoa': 'Đã xoá bài hát khỏi danh sách phát.',
  'da-sap-xep': 'Đã đổi thứ tự bài hát.',
};

/** The songs playlist widget: upload, rename, order, delete. */
export async function songRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;
  const list = async (request: FastifyRequest, reply: FastifyReply, form: SongForm, errors: FieldErrors, status = 200) =>
    sendAdmin(reply, <SongsPage frame={adminFrame(app, request, reply)} songs={await listSongs(ctx.db, request.site.id)} form={form} errors={errors} notice={status === 200 ? flash(request, NOTICES) : undefined} />, status);
  const edit = (request: FastifyRequest, reply: FastifyReply, id: number, form: SongForm, errors: FieldErrors, status = 200) =>
    sendAdmin(reply, <SongEditPage frame={adminFrame(app, request, reply)} id={id} form={form} errors={errors} />, status);

  app.get(PATH, async (request, reply) => {
    guardSiteAdmin(request);
    return list(request, reply, EMPTY_SONG, {});
  });

  await songUploadScope(app, async (scope) => {
    // The role is checked before the body is read, so only site admins can make us buffer a file.
    scope.post(`${PATH}/tai-len`, { onRequest: async (request) => guardSiteAdmin(request), config: { rateLimit: perMinute(20) } }, async (request, reply) => {
      const form = formOf(request, EMPTY_SONG);
      const r = await addSong(siteCommandContext(request), ctx.media, form, request.songUpload);
      if (!r.ok) return list(request, reply, form, r.errors, 422);
      return redirectWithFlash(reply, PATH, 'da-tai-len');
    });
  });

  app.get(`${PATH}/:id`, { schema: { params: IdParams } }, async (request, reply) => {
    guardSiteAdmin(request);
    const id = Number(request.params.id);
    const song = await findSong(ctx.db, request.site.id, id);
    if (!song) throw new AppError('not_found');
    return edit(request, reply, id, { title: song.title, artist: song.artist }, {});
  });

  app.post(`${PATH}/:id`, { schema: { params: IdParams } }, async (request, reply) => {
    guardSiteAdmin(request);
    const id = Number(request.params.id);
    const form = formOf(request, EMPTY_SONG);
    const r = await updateSong(siteCommandContext(request), id, form);
    if (!r.ok) return edit(request, reply, id, form, r.errors, 422);
    return redirectWithFlash(reply, PATH, 'da-luu');
  });

  app.post(`${PATH}/:id/xoa`, { schema: { params: IdParams } }, async (request, reply) => {
    guardSiteAdmin(request);
    await deleteSong(siteCommandContext(request), ctx.media, Number(request.params.id));
    return redirectWithFlash(reply, PATH, 'da-xoa');
  });

  moveRoutes(app, PATH, 'songs');
}
