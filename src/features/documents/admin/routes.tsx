import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { commandContext as cx } from '../../../kernel/commands.js';
import { flash, redirectWithFlash, type FlashMessages } from '../../../kernel/http/flash.js';
import { perMinute } from '../../../kernel/http/limits.js';
import { Id, IdParams, pageNumber, QueryText } from '../../../kernel/http/route-schemas.js';
import { parseId } from '../../../kernel/lib/ids.js';
import { attachFile, removeFile } from '../commands/attach-file.js';
import { deleteDocument } from '../commands/delete-document.js';
import { addDefaultDocumentTypes, addDocumentType, deleteDocumentType, renameDocumentType } from '../commands/document-types.js';
import { saveDocument } from '../commands/save-document.js';
import { setRelated } from '../commands/set-related.js';
import { EMPTY_DOCUMENT, type DocumentForm } from '../input.js';
import { documentPolicy } from '../policy.js';
import { findDocument, listAllForPicker, listDocuments, listFiles, listTypes } from '../repo.js';
import type { DocumentRow } from '../../../kernel/db/tables/documents.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { parseQuery } from '../../../kernel/search/query.js';
import { actorOf, adminFrame, bodyField, bodyFields, sendAdmin } from '../../../kernel/http/admin-scope.js';
import type { FieldErrors } from '../../../kernel/views/admin/forms.js';
import { documentUploadScope } from './upload.js';
import { AdminDocumentDelete, AdminDocumentEdit, AdminDocumentList, AdminDocumentNew, AdminDocumentTypes, PATH, TYPES_PATH, type AdminListQuery } from './views.js';

const NOTICES: FlashMessages = {
  'da-tao': 'Đã thêm văn bản. Bạn có thể tải tệp lên và chọn văn bản liên quan.',
  'da-luu': 'Đã lưu văn bản.',
  'da-xoa': 'Đã xoá văn bản.',
  'da-tai-tep': 'Đã tải tệp lên.',
  'da-go-tep': 'Đã gỡ tệp.',
  'da-luu-lien-quan': 'Đã lưu văn bản liên quan.',
  'da-them-loai': 'Đã thêm loại văn bản.',
  'da-doi-ten-loai': 'Đã đổi tên loại văn bản.',
  'da-xoa-loai': 'Đã xoá loại văn bản.',
};
const ADMIN_PAGE_SIZE = 30;

function guard(request: FastifyRequest): void {
  if (!documentPolicy.manage(actorOf(request), request.site.id)) throw new AppError('forbidden');
}

/** The library screen's search, filters and page. */
const ListQuery = Type.Object({ q: QueryText, loai: QueryText, tinh_trang: QueryText, trang: QueryText });
const byId = { schema: { params: IdParams } };

function formOf(request: FastifyRequest): DocumentForm {
  const out = { ...EMPTY_DOCUMENT } as Record<string, string>;
  for (const k of Object.keys(out)) out[k] = k === 'published' ? (bodyFields(request, k).includes('1') ? '1' : '0') : (bodyField(request, k) ?? '');
  return out as unknown as DocumentForm;
}

function formFromRow(d: DocumentRow): DocumentForm {
  return {
    number: d.number, type_id: String(d.type_id), issuer: d.issuer, signer: d.signer, issued_on: d.issued_on, effective_on: d.effective_on ?? '',
    title: d.title, field: d.field, status: d.status, consultation_until: d.consultation_until ?? '', published: String(d.published),
  };
}

