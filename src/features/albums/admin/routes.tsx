import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { commandContext as cx } from '../../../kernel/commands.js';
import { flash, redirectWithFlash, type FlashMessages } from '../../../kernel/http/flash.js';
import { IdParams } from '../../../kernel/http/route-schemas.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { actorOf, adminFrame, bodyField, sendAdmin } from '../../../kernel/http/admin-scope.js';
import type { FieldErrors } from '../../../kernel/views/admin/forms.js';
import { listMedia } from '../../media/repo.js';
import { addPhoto } from '../commands/add-photo.js';
import { deleteAlbum } from '../commands/delete-album.js';
import { removePhoto } from '../commands/remove-photo.js';
import { saveAlbum } from '../commands/save-album.js';
import { EMPTY_ALBUM, EMPTY_PHOTO, type AlbumForm, type PhotoForm } from '../input.js';
import { ALBUMS_ADMIN_PATH as PATH } from '../paths.js';
import { albumsPolicy } from '../policy.js';
import { findAlbum, listAlbums, listPhotos } from '../repo.js';
import type { AlbumRow } from '../../../kernel/db/tables/gallery.js';
import { AlbumListScreen, AlbumScreen } from './views.js';

const NOTICES: FlashMessages = {
  'da-them': 'Đã tạo album. Hãy thêm ảnh.',
  'da-luu': 'Đã lưu album.',
  'da-xoa': 'Đã xóa album.',
  'da-them-anh': 'Đã thêm ảnh vào album.',
  'da-bo-anh': 'Đã bỏ ảnh khỏi album.',
};

function guard(request: FastifyRequest): void {
  if (!albumsPolicy.manage(actorOf(request), request.site.id)) throw new AppError('forbidden');
}

const formOf = <T extends object>(request: FastifyRequest, empty: T): T => {
  const out = { ...empty } as Record<string, string>;
  for (const k of Object.keys(out)) out[k] = bodyField(request, k) ?? '';
  return out as T;
};

const albumForm = (a: AlbumRow): AlbumForm => ({ title: a.title, description: a.description, taken_on: a.taken_on ? a.taken_on.split('-').reverse().join('/') : '', published: a.published ? '1' : '' });

const byId = { schema: { params: IdParams } };

/** Back-office screens of Thư viện ảnh. */
export async function albumAdminRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;

  async function editScreen(request: FastifyRequest, reply: FastifyReply, album: AlbumRow, o: { form?: AlbumForm; errors?: FieldErrors; photoForm?: PhotoForm; photoErrors?: FieldErrors; status?: number } = {}) {
    const [photos, recent] = await Promise.all([listPhotos(ctx.db, request.site.id, album.id), listMedia(ctx.db, request.site.id, { kind: 'image', limit: 12 })]);
    return sendAdmin(
      reply,
      <AlbumScreen
        frame={adminFrame(app, request, reply)}
        heading={`Album: ${album.title}`}
        action={`${PATH}/${album.id}`}
        form={o.form ?? albumForm(album)}
        errors={o.errors ?? {}}
        album={album}
        photos={photos}
        photoForm={o.photoForm}
        photoErrors={o.photoErrors}
        recent={recent}
        notice={flash(request, NOTICES)}
      />,
      o.status ?? 200,
    );
  }
  const load = async (request: FastifyRequest, id: number) => {
    const album = await findAlbum(ctx.db, request.site.id, id, { drafts: true });
    if (!album) throw new AppError('not_found');
    return album;
  };

  app.get(PATH, async (request, reply) => {
    guard(request);
    const albums = await listAlbums(ctx.db, request.site.id, { drafts: true, limit: 500 });
    return sendAdmin(reply, <AlbumListScreen frame={adminFrame(app, request, reply)} albums={albums} notice={flash(request, NOTICES)} />);
  });

  app.get(`${PATH}/moi`, async (request, reply) => {
    guard(request);
    return sendAdmin(reply, <AlbumScreen frame={adminFrame(app, request, reply)} heading="Thêm album" action={`${PATH}/moi`} form={EMPTY_ALBUM} errors={{}} />);
  });

  app.post(`${PATH}/moi`, async (request, reply) => {
    guard(request);
    const form = formOf(request, EMPTY_ALBUM);
    const r = await saveAlbum(cx(request), null, form);
    if (!r.ok) return sendAdmin(reply, <AlbumScreen frame={adminFrame(app, request, reply)} heading="Thêm album" action={`${PATH}/moi`} form={form} errors={r.errors} />, 422);
    return redirectWithFlash(reply, `${PATH}/${r.value}`, 'da-them');
  });

  app.get(`${PATH}/:id`, byId, async (request, reply) => {
    guard(request);
    return editScreen(request, reply, await load(request, Number(request.params.id)));
  });

  app.post(`${PATH}/:id`, byId, async (request, reply) => {
    guard(request);
    const album = await load(request, Number(request.params.id));
    const form = formOf(request, EMPTY_ALBUM);
    const r = await saveAlbum(cx(request), album.id, form);
    if (!r.ok) return editScreen(request, reply, album, { form, errors: r.errors, status: 422 });
    return redirectWithFlash(reply, `${PATH}/${album.id}`, 'da-luu');
  });

  app.post(`${PATH}/:id/anh`, byId, async (request, reply) => {
    guard(request);
    const album = await load(request, Number(request.params.id));
    const photoForm = formOf(request, EMPTY_PHOTO);
    const r = await addPhoto(cx(request), album.id, photoForm);
    if (!r.ok) return editScreen(request, reply, album, { photoForm, photoErrors: r.errors, status: 422 });
    return redirectWithFlash(reply, `${PATH}/${album.id}`, 'da-them-anh');
  });

  app.post(`${PATH}/anh/:id/xoa`, byId, async (request, reply) => {
    guard(request);
    const albumId = await removePhoto(cx(request), Number(request.params.id));
    return redirectWithFlash(reply, `${PATH}/${albumId}`, 'da-bo-anh');
  });

  app.post(`${PATH}/:id/xoa`, byId, async (request, reply) => {
    guard(request);
    await deleteAlbum(cx(request), Number(request.params.id));
    return redirectWithFlash(reply, PATH, 'da-xoa');
  });
}
