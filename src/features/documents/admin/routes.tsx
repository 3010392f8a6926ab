import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CommandContext } from '../../../kernel/commands.js';
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

const NOTICES: Record<string, string> = {
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

function idParam(request: FastifyRequest, name = 'id'): number {
  const v = (request.params as Record<string, string>)[name] ?? '';
  if (!/^\d{1,12}$/.test(v)) throw new AppError('not_found');
  return Number(v);
}

function noticeOf(request: FastifyRequest): string | undefined {
  return NOTICES[(request.query as { tb?: string }).tb ?? ''];
}

const go = (reply: FastifyReply, path: string, notice: string) => reply.redirect(`${path}?tb=${notice}`, 303);

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
export async function documentAdminRoutes(app: FastifyInstance): Promise<void> {
  const ctx = app.cong;
  const cx = (request: FastifyRequest): CommandContext => ({ db: ctx.db, site: request.site, actor: actorOf(request), now: ctx.now(), cache: ctx.pageCache });

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
        candidates={all.filter((c) => c.id !== id)} relatedIds={related.map((r) => r.related_id)} notice={status === 200 ? noticeOf(request) : undefined}
      />
    ), status);
  }

  app.get(PATH, async (request, reply) => {
    guard(request);
    const site = request.site;
    const qs = request.query as Record<string, string | undefined>;
    const query: AdminListQuery = { q: (qs.q ?? '').normalize('NFC').slice(0, 200), loai: qs.loai ?? '', tinh_trang: qs.tinh_trang ?? '' };
    const types = await listTypes(ctx.db, site.id);
    const parsed = parseQuery(query.q);
    const typeId = types.find((t) => String(t.id) === query.loai)?.id;
    const n = Number(qs.trang);
    const page = Number.isInteger(n) && n >= 1 ? n : 1;
    const { items, total } = await listDocuments(ctx.db, site.id, {
      publishedOnly: false,
      typeId,
      status: ['con-hieu-luc', 'het-hieu-luc', 'du-thao'].includes(query.tinh_trang) ? query.tinh_trang : undefined,
      clauses: parsed.kind === 'ok' ? parsed.clauses : undefined,
    }, ADMIN_PAGE_SIZE, (page - 1) * ADMIN_PAGE_SIZE);
    const pages = Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE));
    return sendAdmin(reply, <AdminDocumentList frame={adminFrame(app, request, reply)} rows={items} total={total} page={page} pages={pages} query={query} types={types} notice={noticeOf(request)} />);
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
    return go(reply, `${PATH}/${r.value}`, 'da-tao');
  });

  app.get(`${PATH}/:id`, async (request, reply) => {
    guard(request);
    return edit(request, reply, idParam(request), null, {});
  });

  app.post(`${PATH}/:id`, async (request, reply) => {
    guard(request);
    const id = idParam(request);
    const form = formOf(request);
    const r = await saveDocument(cx(request), id, form);
    if (!r.ok) return edit(request, reply, id, form, r.errors, 422);
    return go(reply, `${PATH}/${id}`, 'da-luu');
  });

  app.get(`${PATH}/:id/xoa`, async (request, reply) => {
    guard(request);
    const doc = await findDocument(ctx.db, request.site.id, idParam(request), false);
    if (!doc) throw new AppError('not_found');
    return sendAdmin(reply, <AdminDocumentDelete frame={adminFrame(app, request, reply)} doc={doc} files={await listFiles(ctx.db, request.site.id, doc.id)} />);
  });

  app.post(`${PATH}/:id/xoa`, async (request, reply) => {
    guard(request);
    await deleteDocument(cx(request), ctx.config.dataDir, idParam(request));
    return go(reply, PATH, 'da-xoa');
  });

  await documentUploadScope(app, async (scope) => {
    // The role is checked before the body is read: only the library's managers make us buffer a file.
    scope.post(`${PATH}/:id/tep`, { onRequest: async (request) => guard(request), config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (request, reply) => {
      const id = idParam(request);
      const r = await attachFile(cx(request), ctx.config.dataDir, id, request.documentUpload);
      if (!r.ok) return edit(request, reply, id, null, r.errors, 422);
      return go(reply, `${PATH}/${id}`, 'da-tai-tep');
    });
  });

  app.post(`${PATH}/:id/tep/:fileId/xoa`, async (request, reply) => {
    guard(request);
    const id = idParam(request);
    await removeFile(cx(request), ctx.config.dataDir, id, idParam(request, 'fileId'));
    return go(reply, `${PATH}/${id}`, 'da-go-tep');
  });

  app.post(`${PATH}/:id/lien-quan`, async (request, reply) => {
    guard(request);
    const id = idParam(request);
    const ids = bodyFields(request, 'related').map((v) => (/^\d{1,12}$/.test(v) ? Number(v) : -1));
    const r = await setRelated(cx(request), id, ids);
    if (!r.ok) return edit(request, reply, id, null, r.errors, 422);
    return go(reply, `${PATH}/${id}`, 'da-luu-lien-quan');
  });

  // The site's list of document types.
  async function typesPage(request: FastifyRequest, reply: FastifyReply, name: string, errors: FieldErrors, status = 200) {
    const site = request.site;
    const [types, counts] = await Promise.all([
      listTypes(ctx.db, site.id),
      ctx.db.selectFrom('documents').select(['type_id', (eb) => eb.fn.countAll<number>().as('n')]).where('site_id', '=', site.id).groupBy('type_id').execute(),
    ]);
    const byType = new Map(counts.map((c) => [c.type_id, Number(c.n)]));
    return sendAdmin(reply, <AdminDocumentTypes frame={adminFrame(app, request, reply)} types={types} counts={byType} name={name} errors={errors} notice={status === 200 ? noticeOf(request) : undefined} />, status);
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
    return go(reply, TYPES_PATH, 'da-them-loai');
  });

  app.post(`${TYPES_PATH}/mac-dinh`, async (request, reply) => {
    guard(request);
    await addDefaultDocumentTypes(cx(request));
    return go(reply, TYPES_PATH, 'da-them-loai');
  });

  app.post(`${TYPES_PATH}/:id`, async (request, reply) => {
    guard(request);
    const r = await renameDocumentType(cx(request), idParam(request), bodyField(request, 'name') ?? '');
    // The rename boxes sit in the table: their message goes above it, not under the add form.
    if (!r.ok) return typesPage(request, reply, '', { _form: Object.values(r.errors)[0]! }, 422);
    return go(reply, TYPES_PATH, 'da-doi-ten-loai');
  });

  app.post(`${TYPES_PATH}/:id/xoa`, async (request, reply) => {
    guard(request);
    const r = await deleteDocumentType(cx(request), idParam(request));
    if (!r.ok) return typesPage(request, reply, '', r.errors, 409);
    return go(reply, TYPES_PATH, 'da-xoa-loai');
  });
}
