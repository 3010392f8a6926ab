import multipart, { type MultipartFile, type MultipartValue } from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { flash, redirectWithFlash, type FlashMessages } from '../../../kernel/http/flash.js';
import { limitedTo } from '../../../kernel/http/limits.js';
import { IdParams, QueryText } from '../../../kernel/http/route-schemas.js';
import { parseCursor } from '../../../kernel/lib/ids.js';
import { commandContext } from '../../../kernel/commands.js';
import { AppError } from '../../../kernel/lib/errors.js';
import type { MediaCommandContext } from '../commands/context.js';
import { deleteMedia } from '../commands/delete-media.js';
import { UPLOAD_LIMITS, uploadMedia, type UploadInput } from '../commands/upload-media.js';
import { mediaPolicy } from '../policy.js';
import { findMedia, findUses, listMedia } from '../repo.js';
import { safeEqual } from '../../../kernel/lib/tokens.js';
import { actorOf, ADMIN, adminFrame, bodyField, sendAdmin } from '../../../kernel/http/admin-scope.js';
import { findUserById } from '../../../kernel/access/users-repo.js';
import { MediaDetailPage } from './detail-view.js';
import { mediaPickerRoutes } from './picker-routes.js';
import { KIND_PARAMS, MediaListPage, MediaUploadPage, type UploadFormValues } from './views.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The file of a media upload, read only once the form's CSRF token was found valid. */
    mediaUpload: UploadInput['file'];
  }
}

const BASE = `${ADMIN}/thu-vien`;
const PAGE = 24;
const NOTICES: FlashMessages = { 'da-tai-len': 'Đã tải tệp lên.', 'da-xoa': 'Đã xóa tệp.' };
/** The library's filters (?loai=anh, ?q=…) and where the list continues (?sau=<created_at>~<id>). */
const ListQuery = Type.Object({ loai: QueryText, q: QueryText, sau: QueryText });

/**
 * Reads the uploaded file into memory only when the CSRF token sent before it (our form puts
 * `_csrf` first) or in the X-CSRF-Token header is the session's; otherwise the bytes are
 * drained and dropped, and the admin CSRF hook refuses the request with 403 before any handler.
 */
async function onFile(this: FastifyRequest, part: MultipartFile): Promise<void> {
  const field = part.fields._csrf as MultipartValue | undefined;
  const sent = typeof field?.value === 'string' ? field.value : this.headers['x-csrf-token'];
  const expected = this.session?.csrf_token;
  if (this.mediaUpload || typeof sent !== 'string' || !expected || !safeEqual(sent, expected)) {
    for await (const _chunk of part.file) {
      // drained, not kept
    }
    return;
  }
  const data = await part.toBuffer();
  this.mediaUpload = { name: part.filename, data, truncated: part.file.truncated };
}

/** The media library screens (/quan-tri/thu-vien). */
export async function mediaRoutes(admin: FastifyInstance): Promise<void> {
  // Multipart parsing exists only here, with the library's limits; other admin forms refuse it.
  await admin.register(async (app) => {
    await app.register(multipart, {
      attachFieldsToBody: 'keyValues',
      onFile,
      throwFileSizeLimit: false,
      limits: { fileSize: Math.max(...Object.values(UPLOAD_LIMITS)), files: 1, fields: 10, fieldSize: 4096, parts: 12, headerPairs: 100 },
    });
    app.decorateRequest('mediaUpload', null);
    await routes(app);
  });
  await mediaPickerRoutes(admin);
}

async function routes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;
  const cx = (request: FastifyRequest): MediaCommandContext => ({ ...commandContext(request), media: ctx.media });
  const guardBrowse = (request: FastifyRequest) => {
    if (!mediaPolicy.browse(actorOf(request), request.site.id)) throw new AppError('forbidden');
  };

  async function detailPage(request: FastifyRequest, reply: FastifyReply, id: number, opts: { error?: string; status?: number } = {}) {
    guardBrowse(request);
    const media = await findMedia(ctx.db, request.site.id, id);
    if (!media) throw new AppError('not_found');
    const [uses, uploader] = await Promise.all([
      findUses(ctx.db, request.site.id, media),
      media.uploaded_by ? findUserById(ctx.db, media.uploaded_by) : undefined,
    ]);
    const notice = flash(request, NOTICES);
    return sendAdmin(
      reply,
      <MediaDetailPage frame={adminFrame(app, request, reply)} media={media} uses={uses} uploader={uploader?.display_name ?? null} canDelete={mediaPolicy.delete(actorOf(request), media)} notice={notice} error={opts.error} />,
      opts.status,
    );
  }

  function uploadPage(request: FastifyRequest, reply: FastifyReply, form: UploadFormValues, errors: Record<string, string> = {}, status = 200) {
    return sendAdmin(reply, <MediaUploadPage frame={adminFrame(app, request, reply)} form={form} errors={errors} />, status);
  }

  app.get(BASE, { schema: { querystring: ListQuery } }, async (request, reply) => {
    guardBrowse(request);
    const q = request.query;
    const kind = KIND_PARAMS[q.loai as keyof typeof KIND_PARAMS];
    const cursor = parseCursor(q.sau);
    const rows = await listMedia(ctx.db, request.site.id, {
      kind,
      text: q.q?.slice(0, 200),
      after: cursor ? { createdAt: cursor.value, id: cursor.id } : undefined,
      limit: PAGE + 1,
    });
    const page = rows.slice(0, PAGE);
    const params = new URLSearchParams(Object.entries({ loai: kind ? q.loai : '', q: q.q ?? '' }).filter(([, v]) => v) as [string, string][]);
    const firstHref = q.sau ? `${BASE}${params.size ? `?${params}` : ''}` : null;
    let nextHref: string | null = null;
    if (rows.length > PAGE) {
      const last = page[page.length - 1]!;
      params.set('sau', `${last.created_at}~${last.id}`);
      nextHref = `${BASE}?${params}`;
    }
    const notice = flash(request, NOTICES);
    return sendAdmin(reply, <MediaListPage frame={adminFrame(app, request, reply)} rows={page} query={q} nextHref={nextHref} firstHref={firstHref} notice={notice} />);
  });

  app.get(`${BASE}/tai-len`, async (request, reply) => {
    if (!mediaPolicy.upload(actorOf(request), request.site.id)) throw new AppError('forbidden');
    return uploadPage(request, reply, { title: '', alt: '' });
  });

  app.post(`${BASE}/tai-len`, limitedTo(60), async (request, reply) => {
    const form = { title: bodyField(request, 'title') ?? '', alt: bodyField(request, 'alt') ?? '' };
    const r = await uploadMedia(cx(request), { file: request.mediaUpload, ...form });
    if (!r.ok) return uploadPage(request, reply, form, r.errors, 422);
    return redirectWithFlash(reply, `${BASE}/${r.value}`, 'da-tai-len');
  });

  app.get(`${BASE}/:id`, { schema: { params: IdParams } }, async (request, reply) => detailPage(request, reply, Number(request.params.id)));

  app.post(`${BASE}/:id/xoa`, { schema: { params: IdParams } }, async (request, reply) => {
    const id = Number(request.params.id);
    const r = await deleteMedia(cx(request), id);
    if (!r.ok) return detailPage(request, reply, id, { error: r.message, status: 409 });
    return redirectWithFlash(reply, BASE, 'da-xoa');
  });
}
