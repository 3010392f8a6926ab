import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { cached } from '../../../kernel/http/cached.js';
import { frameFor, htmlPage, permanentRedirect } from '../../../kernel/http/render.js';
import { pageNumber, QueryText, SlugIdParams } from '../../../kernel/http/route-schemas.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { splitSlugId } from '../../../kernel/lib/ids.js';
import { sendCachedAs } from '../../schedule/page-keys.js';
import { ALBUMS_PATH, albumUrl, photoUrl } from '../paths.js';
import { countAlbums, findAlbum, lastAlbumChange, listAlbums, listPhotos } from '../repo.js';
import { ALBUMS_PER_PAGE, listKey } from './list-key.js';
import { AlbumListPage, AlbumPage, PhotoPage } from './views.js';

const PhotoParams = Type.Object({ slugId: SlugIdParams.properties.slugId, photo: Type.String({ pattern: '^anh-\\d{1,6}$' }) });

/** Thư viện ảnh: the albums, an album's photos, and one page per photo. */
export async function albumRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;

  // The list depends on ?trang=, so it is kept under a key with the page number (page-keys.ts).
  app.get(ALBUMS_PATH, { schema: { querystring: Type.Object({ trang: QueryText }) } }, async (request, reply) => {
    const site = request.site;
    const page = pageNumber(request.query.trang);
    return sendCachedAs(app, request, reply, listKey(page), async () => {
      const total = await countAlbums(ctx.db, site.id);
      const pages = Math.max(1, Math.ceil(total / ALBUMS_PER_PAGE));
      if (page > pages) throw new AppError('not_found');
      const [frame, albums, changed] = await Promise.all([
        frameFor(ctx, request),
        listAlbums(ctx.db, site.id, { limit: ALBUMS_PER_PAGE, offset: (page - 1) * ALBUMS_PER_PAGE }),
        lastAlbumChange(ctx.db, site.id),
      ]);
      return htmlPage(<AlbumListPage frame={frame} albums={albums} page={page} pages={pages} />, changed);
    });
  });

  app.get(`${ALBUMS_PATH}/:slugId`, cached(app, { params: SlugIdParams }, async (request) => {
    const { slug, id } = splitSlugId(request.params.slugId);
    const album = await findAlbum(ctx.db, request.site.id, id);
    if (!album) throw new AppError('not_found');
    if (slug !== album.slug) return permanentRedirect(albumUrl(album));
    const [frame, photos] = await Promise.all([frameFor(ctx, request), listPhotos(ctx.db, request.site.id, album.id)]);
    return htmlPage(<AlbumPage frame={frame} album={album} photos={photos} />, album.updated_at);
  }));

  app.get(`${ALBUMS_PATH}/:slugId/:photo`, cached(app, { params: PhotoParams }, async (request) => {
    const { slug, id } = splitSlugId(request.params.slugId);
    const position = Number(request.params.photo.slice('anh-'.length));
    const album = await findAlbum(ctx.db, request.site.id, id);
    if (!album) throw new AppError('not_found');
    if (slug !== album.slug) return permanentRedirect(photoUrl(album, position));
    const [frame, photos] = await Promise.all([frameFor(ctx, request), listPhotos(ctx.db, request.site.id, album.id)]);
    const photo = photos.find((p) => p.position === position);
    if (!photo) throw new AppError('not_found');
    return htmlPage(<PhotoPage frame={frame} album={album} photos={photos} photo={photo} />, album.updated_at);
  }));
}