/** Back-office screens of Văn bản (document library): list, create, edit, delete, files, related, types. */
export async function documentAdminRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;

  async function edit(request: FastifyRequest, reply: FastifyReply, id: number, form: DocumentForm | null, errors: FieldErrors, status = 200) {
    const site = request.site;
    const doc = await findDocument(ctx.db, site.id, id, false);
    if (!doc) throw new AppError('not_found');
    const [types, files, all, related] = await Promise.all([
      listTypes(ctx.db, site.id),
      listFiles(ctx.db, site.id, id),
      listAllForPicker(ctx.db, site.id),
      ctx.db.selectFrom('document_relations').select('related_id').where('site_id', '=', site.id).where('document_id', '=', id).execute(),
    ]);
    return sendAdmin(reply, (
      <AdminDocumentEdit
        frame={adminFrame(app, request, reply)} doc={doc} form={form ?? formFromRow(doc)} errors={errors} types={types} files={files}
        candidates={all.filter((c) => c.id !== id)} relatedIds={related.map((r) => r.related_id)} notice={status === 200 ? flash(request, NOTICES) : undefined}
      />
    ), status);
  }

  app.get(PATH, { schema: { querystring: ListQuery } }, async (request, reply) => {
    guard(request);
    const site = request.site;
    const qs = request.query;
    const query: AdminListQuery = { q: (qs.q ?? '').normalize('NFC').slice(0, 200), loai: qs.loai ?? '', tinh_trang: qs.tinh_trang ?? '' };
    const types = await listTypes(ctx.db, site.id);
    const parsed = parseQuery(query.q);
    const typeId = types.find((t) => String(t.id) === query.loai)?.id;
    const page = pageNumber(qs.trang);
    const { items, total } = await listDocuments(ctx.db, site.id, {
      publishedOnly: false,
      typeId,
      status: ['con-hieu-luc', 'het-hieu-luc', 'du-thao'].includes(query.tinh_trang) ? query.tinh_trang : undefined,
      clauses: parsed.kind === 'ok' ? parsed.clauses : undefined,
    }, ADMIN_PAGE_SIZE, (page - 1) * ADMIN_PAGE_SIZE);
    const pages = Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE));
    return sendAdmin(reply, <AdminDocumentList frame={adminFrame(app, request, reply)} rows={items} total={total} page={page} pages={pages} query={query} types={types} notice={flash(request, NOTICES)} />);
  });

  app.get(`${PATH}/moi`, async (request, reply) => {
    guard(request);
    return sendAdmin(reply, <AdminDocumentNew frame={adminFrame(app, request, reply)} form={EMPTY_DOCUMENT} errors={{}} types={await listTypes(ctx.db, request.site.id)} />);
  });

  app.post(PATH, async (request, reply) => {
    guard(request);
    const form = formOf(request);
    const r = await saveDocument(cx(request), null, form);
    if (!r.ok) return sendAdmin(reply, <AdminDocumentNew frame={adminFrame(app, request, reply)} form={form} errors={r.errors} types={await listTypes(ctx.db, request.site.id)} />, 422);
    return redirectWithFlash(reply, `${PATH}/${r.value}`, 'da-tao');
  });

  app.get(`${PATH}/:id`, byId, async (request, reply) => {
    guard(request);
    return edit(request, reply, Number(request.params.id), null, {});
  });

  app.post(`${PATH}/:id`, byId, async (request, reply) => {
    guard(request);
    const id = Number(request.params.id);
    const form = formOf(request);
    const r = await saveDocument(cx(request), id, form);
    if (!r.ok) return edit(request, reply, id, form, r.errors, 422);
    return redirectWithFlash(reply, `${PATH}/${id}`, 'da-luu');
  });

  app.get(`${PATH}/:id/xoa`, byId, async (request, reply) => {
    guard(request);
    const doc = await findDocument(ctx.db, request.site.id, Number(request.params.id), false);
    if (!doc) throw new AppError('not_found');
    return sendAdmin(reply, <AdminDocumentDelete frame={adminFrame(app, request, reply)} doc={doc} files={await listFiles(ctx.db, request.site.id, doc.id)} />);
  });

  app.post(`${PATH}/:id/xoa`, byId, async (request, reply) => {
    guard(request);
    await deleteDocument(cx(request), ctx.media, Number(request.params.id));
    return redirectWithFlash(reply, PATH, 'da-xoa');
  });

  await documentUploadScope(app, async (scope) => {
    // The role is checked before the body is read: only the library's managers make us buffer a file.
    const options = { onRequest: async (request: FastifyRequest) => guard(request), config: { rateLimit: perMinute(30) }, ...byId };
    scope.withTypeProvider<TypeBoxTypeProvider>().post(`${PATH}/:id/tep`, options, async (request, reply) => {
      const id = Number(request.params.id);
      const r = await attachFile(cx(request), ctx.media, id, request.documentUpload);
      if (!r.ok) return edit(request, reply, id, null, r.errors, 422);
      return redirectWithFlash(reply, `${PATH}/${id}`, 'da-tai-tep');
    });
  });

  app.post(`${PATH}/:id/tep/:fileId/xoa`, { schema: { params: Type.Object({ id: Id, fileId: Id }) } }, async (request, reply) => {
    guard(request);
    const id = Number(request.params.id);
    await removeFile(cx(request), ctx.media, id, Number(request.params.fileId));
    return redirectWithFlash(reply, `${PATH}/${id}`, 'da-go-tep');
  });

  app.post(`${PATH}/:id/lien-quan`, byId, async (request, reply) => {
    guard(request);
    const id = Number(request.params.id);
    const ids = bodyFields(request, 'related').map((v) => parseId(v) ?? -1);
    const r = await setRelated(cx(request), id, ids);
    if (!r.ok) return edit(request, reply, id, null, r.errors, 422);
    return redirectWithFlash(reply, `${PATH}/${id}`, 'da-luu-lien-quan');
  });

  // The site's list of document types.
  async function typesPage(request: FastifyRequest, reply: FastifyReply, name: string, errors: FieldErrors, status = 200) {
    const site = request.site;
    const [types, counts] = await Promise.all([
      listTypes(ctx.db, site.id),
      ctx.db.selectFrom('documents').select(['type_id', (eb) => eb.fn.countAll<number>().as('n')]).where('site_id', '=', site.id).groupBy('type_id').execute(),
    ]);
    const byType = new Map(counts.map((c) => [c.type_id, Number(c.n)]));
    return sendAdmin(reply, <AdminDocumentTypes frame={adminFrame(app, request, reply)} types={types} counts={byType} name={name} errors={errors} notice={status === 200 ? flash(request, NOTICES) : undefined} />, status);
  }

  app.get(TYPES_PATH, async (request, reply) => {
    guard(request);
    return typesPage(request, reply, '', {});
  });

  app.post(TYPES_PATH, async (request, reply) => {
    guard(request);
    const name = bodyField(request, 'name') ?? '';
    const r = await addDocumentType(cx(request), name);
    if (!r.ok) return typesPage(request, reply, name, r.errors, 422);
    return redirectWithFlash(reply, TYPES_PATH, 'da-them-loai');
  });

  app.post(`${TYPES_PATH}/mac-dinh`, async (request, reply) => {
    guard(request);
    await addDefaultDocumentTypes(cx(request));
    return redirectWithFlash(reply, TYPES_PATH, 'da-them-loai');
  });

  app.post(`${TYPES_PATH}/:id`, byId, async (request, reply) => {
    guard(request);
    const r = await renameDocumentType(cx(request), Number(request.params.id), bodyField(request, 'name') ?? '');
    // The rename boxes sit in the table: their message goes above it, not under the add form.
    if (!r.ok) return typesPage(request, reply, '', { _form: Object.values(r.errors)[0]! }, 422);
    return redirectWithFlash(reply, TYPES_PATH, 'da-doi-ten-loai');
  });

  app.post(`${TYPES_PATH}/:id/xoa`, byId, async (request, reply) => {
    guard(request);
    const r = await deleteDocumentType(cx(request), Number(request.params.id));
    if (!r.ok) return typesPage(request, reply, '', r.errors, 409);
    return redirectWithFlash(reply, TYPES_PATH, 'da-xoa-loai');
  });
}
