import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../kernel/lib/errors.js';
import { findSong, listSongs } from '../widgets-repo.js';
import { addSong, EMPTY_SONG, type SongForm } from '../commands/add-song.js';
import { deleteSong } from '../commands/delete-song.js';
import { updateSong } from '../commands/update-song.js';
import { adminFrame, sendAdmin } from '../../../kernel/http/admin-scope.js';
import type { FieldErrors } from '../../../kernel/views/admin/forms.js';
import { commandContext, formOf, guardSiteAdmin, idParam, moveRoutes, noticeOf, redirect } from './shared.js';
import { songUploadScope } from './song-upload.js';
import { SongEditPage, SongsPage, SONGS_PATH as PATH } from './songs-view.js';

const NOTICES: Record<string, string> = {
  'da-tai-len': 'Đã tải lên bài hát.',
  'da-luu': 'Đã lưu bài hát.',
  'da-xoa': 'Đã xoá bài hát khỏi danh sách phát.',
  'da-sap-xep': 'Đã đổi thứ tự bài hát.',
};

/** The songs playlist widget: upload, rename, order, delete. */
export async function songRoutes(app: FastifyInstance): Promise<void> {
  const ctx = app.cong;
  const list = async (request: FastifyRequest, reply: FastifyReply, form: SongForm, errors: FieldErrors, status = 200) =>
    sendAdmin(reply, <SongsPage frame={adminFrame(app, request, reply)} songs={await listSongs(ctx.db, request.site.id)} form={form} errors={errors} notice={status === 200 ? noticeOf(request, NOTICES) : undefined} />, status);
  const edit = (request: FastifyRequest, reply: FastifyReply, form: SongForm, errors: FieldErrors, status = 200) =>
    sendAdmin(reply, <SongEditPage frame={adminFrame(app, request, reply)} id={idParam(request)} form={form} errors={errors} />, status);

  app.get(PATH, async (request, reply) => {
    guardSiteAdmin(request);
    return list(request, reply, EMPTY_SONG, {});
  });

  await songUploadScope(app, async (scope) => {
    // The role is checked before the body is read, so only site admins can make us buffer a file.
    scope.post(`${PATH}/tai-len`, { onRequest: async (request) => guardSiteAdmin(request), config: { rateLimit: { max: 20, timeWindow: '1 minute' } } }, async (request, reply) => {
      const form = formOf(request, EMPTY_SONG);
      const r = await addSong(commandContext(app, request), ctx.config.dataDir, form, request.songUpload);
      if (!r.ok) return list(request, reply, form, r.errors, 422);
      return redirect(reply, PATH, 'da-tai-len');
    });
  });

  app.get(`${PATH}/:id`, async (request, reply) => {
    guardSiteAdmin(request);
    const song = await findSong(ctx.db, request.site.id, idParam(request));
    if (!song) throw new AppError('not_found');
    return edit(request, reply, { title: song.title, artist: song.artist }, {});
  });

  app.post(`${PATH}/:id`, async (request, reply) => {
    guardSiteAdmin(request);
    const form = formOf(request, EMPTY_SONG);
    const r = await updateSong(commandContext(app, request), idParam(request), form);
    if (!r.ok) return edit(request, reply, form, r.errors, 422);
    return redirect(reply, PATH, 'da-luu');
  });

  app.post(`${PATH}/:id/xoa`, async (request, reply) => {
    guardSiteAdmin(request);
    await deleteSong(commandContext(app, request), ctx.config.dataDir, idParam(request));
    return redirect(reply, PATH, 'da-xoa');
  });

  moveRoutes(app, PATH, 'songs');
}
