import type { FastifyInstance } from 'fastify';
import { AdminClient, makeUser } from '../helpers/admin.js';
import { buildTestApp, NAM_HONG_LINH, BAC_HONG_LINH } from '../helpers/app.js';
import type { TestDb } from '../helpers/db.js';
import { multipart, type FilePart } from '../media/fixtures.js';

/** The people of the document-library tests, signed in on Hồng Lĩnh (site 1). */
export interface DocumentsFixture {
  app: FastifyInstance;
  /** editor of site 1 (the library's everyday user) */
  editor: AdminClient;
  /** approver of site 1 */
  approver: AdminClient;
  /** contributor of site 1: may write articles, not manage documents */
  contributor: AdminClient;
  /** editor of site 2 with a valid session, aimed at site 1 */
  otherEditor: AdminClient;
}

export async function setupDocuments(db: TestDb): Promise<DocumentsFixture> {
  const app = await buildTestApp(db);
  await makeUser(db.db, 'bientap', [{ siteId: 1, role: 'editor' }]);
  await makeUser(db.db, 'truongban', [{ siteId: 1, role: 'approver' }]);
  await makeUser(db.db, 'congtacvien', [{ siteId: 1, role: 'contributor' }]);
  await makeUser(db.db, 'bientap2', [{ siteId: 2, role: 'editor' }]);
  const other = await AdminClient.login(app, BAC_HONG_LINH, 'bientap2');
  return {
    app,
    editor: await AdminClient.login(app, NAM_HONG_LINH, 'bientap'),
    approver: await AdminClient.login(app, NAM_HONG_LINH, 'truongban'),
    contributor: await AdminClient.login(app, NAM_HONG_LINH, 'congtacvien'),
    otherEditor: Object.assign(new AdminClient(app, NAM_HONG_LINH), { cookie: other.cookie, csrf: other.csrf }),
  };
}

export function publicGet(app: FastifyInstance, url: string, host = NAM_HONG_LINH) {
  return app.inject({ url, headers: { host } });
}

/** Id of a demo document by its number. */
export async function docId(db: TestDb, siteId: number, number: string): Promise<number> {
  const row = await db.db.selectFrom('documents').select('id').where('site_id', '=', siteId).where('number', '=', number).executeTakeFirstOrThrow();
  return row.id;
}

export async function typeId(db: TestDb, siteId: number, name: string): Promise<number> {
  const row = await db.db.selectFrom('document_types').select('id').where('site_id', '=', siteId).where('name', '=', name).executeTakeFirstOrThrow();
  return row.id;
}

export async function countRows(db: TestDb, table: 'documents' | 'document_files' | 'document_types' | 'document_relations', siteId: number): Promise<number> {
  const r = await db.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('site_id', '=', siteId).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function lastAudit(db: TestDb, action: string) {
  const r = await db.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id', 'desc').executeTakeFirst();
  if (!r) return null;
  return { userId: r.user_id, siteId: r.site_id, entityId: r.entity_id, before: r.before_json && JSON.parse(r.before_json), after: r.after_json && JSON.parse(r.after_json) };
}

/** A complete, valid document form; override what a test is about. */
export function validForm(type: number, over: Record<string, string> = {}): Record<string, string> {
  return {
    number: '150/QĐ-UBND', type_id: String(type), issuer: 'UBND thị xã Hồng Lĩnh', signer: 'Chủ tịch Nguyễn Văn A',
    issued_on: '2025-03-01', effective_on: '2025-03-15', title: 'Về việc kiện toàn Ban chỉ đạo chuyển đổi số thị xã',
    field: 'Chuyển đổi số', status: 'con-hieu-luc', consultation_until: '', published: '1', ...over,
  };
}

/** Posts the file-upload form as a browser would: the CSRF token first, then the file. */
export function uploadFile(client: AdminClient, documentId: number, file: FilePart | undefined, csrf: string | null = client.csrf) {
  const body = multipart(csrf === null ? [] : [['_csrf', csrf]], file);
  return client.app.inject({
    method: 'POST',
    url: `/quan-tri/van-ban/${documentId}/tep`,
    headers: { host: client.host, cookie: client.cookie, 'content-type': body.contentType },
    payload: body.payload,
  });
}

export function fieldError(html: string, field: string): string | null {
  const m = new RegExp(`<p class="field-error" id="f-${field}-error">([^<]*)</p>`).exec(html);
  return m ? m[1]! : null;
}

/** Text as Preact escaped it, back to characters (for comparing messages). */
export function decode(html: string): string {
  return html.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
